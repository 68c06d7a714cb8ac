/**
 * core's Storage on SQLite (better-sqlite3, WAL), from three parts: the SQL mapping (sql-mapping.ts),
 * the commit queue that decides when writes are committed and who waits for them (commit-queue.ts),
 * and the upkeep of the files (database.ts opens and migrates, maintenance.ts vacuums and checkpoints).
 */
import type Database from 'better-sqlite3';
import type { BrokerEvent } from '../core/events.ts';
import type { Message } from '../core/message.ts';
import { takePage } from '../core/ready-list.ts';
import type {
  BindingRecord, Durability, DurableState, ExchangeRecord, Holder, PermissionRecord, PolicyRecord, QueueRecord, Storage, UserRecord,
  VhostLimitRecord,
} from '../core/storage.ts';
import { systemStoreClock, type StoreClock } from './clock.ts';
import { CommitQueue, type BatchWriter } from './commit-queue.ts';
import { FileGuard } from './file-guard.ts';
import { openDatabase, type OpenOptions } from './database.ts';
import { Maintenance } from './maintenance.ts';
import { FullDisk, SpaceReserve } from './space-reserve.ts';
import { SqlMapping } from './sql-mapping.ts';
import { SqliteStreams } from './streams.ts';

export interface SqliteStoreOptions extends OpenOptions {
  /** The store's timers (commit delays, retries, tidying). Default: real time. */
  clock?: StoreClock;
  /** The last broker on this file did not stop cleanly: its stored messages come back redelivered. */
  afterCrash?: boolean;
}

export class SqliteStore implements Storage {
  private readonly db: Database.Database;
  private readonly sql: SqlMapping;
  private readonly commits: CommitQueue;
  private readonly maintenance: Maintenance;
  readonly streams: SqliteStreams;
  /** A full disk's reserve (none for ':memory:'): while it is given up, publishers stay blocked. */
  private readonly fullDisk: FullDisk | undefined;
  private readonly watchers: ((writable: boolean, reason?: string) => void)[] = [];
  private reported = true;
  readonly durability: Durability;

  /**
   * @param path a file, or ':memory:' for a broker that keeps nothing
   * @param onError told of the first failure of a run of failing commits
   */
  constructor(path: string, onError: (err: Error) => void = () => {}, options: SqliteStoreOptions = {}) {
    const clock = options.clock ?? systemStoreClock;
    const reserve = path === ':memory:' ? undefined : new SpaceReserve(path);
    this.db = openDatabase(path, options);
    reserve?.take();
    this.durability = path === ':memory:' ? 'memory' : options.durability ?? 'disk';
    this.sql = new SqlMapping(this.db, options.afterCrash);
    const writer = reserve ? guarded(this.sql, new FileGuard(path)) : this.sql;
    this.commits = new CommitQueue(writer, clock, {
      committed: () => { this.maintenance.committed(); this.fullDisk?.committed(); },
      failed: (err) => { this.fullDisk?.failed(err); onError(err); },
      deletesOnly: () => this.fullDisk?.low ?? false,
    });
    this.maintenance = new Maintenance(this.db, clock, () => this.commits.pending);
    this.streams = new SqliteStreams(this.db, this.commits);
    this.fullDisk = reserve ? new FullDisk(reserve, clock, () => this.maintenance.shrinkNow(), () => this.recovered()) : undefined;
    this.commits.onWritableChange((_, reason) => this.report(reason));
  }

  load(): DurableState { return this.sql.load(); }

