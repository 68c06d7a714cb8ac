/**
 * core's Storage on SQLite (better-sqlite3, WAL). Writes are queued and committed in one transaction
 * per event-loop turn (group commit); callbacks waiting for durability run right after that commit.
 * A persistent message settled before its commit is never written at all.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { Message } from '../core/message.ts';
import type { BrokerEvent } from '../core/events.ts';
import type {
  BindingRecord, DurableState, ExchangeRecord, PermissionRecord, QueueRecord, Storage, StoredMessage, UserRecord,
} from '../core/storage.ts';

const SCHEMA = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');

interface PendingInsert { vhost: string; queue: string; m: Message; acquired?: boolean }

/** Events kept in the database (oldest dropped) and read back at start-up. */
const EVENTS_KEPT = 10_000;
const EVENTS_LOADED = 1_000;
/** The WAL file is truncated to this after checkpoints. */
const WAL_LIMIT_BYTES = 16 * 1024 * 1024;
/** Every so many commits, free pages beyond this share of the file are returned (incremental vacuum). */
const RECLAIM_EVERY_COMMITS = 200;
const RECLAIM_MIN_FREE_PAGES = 256;
/** The longest a write nobody waits for stays uncommitted. */
const LAZY_COMMIT_MS = 5;
/** Quiet time after the last commit before the files are tidied. */
const IDLE_TIDY_MS = 1000;
/** Retrying a commit that failed: from 50 ms, doubling, at most every 2 s. Only while failing. */
const RETRY_FIRST_MS = 50;
const RETRY_MAX_MS = 2_000;

export interface SqliteStoreOptions {
  /** Refuse to grow the database file beyond this many bytes (SQLite max_page_count). */
  maxBytes?: number;
}

export class SqliteStore implements Storage {
  private readonly db: Database.Database;
  private readonly stmt;
  private ops: (() => void)[] = [];
  private inserts = new Map<number, PendingInsert>();
  private deletes: number[] = [];
  private updates = new Map<number, { m: Message; acquired: boolean }>();
  private events: BrokerEvent[] = [];
  private failure: string | undefined;
  private commits = 0;
  private lazyTimer: NodeJS.Timeout | undefined;
  private lastCommitAt = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay = RETRY_FIRST_MS;
  private readonly writableWatchers: ((writable: boolean, reason?: string) => void)[] = [];
  private waiting: (() => void)[] = [];
  private scheduled = false;

