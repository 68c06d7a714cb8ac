/**
 * The SQLite store end to end, on a temporary file and a fake clock for its timers: what is
 * committed is read back after a reopen, a message acked before its commit never reaches the file,
 * a database written before the newer columns existed is migrated, and the schema is schema.sql.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../src/core/clock.ts';
import type { Message } from '../../src/core/message.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'queuelab-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => join(dir, `store-${++n}.db`);

function message(id: number, body = `m${id}`): Message {
  return { id, exchange: 'x', routingKey: 'k', propertiesRaw: Buffer.from([0, 0]), body: Buffer.from(body), persistent: true, redelivered: false, stored: true };
}

/** The ids of the messages rows in the file, read by a second connection. */
function rowsIn(path: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT id FROM messages ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

test('what is committed is read back after a reopen: topology, users, messages, events', () => {
  const path = freshPath();
  const clock = new FakeClock();
  const store = new SqliteStore(path, () => {}, { clock });
  store.saveVhost('v');
  store.saveUser({ name: 'ann', passwordHash: 'scrypt$x$y', tags: 'management' });
  store.savePermission({ user: 'ann', vhost: 'v', configure: '.*', write: '.*', read: '' });
  store.saveQueue({ vhost: 'v', name: 'q', durable: true, autoDelete: false, arguments: { 'x-max-length': 5 } });
  store.saveExchange({ vhost: 'v', name: 'x', type: 'topic', durable: true, autoDelete: false, internal: false, arguments: {} });
  store.saveBinding({ vhost: 'v', source: 'x', destination: 'q', destinationType: 'queue', routingKey: 'a.#', arguments: {} });
  store.insertMessage('v', 'q', { ...message(7), expiresAt: 123, deliveryCount: 2 });
  store.appendEvent({ id: 1, at: 5, kind: 'lease.expired', vhost: 'v', queue: 'q', messageId: 7, detail: 'delivery tag 1' });
  store.close();
  const again = new SqliteStore(path, () => {}, { clock });
  const state = again.load();
  again.close();
  assert.deepEqual(state.vhosts, ['v']);
  assert.deepEqual(state.users, [{ name: 'ann', passwordHash: 'scrypt$x$y', tags: 'management' }]);
  assert.deepEqual(state.permissions, [{ user: 'ann', vhost: 'v', configure: '.*', write: '.*', read: '' }]);
  assert.deepEqual(state.queues, [{ vhost: 'v', name: 'q', durable: true, autoDelete: false, arguments: { 'x-max-length': 5 } }]);
  assert.deepEqual(state.bindings.map((b) => [b.source, b.destination, b.routingKey]), [['x', 'q', 'a.#']]);
  assert.deepEqual([state.messages, state.backlogs, state.lastMessageId], [[], [{ vhost: 'v', queue: 'q', count: 1, bytes: 2 }], 7],
    'a message no one held is counted at start-up, not read');
  const reader = new SqliteStore(path, () => {}, { clock });
  const read = reader.readMessages('v', 'q', 0, 10, 1024);
  reader.close();
  assert.deepEqual(read.map((m) => [m.id, m.body.toString(), m.expiresAt, m.deliveryCount, m.stored]), [[7, 'm7', 123, 2, true]]);
  assert.deepEqual(state.events.map((e) => [e.kind, e.messageId, e.detail]), [['lease.expired', 7, 'delivery tag 1']]);
});

test('a message acked before its commit never reaches the file; one acked after is deleted from it', () => {
  const path = freshPath();
  const clock = new FakeClock();
  const store = new SqliteStore(path, () => {}, { clock });
  store.insertMessage('/', 'q', message(1));
  store.insertMessage('/', 'q', message(2));
  store.deleteMessage(1);
  clock.advance(5);
  assert.deepEqual(rowsIn(path), [2], 'committed by the 5 ms write-behind, without message 1');
  store.deleteMessage(2);
  assert.deepEqual(rowsIn(path), [2], 'not before its commit');
  let durable = false;
  store.afterCommit(() => { durable = true; });
  clock.advance(0);
  assert.equal(durable, true);
  assert.deepEqual(rowsIn(path), []);
  store.close();
});

test('a database written before the newer message columns existed is migrated on open', () => {
  const path = freshPath();
  const old = new Database(path);
  old.exec(`CREATE TABLE messages (id INTEGER PRIMARY KEY, vhost TEXT NOT NULL, queue TEXT NOT NULL, exchange TEXT NOT NULL,
    routing_key TEXT NOT NULL, properties BLOB NOT NULL, body BLOB NOT NULL, redelivered INTEGER NOT NULL DEFAULT 0)`);
  old.prepare('INSERT INTO messages (id, vhost, queue, exchange, routing_key, properties, body) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(3, '/', 'q', '', 'q', Buffer.from([0, 0]), Buffer.from('from before'));
  old.close();
  const store = new SqliteStore(path, () => {}, { clock: new FakeClock() });
  assert.deepEqual(store.load().backlogs, [{ vhost: '/', queue: 'q', count: 1, bytes: 11 }]);
  const [m] = store.readMessages('/', 'q', 0, 10, 1024);
  store.close();
  assert.deepEqual([m?.id, m?.body.toString(), m?.expiresAt, m?.deliveryCount], [3, 'from before', undefined, undefined]);
  const db = new Database(path, { readonly: true });
  const columns = (db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name);
  db.close();
  assert.ok(['expires_at', 'delivery_count', 'acquired', 'held_since', 'held_until', 'held_consumer_tag'].every((c) => columns.includes(c)), columns.join(', '));
});

test('start-up reads whole only the messages a consumer held; the rest are read a page at a time, with inserts not yet committed', () => {
  const path = freshPath();
  const clock = new FakeClock();
  const store = new SqliteStore(path, () => {}, { clock });
  for (let id = 1; id <= 5; id++) store.insertMessage('/', 'q', message(id, 'x'.repeat(id)));
  store.insertMessage('/', 'other', message(6));
  store.flush();
  store.updateDelivery(message(2), { connection: '127.0.0.1:50000 -> 127.0.0.1:5672', clientName: 'alice', channel: '1/1',
    consumerTag: 'ctag', since: Date.UTC(2026, 0, 1, 9), until: Date.UTC(2026, 0, 1, 9, 30) });
  store.updateDelivery(message(3), { connection: 'c', channel: '1/1', since: 0 });
  store.updateDelivery(message(3), null); // given back
  store.close();
  const db = new Database(path, { readonly: true });
  assert.deepEqual(db.prepare('SELECT message_id, queue, connection, client_name, channel, consumer_tag, since, until FROM held').all(), [
    { message_id: 2, queue: 'q', connection: '127.0.0.1:50000 -> 127.0.0.1:5672', client_name: 'alice', channel: '1/1',
      consumer_tag: 'ctag', since: '2026-01-01 09:00:00.000', until: '2026-01-01 09:30:00.000' },
  ], 'the held view says who holds what, since when and until when');
  db.close();
  const again = new SqliteStore(path, () => {}, { clock });
  const state = again.load();
  assert.deepEqual(state.messages.map((m) => [m.id, m.acquired]), [[2, true]], 'the held message, whole');
  assert.deepEqual(state.backlogs, [{ vhost: '/', queue: 'other', count: 1, bytes: 2 }, { vhost: '/', queue: 'q', count: 4, bytes: 13 }]);
  assert.equal(state.lastMessageId, 6);
  again.insertMessage('/', 'q', message(7, 'pending'));
  const ids = (after: number, limit: number, maxBytes: number) => again.readMessages('/', 'q', after, limit, maxBytes).map((m) => m.id);
  assert.deepEqual(ids(0, 100, 1000), [1, 2, 3, 4, 5, 7], 'committed rows and the pending insert, in id order');
  assert.deepEqual(ids(2, 2, 1000), [3, 4], 'at most limit');
  assert.deepEqual(ids(0, 100, 4), [1, 2, 3], 'up to the message that brings the page to maxBytes');
  assert.deepEqual(ids(7, 100, 1000), []);
  again.close();
});

test('the schema is the plain SQL of schema.sql', () => {
  const sql = readFileSync(new URL('../../src/store/schema.sql', import.meta.url), 'utf8');
  const path = freshPath();
  new SqliteStore(path, () => {}, { clock: new FakeClock() }).close();
  const db = new Database(path, { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  db.close();
  const declared = [...sql.matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]).sort();
  assert.deepEqual(tables, declared);
});