  saveVhost(name: string): void { this.commits.op(() => this.sql.saveVhost(name)); }
  deleteVhost(name: string): void {
    this.commits.dropInserts((p) => p.vhost === name);
    this.commits.op(() => this.sql.deleteVhost(name));
  }
  saveUser(u: UserRecord): void { this.commits.op(() => this.sql.saveUser(u)); }
  deleteUser(name: string): void { this.commits.op(() => this.sql.deleteUser(name)); }
  savePermission(p: PermissionRecord): void { this.commits.op(() => this.sql.savePermission(p)); }
  deletePermission(user: string, vhost: string): void { this.commits.op(() => this.sql.deletePermission(user, vhost)); }
  saveVhostLimit(l: VhostLimitRecord): void { this.commits.op(() => this.sql.saveVhostLimit(l)); }
  deleteVhostLimit(vhost: string, name: string): void { this.commits.op(() => this.sql.deleteVhostLimit(vhost, name)); }
  savePolicy(p: PolicyRecord): void { this.commits.op(() => this.sql.savePolicy(p)); }
  deletePolicy(vhost: string, name: string): void { this.commits.op(() => this.sql.deletePolicy(vhost, name)); }
  saveQueue(q: QueueRecord): void { this.commits.op(() => this.sql.saveQueue(q)); }
  deleteQueue(vhost: string, name: string): void {
    this.commits.dropInserts((p) => p.vhost === vhost && p.queue === name);
    this.commits.op(() => this.sql.deleteQueue(vhost, name));
  }
  saveExchange(x: ExchangeRecord): void { this.commits.op(() => this.sql.saveExchange(x)); }
  deleteExchange(vhost: string, name: string): void { this.commits.op(() => this.sql.deleteExchange(vhost, name)); }
  saveBinding(b: BindingRecord): void { this.commits.op(() => this.sql.saveBinding(b)); }
  deleteBinding(b: BindingRecord): void { this.commits.op(() => this.sql.deleteBinding(b)); }
  purgeQueue(vhost: string, name: string): void {
    this.commits.dropInserts((p) => p.vhost === vhost && p.queue === name);
    this.commits.op(() => this.sql.purgeQueue(vhost, name));
  }

  insertMessage(vhost: string, queue: string, m: Message): void { this.commits.insert(vhost, queue, m); }
  /** Committed rows and inserts still waiting for their commit, merged in id order. */
  readMessages(vhost: string, queue: string, afterId: number, limit: number, maxBytes: number): Message[] {
    const pending = this.commits.pendingInserts(vhost, queue, afterId);
    const committed = this.sql.readMessages(vhost, queue, afterId, limit);
    return takePage(pending.length === 0 ? committed : mergeById(committed, pending), limit, maxBytes);
  }
  deleteMessage(id: number): void { this.commits.delete(id); }
  updateDelivery(m: Message, holder: Holder | null): void { this.commits.update(m, holder); }
  appendEvent(e: BrokerEvent): void { this.commits.event(e); }

  afterCommit(fn: () => void, ifLost?: () => void): void { this.commits.afterCommit(fn, ifLost); }
  /** Commits everything queued now. */
  flush(): void { this.commits.flush(); }
  /** Commits work, and a full disk's reserve is back in place (until then publishers stay blocked). */
  get writable(): boolean { return this.commits.writable && !this.fullDisk?.low; }
  onWritableChange(fn: (writable: boolean, reason?: string) => void): void { this.watchers.push(fn); }

  /** The full disk's reserve is back: what waited is committed now, and publishers may go on. */
  private recovered(): void {
    if (this.commits.pending) this.commits.flush();
    this.report();
  }

  /** Tells watchers when writable changes; the reason is the failing commit's. */
  private report(reason?: string): void {
    const writable = this.writable;
    if (writable === this.reported) return;
    this.reported = writable;
    for (const fn of this.watchers) fn(writable, writable ? undefined : reason ?? 'database or disk is full');
  }

  close(): void {
    this.fullDisk?.close();
    this.maintenance.close();
    this.commits.close();
    this.db.close();
  }
}

/** Writes only while the database file is the one opened (see FileGuard). */
function guarded(writer: BatchWriter, guard: FileGuard): BatchWriter {
  return {
    write(b) { guard.check(); writer.write(b); },
    writeDeletes(ids) { guard.check(); writer.writeDeletes(ids); },
  };
}

/** Two id-ordered lists as one. */
function mergeById(a: readonly Message[], b: readonly Message[]): Message[] {
  const out: Message[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.id < b[j]!.id)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