  /** @param path a file, or ':memory:' for a broker that keeps nothing */
  constructor(path: string, private readonly onError: (err: Error) => void = () => {}, options: SqliteStoreOptions = {}) {
    this.db = new Database(path);
    // Pages freed by acked messages are given back to the file system (see reclaimSpace); must be set
    // before the first table is created, so it applies to databases made by this version on.
    this.db.pragma('auto_vacuum = INCREMENTAL');
    this.db.pragma('journal_mode = WAL');
    // After a checkpoint the WAL file is cut back to this size instead of staying at its peak.
    this.db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
    // NORMAL in WAL mode: a committed transaction survives the process being killed (kill -9);
    // only an operating-system crash may lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.migrate();
    if (options.maxBytes !== undefined) {
      const pageSize = Number(this.db.pragma('page_size', { simple: true }));
      this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / pageSize))}`);
    }
    const p = (sql: string) => this.db.prepare(sql);
    this.stmt = {
      saveVhost: p('INSERT OR IGNORE INTO vhosts (name) VALUES (?)'),
      deleteVhost: p('DELETE FROM vhosts WHERE name = ?'),
      deleteVhostQueues: p('DELETE FROM queues WHERE vhost = ?'),
      deleteVhostMessages: p('DELETE FROM messages WHERE vhost = ?'),
      deleteVhostPermissions: p('DELETE FROM permissions WHERE vhost = ?'),
      saveUser: p('INSERT OR REPLACE INTO users (name, password_hash, tags) VALUES (?, ?, ?)'),
      deleteUser: p('DELETE FROM users WHERE name = ?'),
      deleteUserPermissions: p('DELETE FROM permissions WHERE user = ?'),
      savePermission: p('INSERT OR REPLACE INTO permissions (user, vhost, configure, write, read) VALUES (?, ?, ?, ?, ?)'),
      saveQueue: p('INSERT OR REPLACE INTO queues (vhost, name, auto_delete, arguments) VALUES (?, ?, ?, ?)'),
      deleteQueue: p('DELETE FROM queues WHERE vhost = ? AND name = ?'),
      deleteQueueBindings: p("DELETE FROM bindings WHERE vhost = ? AND destination = ? AND destination_type = 'queue'"),
      saveExchange: p('INSERT OR REPLACE INTO exchanges (vhost, name, type, auto_delete, internal, arguments) VALUES (?, ?, ?, ?, ?, ?)'),
      deleteExchange: p('DELETE FROM exchanges WHERE vhost = ? AND name = ?'),
      deleteExchangeBindings: p('DELETE FROM bindings WHERE vhost = ? AND (source = ? OR (destination = ? AND destination_type = \'exchange\'))'),
      saveBinding: p('INSERT OR IGNORE INTO bindings (vhost, source, destination, destination_type, routing_key, arguments) VALUES (?, ?, ?, ?, ?, ?)'),
      deleteBinding: p('DELETE FROM bindings WHERE vhost = ? AND source = ? AND destination = ? AND destination_type = ? AND routing_key = ? AND arguments = ?'),
      insertMessage: p('INSERT OR REPLACE INTO messages (id, vhost, queue, exchange, routing_key, properties, body, redelivered, expires_at, delivery_count, acquired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      updateDelivery: p('UPDATE messages SET delivery_count = ?, acquired = ?, redelivered = ? WHERE id = ?'),
      appendEvent: p('INSERT INTO events (id, at, kind, vhost, queue, message_id, consumer_tag, channel, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      trimEvents: p('DELETE FROM events WHERE id <= ?'),
      deleteMessage: p('DELETE FROM messages WHERE id = ?'),
      purgeQueue: p('DELETE FROM messages WHERE vhost = ? AND queue = ?'),
    };
  }

  load(): DurableState {
    const all = <T>(sql: string): T[] => this.db.prepare(sql).all() as T[];
    // Rows are read as the schema declares them.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Row = any;
    return {
      vhosts: all<{ name: string }>('SELECT name FROM vhosts').map((r) => r.name),
      users: all<Row>('SELECT * FROM users').map((r) => ({ name: r.name, passwordHash: r.password_hash, tags: r.tags })),
      permissions: all<PermissionRecord>('SELECT user, vhost, configure, write, read FROM permissions'),
      queues: all<Row>('SELECT * FROM queues').map((r): QueueRecord => ({
        vhost: r.vhost, name: r.name, durable: true, autoDelete: !!r.auto_delete, arguments: JSON.parse(r.arguments) })),
      exchanges: all<Row>('SELECT * FROM exchanges').map((r): ExchangeRecord => ({
        vhost: r.vhost, name: r.name, type: r.type, durable: true, autoDelete: !!r.auto_delete, internal: !!r.internal,
        arguments: JSON.parse(r.arguments) })),
      bindings: all<Row>('SELECT * FROM bindings').map((r): BindingRecord => ({
        vhost: r.vhost, source: r.source, destination: r.destination, destinationType: r.destination_type,
        routingKey: r.routing_key, arguments: JSON.parse(r.arguments) })),
      messages: all<Row>('SELECT * FROM messages ORDER BY id').map((r): StoredMessage => ({
        id: r.id, vhost: r.vhost, queue: r.queue, exchange: r.exchange, routingKey: r.routing_key,
        propertiesRaw: r.properties, body: r.body, persistent: true, redelivered: !!r.redelivered, stored: true,
        ...(r.expires_at === null ? {} : { expiresAt: r.expires_at }),
        ...(r.delivery_count ? { deliveryCount: r.delivery_count } : {}),
        acquired: !!r.acquired })),
      events: all<Row>(`SELECT * FROM events ORDER BY id DESC LIMIT ${EVENTS_LOADED}`).reverse().map((r): BrokerEvent => ({
        id: r.id, at: r.at, kind: r.kind, vhost: r.vhost, queue: r.queue,
        ...(r.message_id === null ? {} : { messageId: r.message_id }),
        ...(r.consumer_tag === null ? {} : { consumerTag: r.consumer_tag }),
        ...(r.channel === null ? {} : { channel: r.channel }),
        ...(r.detail === null ? {} : { detail: r.detail }) })),
    };
  }

  saveVhost(name: string): void { this.queue(() => this.stmt.saveVhost.run(name)); }
  deleteVhost(name: string): void {
    this.dropPendingInserts((p) => p.vhost === name);
    this.queue(() => {
      this.stmt.deleteVhost.run(name);
      this.stmt.deleteVhostQueues.run(name);
      this.stmt.deleteVhostMessages.run(name);
      this.stmt.deleteVhostPermissions.run(name);
    });
  }
  saveUser(u: UserRecord): void { this.queue(() => this.stmt.saveUser.run(u.name, u.passwordHash, u.tags)); }
  deleteUser(name: string): void {
    this.queue(() => { this.stmt.deleteUser.run(name); this.stmt.deleteUserPermissions.run(name); });
  }
  savePermission(p: PermissionRecord): void {
    this.queue(() => this.stmt.savePermission.run(p.user, p.vhost, p.configure, p.write, p.read));
  }
  saveQueue(q: QueueRecord): void {
    this.queue(() => this.stmt.saveQueue.run(q.vhost, q.name, q.autoDelete ? 1 : 0, JSON.stringify(q.arguments)));
  }
  deleteQueue(vhost: string, name: string): void {
    this.dropPendingInserts((p) => p.vhost === vhost && p.queue === name);
    this.queue(() => {
      this.stmt.deleteQueue.run(vhost, name);
      this.stmt.purgeQueue.run(vhost, name);
      this.stmt.deleteQueueBindings.run(vhost, name);
    });
  }
  saveExchange(x: ExchangeRecord): void {
    this.queue(() => this.stmt.saveExchange.run(x.vhost, x.name, x.type, x.autoDelete ? 1 : 0, x.internal ? 1 : 0,
      JSON.stringify(x.arguments)));
  }
  deleteExchange(vhost: string, name: string): void {
    this.queue(() => { this.stmt.deleteExchange.run(vhost, name); this.stmt.deleteExchangeBindings.run(vhost, name, name); });
  }
  saveBinding(b: BindingRecord): void {
    this.queue(() => this.stmt.saveBinding.run(b.vhost, b.source, b.destination, b.destinationType, b.routingKey,
      JSON.stringify(b.arguments)));
  }
  deleteBinding(b: BindingRecord): void {
    this.queue(() => this.stmt.deleteBinding.run(b.vhost, b.source, b.destination, b.destinationType, b.routingKey,
      JSON.stringify(b.arguments)));
  }

  insertMessage(vhost: string, queue: string, m: Message): void {
    this.inserts.set(m.id, { vhost, queue, m });
    this.schedule();
  }

  deleteMessage(id: number): void {
    // Settled before it was written: nothing to write, nothing to delete.
    this.updates.delete(id);
    if (this.inserts.delete(id)) return;
    this.deletes.push(id);
    this.schedule();
  }

  updateDelivery(m: Message, acquired: boolean): void {
    // Not written yet: the pending insert writes the message as it is at commit time.
    const pending = this.inserts.get(m.id);
    if (pending) { pending.acquired = acquired; this.schedule(); return; }
    this.updates.set(m.id, { m, acquired });
    this.schedule();
  }

  appendEvent(e: BrokerEvent): void {
    this.events.push(e);
    this.schedule();
  }

  purgeQueue(vhost: string, name: string): void {
    this.dropPendingInserts((p) => p.vhost === vhost && p.queue === name);
    this.queue(() => this.stmt.purgeQueue.run(vhost, name));
  }

  afterCommit(fn: () => void): void {
    if (!this.scheduled) { fn(); return; }
    this.waiting.push(fn);
    this.hurry();
  }

  /**
   * Commits everything queued now, in one transaction, then runs the callbacks that waited for it.
   * When the database cannot be written (disk or size limit full, locked), nothing is lost or
   * confirmed: the batch stays queued, storage reports itself unwritable (the broker blocks
   * publishers) and retries with backoff — first the deletes alone, which free room — until it can.
   */
  flush(): void {
    this.scheduled = false;
    if (!this.db.open) return;
    this.retryTimer = undefined;
    try {
      if (this.failure && this.deletes.length > 0) this.commitDeletes();
      this.commitAll();
    } catch (err) {
      this.failed(err as Error);
      return;
    }
    if (this.failure) {
      this.failure = undefined;
      this.retryDelay = RETRY_FIRST_MS;
      for (const fn of this.writableWatchers) fn(true);
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const fn of waiting) fn();
  }

  /** Whether the last commit succeeded. */
  get writable(): boolean { return this.failure === undefined; }

  onWritableChange(fn: (writable: boolean, reason?: string) => void): void {
    this.writableWatchers.push(fn);
  }

  private commitAll(): void {
    const { ops, inserts, deletes, updates, events } = this;
    this.db.transaction(() => {
      for (const op of ops) op();
      for (const { vhost, queue, m, acquired } of inserts.values()) {
        this.stmt.insertMessage.run(m.id, vhost, queue, m.exchange, m.routingKey, m.propertiesRaw, m.body,
          m.redelivered ? 1 : 0, m.expiresAt ?? null, m.deliveryCount ?? 0, acquired ? 1 : 0);
      }
      for (const [id, { m, acquired }] of updates) {
        if (m.stored) this.stmt.updateDelivery.run(m.deliveryCount ?? 0, acquired ? 1 : 0, m.redelivered ? 1 : 0, id);
      }
      for (const id of deletes) this.stmt.deleteMessage.run(id);
      for (const e of events) {
        this.stmt.appendEvent.run(e.id, e.at, e.kind, e.vhost, e.queue, e.messageId ?? null, e.consumerTag ?? null,
          e.channel ?? null, e.detail ?? null);
      }
      const last = events[events.length - 1];
      if (last) this.stmt.trimEvents.run(last.id - EVENTS_KEPT);
    })();
    // Only after the commit: on failure everything above is still queued for the retry.
    this.ops = [];
    this.inserts = new Map();
    this.deletes = [];
    this.updates = new Map();
    this.events = [];
    if (++this.commits % RECLAIM_EVERY_COMMITS === 0) {
      try { this.reclaimSpace(); } catch { /* room is reclaimed on a later commit */ }
    }
    this.lastCommitAt = Date.now();
    this.armIdleTidy();
  }

  /**
   * A backlog that was consumed leaves free pages in the file; give most of them back, so the file
   * returns near its baseline once queues drain. Cheap when there is little to free.
   */
  private reclaimSpace(): void {
    const free = Number(this.db.pragma('freelist_count', { simple: true }));
    if (free < RECLAIM_MIN_FREE_PAGES) return;
    const pages = Number(this.db.pragma('page_count', { simple: true }));
    if (free * 4 < pages) return;
    this.db.pragma(`incremental_vacuum(${free})`);
  }

  /**
   * Once commits stop for a second, the WAL is checkpointed and truncated and free pages are given
   * back: after a burst the files return near their size before it. One timer, only after activity.
   */
  private armIdleTidy(): void {
    if (this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (!this.db.open) return;
      if (Date.now() - this.lastCommitAt < IDLE_TIDY_MS || this.scheduled) { this.armIdleTidy(); return; }
      try {
        this.reclaimSpace();
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch { /* busy or failing: the next idle moment tries again */ }
    }, IDLE_TIDY_MS);
    this.idleTimer.unref();
  }

  private commitDeletes(): void {
    const deletes = this.deletes;
    this.db.transaction(() => { for (const id of deletes) this.stmt.deleteMessage.run(id); })();
    this.deletes = [];
  }

  private failed(err: Error): void {
    const first = this.failure === undefined;
    this.failure = err.message;
    if (first) {
      this.onError(err);
      for (const fn of this.writableWatchers) fn(false, err.message);
    }
    this.retryTimer = setTimeout(() => this.flush(), this.retryDelay);
    this.retryTimer.unref();
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    this.scheduled = true;
  }

  close(): void {
    if (this.lazyTimer) clearTimeout(this.lazyTimer);
    this.lazyTimer = undefined;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.scheduled) this.flush();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.db.close();
  }

  /** Databases written before a column existed get it added. */
  private migrate(): void {
    const columns = new Set((this.db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name));
    const add = (name: string, decl: string): void => {
      if (!columns.has(name)) this.db.exec(`ALTER TABLE messages ADD COLUMN ${name} ${decl}`);
    };
    add('expires_at', 'INTEGER');
    add('delivery_count', 'INTEGER NOT NULL DEFAULT 0');
    add('acquired', 'INTEGER NOT NULL DEFAULT 0');
  }

  private queue(op: () => void): void {
    this.ops.push(op);
    this.schedule();
  }

  /**
   * Writes nobody waits for (no confirm, no tx.commit) are committed within LAZY_COMMIT_MS, so many
   * event-loop turns share one transaction; as soon as someone waits, the commit is made at the end
   * of this turn.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.lazyTimer = setTimeout(() => { this.lazyTimer = undefined; this.flush(); }, LAZY_COMMIT_MS);
  }

  private hurry(): void {
    if (!this.lazyTimer) return;
    clearTimeout(this.lazyTimer);
    this.lazyTimer = undefined;
    setImmediate(() => this.flush());
  }

  private dropPendingInserts(match: (p: PendingInsert) => boolean): void {
    for (const [id, p] of this.inserts) if (match(p)) this.inserts.delete(id);
  }
}
