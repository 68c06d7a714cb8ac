/**
 * One broker per database file. A running broker holds a lock on `<db>.lock`, a tiny SQLite file
 * beside the database that says who holds it (pid, AMQP URL). The lock is SQLite's own write lock
 * (RESERVED, an fcntl lock of the operating system) kept by a transaction that stays open while the
 * broker runs: another broker cannot take it, anyone can still read who holds it, and the system
 * drops it when the holder dies, so the lock of a killed broker (kill -9) is simply taken over.
 * The database itself keeps SQLite's normal locking: the sqlite3 CLI reads it while the broker runs.
 */
import Database from 'better-sqlite3';

/** Who holds a database's lock. */
export interface LockHolder { pid: number; amqpUrl: string | null; startedAt: string }

/** Another broker runs on this database. */
export class DatabaseInUse extends Error {
  constructor(readonly dbPath: string, readonly holder: LockHolder | undefined) {
    const who = holder ? `pid ${holder.pid}${holder.amqpUrl ? `, ${holder.amqpUrl}` : ''}` : 'another process';
    super(`${dbPath} is in use by another broker-sim (${who}); stop it, or start this one with --db other.db or --memory`);
  }
}

export function lockPathOf(dbPath: string): string { return `${dbPath}.lock`; }

const SCHEMA = 'CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, amqp_url TEXT, started_at TEXT NOT NULL)';

export class DatabaseLock {
  /** The lock's last holder did not give it back (killed, or the machine stopped): its broker crashed. */
  previousCrashed = false;
  /** Set once the broker serves (its URL is known): before that, a failed start leaves the crash on record. */
  private served = false;

  private constructor(private readonly db: Database.Database, private readonly holder: LockHolder) {}

  /** Takes the lock of dbPath for this process; throws DatabaseInUse when another broker holds it. */
  static take(dbPath: string): DatabaseLock {
    // No busy wait: a held lock is an answer, not something to wait for.
    const db = new Database(lockPathOf(dbPath), { timeout: 0 });
    try {
      // The rollback journal in memory: rewriting the holder row needs no new room on the disk, so a
      // broker restarts on a full disk (its reserve, see space-reserve.ts, is freed only once it holds the lock).
      db.pragma('journal_mode = MEMORY');
      const holder: LockHolder = { pid: process.pid, amqpUrl: null, startedAt: new Date().toISOString() };
      const lock = new DatabaseLock(db, holder);
      if (!lock.begin()) throw new DatabaseInUse(dbPath, readHolder(db));
      // A clean stop removes its row (release): one still there was left by a broker that crashed.
      lock.previousCrashed = readHolder(db) !== undefined;
      lock.publish();
      return lock;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
      throw err;
    }
  }

  /** Says where the broker listens, for the next one that finds the file locked. */
  setUrl(amqpUrl: string): void {
    this.holder.amqpUrl = amqpUrl;
    this.publish();
    this.served = true;
  }

  /** A clean stop: the holder row goes, so the next broker knows this one did not crash. */
  release(): void {
    if (!this.db.open) return;
    try {
      if (this.db.inTransaction && (this.served || !this.previousCrashed)) {
        this.db.prepare('DELETE FROM holder').run();
        this.db.exec('COMMIT');
      }
    } finally {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.db.close();
    }
  }

  /** Writes the holder row and commits it (readers see committed rows), then takes the lock again. */
  private publish(): void {
    if (!this.db.inTransaction && !this.begin()) throw new Error('lost the lock of the database');
    this.db.exec(SCHEMA);
    this.db.prepare('DELETE FROM holder').run();
    this.db.prepare('INSERT INTO holder (pid, amqp_url, started_at) VALUES (?, ?, ?)').run(this.holder.pid, this.holder.amqpUrl, this.holder.startedAt);
    this.db.exec('COMMIT');
    // Taken again at once, in the same turn; a broker that took it in that instant runs instead of this one.
    if (!this.begin()) throw new Error('lost the lock of the database to a broker started at the same moment');
  }

  /** BEGIN IMMEDIATE: takes the write lock, or false when another process holds it. */
  private begin(): boolean {
    try {
      this.db.exec('BEGIN IMMEDIATE');
      return true;
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return false;
      throw err;
    }
  }
}

/** The broker holding dbPath's lock, or undefined when none does (no lock file, or its holder is gone). */
export function lockHolder(dbPath: string): LockHolder | undefined {
  let db: Database.Database;
  try {
    db = new Database(lockPathOf(dbPath), { timeout: 0, fileMustExist: true });
  } catch {
    return undefined;
  }
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return undefined; // nobody holds it
  } catch {
    return readHolder(db);
  } finally {
    db.close();
  }
}

function readHolder(db: Database.Database): LockHolder | undefined {
  try {
    const r = db.prepare('SELECT pid, amqp_url, started_at FROM holder').get() as
      { pid: number; amqp_url: string | null; started_at: string } | undefined;
    return r && { pid: r.pid, amqpUrl: r.amqp_url, startedAt: r.started_at };
  } catch {
    return undefined;
  }
}
