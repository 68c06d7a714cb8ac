/**
 * broker-sim's records as rows of schema.sql: the prepared statements, the durable state read back
 * at start-up, and a commit queue's batch written in one transaction.
 */
import type Database from 'better-sqlite3';
import type { BrokerEvent } from '../core/events.ts';
import type { Message } from '../core/message.ts';
import type {
  Backlog, BindingRecord, DurableState, ExchangeRecord, Holder, PermissionRecord, PolicyRecord, QueueRecord, StoredMessage, UserRecord,
  VhostLimitRecord,
} from '../core/storage.ts';
import type { Batch, BatchWriter } from './commit-queue.ts';

/** Events kept in the database (oldest dropped) and read back at start-up. */
const EVENTS_KEPT = 10_000;
const EVENTS_LOADED = 1_000;

type Statements = ReturnType<typeof prepare>;

/**
 * Stored messages a consumer held when the broker stopped: read whole at start-up (they are given
 * back at once, redelivered); every other message is only counted then, and read when its queue
 * reaches it. `acquired` is written with the holder's columns (held_*), so it alone says it; the
 * partial index messages_held is on the same condition.
 */
const HELD = 'acquired = 1';

// Rows are read as the schema declares them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any;

/** The columns a queue needs of a message it reads back (fewer columns, a faster read). */
const MESSAGE_COLUMNS = 'id, exchange, routing_key, properties, body, redelivered, expires_at, delivery_count';

/** Who holds a message, in the order holderValues gives them. */
const HOLDER_COLUMNS = 'acquired, held_connection, held_client_name, held_channel, held_consumer_tag, held_since, held_until';

/** A holder as the values of HOLDER_COLUMNS (all NULL, acquired 0, for a message nobody holds). */
function holderValues(h: Holder | null | undefined): (number | string | null)[] {
  if (!h) return [0, null, null, null, null, null, null];
  return [1, h.connection, h.clientName ?? null, h.channel, h.consumerTag ?? null, h.since, h.until ?? null];
}

/** A messages row as core's message; ids up to redeliveredUpTo were stored before a crash. */
function messageOf(r: Row, redeliveredUpTo: number): Message {
  return {
    id: r.id, exchange: r.exchange, routingKey: r.routing_key,
    propertiesRaw: r.properties, body: r.body, persistent: true, redelivered: !!r.redelivered || r.id <= redeliveredUpTo, stored: true,
    ...(r.expires_at === null ? {} : { expiresAt: r.expires_at }),
    ...(r.delivery_count ? { deliveryCount: r.delivery_count } : {}),
  };
}

