/**
 * Opening the database file: the pragmas broker-sim runs with, the schema (schema.sql, plain SQL),
 * and the migrations that bring a file written by an older version up to it.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';

const SCHEMA = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');

/** Pages in the WAL after which a commit checkpoints it: 1 MiB at 4 KiB pages, half the full-disk reserve. */
export const WAL_AUTOCHECKPOINT_PAGES = 256;

/** The WAL file is truncated to this after checkpoints. */
const WAL_LIMIT_BYTES = 16 * 1024 * 1024;

export interface OpenOptions {
  /** 'disk' (default): each commit is fsynced; 'process': commits survive a kill of the process, not of the machine. */
  durability?: 'disk' | 'process';
  /** Refuse to grow the database file beyond this many bytes (SQLite max_page_count). */
  maxBytes?: number;
}

/** Opens (or creates) the database; ':memory:' keeps nothing. */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const db = new Database(path);
  // Pages freed by acked messages are given back to the file system (see Maintenance); must be set
  // before the first table is created, so it applies to databases made by this version on.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  // After a checkpoint the WAL file is cut back to this size instead of staying at its peak.
  db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
  // Checkpoints every 256 pages (1 MiB; SQLite's default is 4 MiB): what the WAL holds that the
  // database file has not taken stays below the full-disk reserve (space-reserve.ts), so on a full
  // disk the checkpoint that lets the WAL be reused always fits.
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  // FULL in WAL mode: every commit is fsynced before it returns, so a confirm survives a power cut,
  // as RabbitMQ's (group commit keeps it to one fsync per batch). NORMAL: a commit survives the
  // process being killed (kill -9); an operating-system crash or power cut may lose the last ones.
  db.pragma(`synchronous = ${options.durability === 'process' ? 'NORMAL' : 'FULL'}`);
  // Older files get their new columns first: the schema's indexes read them.
  migrate(db);
  db.exec(SCHEMA);
  if (options.maxBytes !== undefined) {
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / pageSize))}`);
  }
  return db;
}

/** Databases written before a column existed get it added (a new file has none of these tables yet). */
function migrate(db: Database.Database): void {
  const columns = new Set((db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name));
  if (columns.size === 0) return;
  const add = (name: string, decl: string): void => {
    if (!columns.has(name)) db.exec(`ALTER TABLE messages ADD COLUMN ${name} ${decl}`);
  };
  add('expires_at', 'INTEGER');
  add('delivery_count', 'INTEGER NOT NULL DEFAULT 0');
  add('acquired', 'INTEGER NOT NULL DEFAULT 0');
  for (const c of ['held_connection TEXT', 'held_client_name TEXT', 'held_channel TEXT', 'held_consumer_tag TEXT', 'held_since INTEGER', 'held_until INTEGER']) {
    add(c.split(' ')[0]!, c.split(' ')[1]!);
  }
}