/** A whole messages row: the message, where it is, and whether a consumer held it. */
function storedMessage(r: Row, redeliveredUpTo: number): StoredMessage {
  return { ...messageOf(r, redeliveredUpTo), vhost: r.vhost, queue: r.queue, acquired: !!r.acquired };
}

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    saveVhost: p('INSERT OR IGNORE INTO vhosts (name) VALUES (?)'),
    deleteVhost: p('DELETE FROM vhosts WHERE name = ?'),
    deleteVhostQueues: p('DELETE FROM queues WHERE vhost = ?'),
    deleteVhostMessages: p('DELETE FROM messages WHERE vhost = ?'),
    deleteVhostPermissions: p('DELETE FROM permissions WHERE vhost = ?'),
    deleteVhostExchanges: p('DELETE FROM exchanges WHERE vhost = ?'),
    deleteVhostBindings: p('DELETE FROM bindings WHERE vhost = ?'),
    deleteVhostLimits: p('DELETE FROM vhost_limits WHERE vhost = ?'),
    deletePermission: p('DELETE FROM permissions WHERE user = ? AND vhost = ?'),
    saveVhostLimit: p('INSERT OR REPLACE INTO vhost_limits (vhost, name, value) VALUES (?, ?, ?)'),
    deleteVhostLimit: p('DELETE FROM vhost_limits WHERE vhost = ? AND name = ?'),
    deleteVhostPolicies: p('DELETE FROM policies WHERE vhost = ?'),
    savePolicy: p('INSERT OR REPLACE INTO policies (vhost, name, pattern, apply_to, priority, definition) VALUES (?, ?, ?, ?, ?, ?)'),
    deletePolicy: p('DELETE FROM policies WHERE vhost = ? AND name = ?'),
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
    insertMessage: p(`INSERT OR REPLACE INTO messages (id, vhost, queue, exchange, routing_key, properties, body, redelivered, expires_at, delivery_count,
      ${HOLDER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    updateDelivery: p(`UPDATE messages SET delivery_count = ?, redelivered = ?, ${HOLDER_COLUMNS.split(', ').map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
    appendEvent: p('INSERT INTO events (id, at, kind, vhost, queue, message_id, consumer_tag, channel, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    trimEvents: p('DELETE FROM events WHERE id <= ?'),
    deleteMessage: p('DELETE FROM messages WHERE id = ?'),
    purgeQueue: p('DELETE FROM messages WHERE vhost = ? AND queue = ?'),
    readMessages: p(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE vhost = ? AND queue = ? AND id > ? ORDER BY id LIMIT ?`),
  };
}

export class SqlMapping implements BatchWriter {
  private readonly stmt: Statements;

  /** Messages stored when the broker crashed: RabbitMQ redelivers every one of them marked redelivered. */
  private redeliveredUpTo = 0;

  /** @param afterCrash the last broker on this database did not stop cleanly (kill -9, power cut) */
  constructor(private readonly db: Database.Database, private readonly afterCrash = false) {
    this.stmt = prepare(db);
  }

  load(): DurableState {
    const all = <T>(sql: string): T[] => this.db.prepare(sql).all() as T[];
    const lastMessageId: number = all<Row>('SELECT max(id) AS id FROM messages')[0]?.id ?? 0;
    if (this.afterCrash) this.redeliveredUpTo = lastMessageId;
    return {
      vhosts: all<{ name: string }>('SELECT name FROM vhosts').map((r) => r.name),
      users: all<Row>('SELECT * FROM users').map((r): UserRecord => ({ name: r.name, passwordHash: r.password_hash, tags: r.tags })),
      permissions: all<PermissionRecord>('SELECT user, vhost, configure, write, read FROM permissions'),
      vhostLimits: all<VhostLimitRecord>('SELECT vhost, name, value FROM vhost_limits'),
      policies: all<Row>('SELECT * FROM policies ORDER BY vhost, name').map((r): PolicyRecord => ({
        vhost: r.vhost, name: r.name, pattern: r.pattern, applyTo: r.apply_to, priority: r.priority,
        definition: JSON.parse(r.definition) })),
      queues: all<Row>('SELECT * FROM queues').map((r): QueueRecord => ({
        vhost: r.vhost, name: r.name, durable: true, autoDelete: !!r.auto_delete, arguments: JSON.parse(r.arguments) })),
      exchanges: all<Row>('SELECT * FROM exchanges').map((r): ExchangeRecord => ({
        vhost: r.vhost, name: r.name, type: r.type, durable: true, autoDelete: !!r.auto_delete, internal: !!r.internal,
        arguments: JSON.parse(r.arguments) })),
      bindings: all<Row>('SELECT * FROM bindings').map((r): BindingRecord => ({
        vhost: r.vhost, source: r.source, destination: r.destination, destinationType: r.destination_type,
        routingKey: r.routing_key, arguments: JSON.parse(r.arguments) })),
      messages: all<Row>(`SELECT * FROM messages WHERE ${HELD} ORDER BY id`).map((r) => storedMessage(r, this.redeliveredUpTo)),
      backlogs: all<Row>(`SELECT vhost, queue, count(*) AS count, sum(length(body)) AS bytes FROM messages
        WHERE NOT (${HELD}) GROUP BY vhost, queue`).map((r): Backlog => ({ vhost: r.vhost, queue: r.queue, count: r.count, bytes: r.bytes })),
      lastMessageId,
      events: all<Row>(`SELECT * FROM events ORDER BY id DESC LIMIT ${EVENTS_LOADED}`).reverse().map((r): BrokerEvent => ({
        id: r.id, at: r.at, kind: r.kind, vhost: r.vhost, queue: r.queue,
        ...(r.message_id === null ? {} : { messageId: r.message_id }),
        ...(r.consumer_tag === null ? {} : { consumerTag: r.consumer_tag }),
        ...(r.channel === null ? {} : { channel: r.channel }),
        ...(r.detail === null ? {} : { detail: r.detail }) })),
    };
  }

  saveVhost(name: string): void { this.stmt.saveVhost.run(name); }
  deleteVhost(name: string): void {
    this.stmt.deleteVhost.run(name);
    this.stmt.deleteVhostQueues.run(name);
    this.stmt.deleteVhostMessages.run(name);
    this.stmt.deleteVhostPermissions.run(name);
    this.stmt.deleteVhostExchanges.run(name);
    this.stmt.deleteVhostBindings.run(name);
    this.stmt.deleteVhostLimits.run(name);
    this.stmt.deleteVhostPolicies.run(name);
  }
  saveUser(u: UserRecord): void { this.stmt.saveUser.run(u.name, u.passwordHash, u.tags); }
  deleteUser(name: string): void { this.stmt.deleteUser.run(name); this.stmt.deleteUserPermissions.run(name); }
  savePermission(p: PermissionRecord): void { this.stmt.savePermission.run(p.user, p.vhost, p.configure, p.write, p.read); }
  deletePermission(user: string, vhost: string): void { this.stmt.deletePermission.run(user, vhost); }
  saveVhostLimit(l: VhostLimitRecord): void { this.stmt.saveVhostLimit.run(l.vhost, l.name, l.value); }
  deleteVhostLimit(vhost: string, name: string): void { this.stmt.deleteVhostLimit.run(vhost, name); }
  savePolicy(p: PolicyRecord): void {
    this.stmt.savePolicy.run(p.vhost, p.name, p.pattern, p.applyTo, p.priority, JSON.stringify(p.definition));
  }
  deletePolicy(vhost: string, name: string): void { this.stmt.deletePolicy.run(vhost, name); }
  saveQueue(q: QueueRecord): void { this.stmt.saveQueue.run(q.vhost, q.name, q.autoDelete ? 1 : 0, JSON.stringify(q.arguments)); }
  deleteQueue(vhost: string, name: string): void {
    this.stmt.deleteQueue.run(vhost, name);
    this.stmt.purgeQueue.run(vhost, name);
    this.stmt.deleteQueueBindings.run(vhost, name);
  }
  saveExchange(x: ExchangeRecord): void {
    this.stmt.saveExchange.run(x.vhost, x.name, x.type, x.autoDelete ? 1 : 0, x.internal ? 1 : 0, JSON.stringify(x.arguments));
  }
  deleteExchange(vhost: string, name: string): void {
    this.stmt.deleteExchange.run(vhost, name);
    this.stmt.deleteExchangeBindings.run(vhost, name, name);
  }
  saveBinding(b: BindingRecord): void {
    this.stmt.saveBinding.run(b.vhost, b.source, b.destination, b.destinationType, b.routingKey, JSON.stringify(b.arguments));
  }
  deleteBinding(b: BindingRecord): void {
    this.stmt.deleteBinding.run(b.vhost, b.source, b.destination, b.destinationType, b.routingKey, JSON.stringify(b.arguments));
  }
  purgeQueue(vhost: string, name: string): void { this.stmt.purgeQueue.run(vhost, name); }

  /** A queue's committed messages after an id, in id order (see Storage.readMessages). */
  readMessages(vhost: string, queue: string, afterId: number, limit: number): Message[] {
    return (this.stmt.readMessages.all(vhost, queue, afterId, limit) as Row[]).map((r) => messageOf(r, this.redeliveredUpTo));
  }

  /** BatchWriter: one transaction for the whole batch. */
  write(b: Batch): void {
    const s = this.stmt;
    this.db.transaction(() => {
      for (const op of b.ops) op();
      for (const { vhost, queue, m, holder } of b.inserts) {
        s.insertMessage.run(m.id, vhost, queue, m.exchange, m.routingKey, m.propertiesRaw, m.body,
          m.redelivered ? 1 : 0, m.expiresAt ?? null, m.deliveryCount ?? 0, ...holderValues(holder));
      }
      for (const { m, holder } of b.updates) {
        if (m.stored) s.updateDelivery.run(m.deliveryCount ?? 0, m.redelivered ? 1 : 0, ...holderValues(holder), m.id);
      }
      for (const id of b.deletes) s.deleteMessage.run(id);
      for (const e of b.events) {
        s.appendEvent.run(e.id, e.at, e.kind, e.vhost, e.queue, e.messageId ?? null, e.consumerTag ?? null, e.channel ?? null, e.detail ?? null);
      }
      const last = b.events[b.events.length - 1];
      if (last) s.trimEvents.run(last.id - EVENTS_KEPT);
    })();
  }

  writeDeletes(ids: readonly number[]): void {
    this.db.transaction(() => { for (const id of ids) this.stmt.deleteMessage.run(id); })();
  }
}
