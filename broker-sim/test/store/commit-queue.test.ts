/**
 * The store's commit queue on a fake clock, with a writer that records each batch and can be made
 * to fail: group commit, the 5 ms write-behind, committing at the end of the turn once someone
 * waits, messages settled before their commit never written, and failing commits that block,
 * retry with back-off and unblock. No test here sleeps or touches a database.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../src/core/clock.ts';
import type { Message } from '../../src/core/message.ts';
import type { Holder } from '../../src/core/storage.ts';

const holder: Holder = { connection: 'c', channel: '1/1', since: 0 };
import { DatabaseFileLost } from '../../src/store/file-guard.ts';
import { CommitQueue, LAZY_COMMIT_MS, RETRY_FIRST_MS, RETRY_MAX_MS, type Batch, type BatchWriter } from '../../src/store/commit-queue.ts';

/** Records what it is asked to write; `failing` makes whole-batch writes throw, as a full disk does. */
class RecordingWriter implements BatchWriter {
  failing: Error | undefined;
  /** What happened, in order: writes, failures, and the callbacks the test logs. */
  readonly log: string[] = [];
  readonly batches: { ops: number; inserts: string[]; updates: string[]; deletes: number[]; events: number }[] = [];

  write(b: Batch): void {
    if (this.failing) { this.log.push('write failed'); throw this.failing; }
    for (const op of b.ops) op();
    this.batches.push({
      ops: b.ops.length,
      inserts: [...b.inserts].map((p) => `${p.m.id}${p.holder ? ` held by ${p.holder.channel}` : ''}`),
      updates: [...b.updates].map((u) => `${u.m.id} ${u.holder ? `held by ${u.holder.channel}` : 'returned'}`),
      deletes: [...b.deletes],
      events: b.events.length,
    });
    this.log.push('write');
  }

  writeDeletes(ids: readonly number[]): void { this.log.push(`deletes ${ids.join(',')}`); }
}

function message(id: number): Message {
  return { id, exchange: '', routingKey: 'q', propertiesRaw: Buffer.from([0, 0]), body: Buffer.from(`m${id}`), persistent: true, redelivered: false, stored: true };
}

function setup() {
  const clock = new FakeClock();
  const writer = new RecordingWriter();
  const failures: string[] = [];
  const queue = new CommitQueue(writer, clock, { committed: () => writer.log.push('committed'), failed: (e) => failures.push(e.message) });
  const watched: string[] = [];
  queue.onWritableChange((writable, reason) => watched.push(writable ? 'writable' : `blocked: ${reason}`));
  return { clock, writer, queue, failures, watched };
}

test('writes nobody waits for are committed together, within 5 ms', () => {
  const { clock, writer, queue } = setup();
  queue.insert('/', 'q', message(1));
  queue.op(() => writer.log.push('op'));
  queue.insert('/', 'q', message(2));
  clock.advance(LAZY_COMMIT_MS - 1);
  assert.deepEqual(writer.batches, [], 'not yet');
  assert.equal(queue.pending, true);
  clock.advance(1);
  assert.deepEqual(writer.batches, [{ ops: 1, inserts: ['1', '2'], updates: [], deletes: [], events: 0 }], 'one transaction');
  assert.equal(queue.pending, false);
  assert.equal(clock.pending, 0, 'no timer left');
});

test('a callback waiting for durability runs only after the commit that holds its writes, at the end of the turn', () => {
  const { clock, writer, queue } = setup();
  queue.afterCommit(() => writer.log.push('nothing pending: at once'));
  queue.insert('/', 'q', message(1));
  queue.afterCommit(() => writer.log.push('confirm 1'));
  queue.insert('/', 'q', message(2));
  queue.afterCommit(() => writer.log.push('confirm 2'));
  assert.deepEqual(writer.log, ['nothing pending: at once']);
  clock.advance(0);
  assert.deepEqual(writer.log, ['nothing pending: at once', 'write', 'committed', 'confirm 1', 'confirm 2'],
    'both confirms after the one commit holding both messages; no 5 ms wait');
  assert.deepEqual(writer.batches.map((b) => b.inserts), [['1', '2']]);
});

test('a message deleted before its commit is never written, and an update before it rides on the insert', () => {
  const { queue, writer } = setup();
  queue.insert('/', 'q', message(1));
  queue.insert('/', 'q', message(2));
  queue.insert('/', 'q', message(3));
  queue.delete(1); // acked before its commit
  queue.update(message(2), holder); // a consumer took it before its commit
  queue.update(message(7), holder); // stored earlier
  queue.delete(8); // stored earlier
  queue.flush();
  assert.deepEqual(writer.batches, [{ ops: 0, inserts: ['2 held by 1/1', '3'], updates: ['7 held by 1/1'], deletes: [8], events: 0 }]);
  queue.delete(3);
  queue.flush();
  assert.deepEqual(writer.batches[1]!.deletes, [3], 'once written, a delete is written too');
});

test('a queue or vhost deleted takes its unwritten inserts with it', () => {
  const { queue, writer } = setup();
  queue.insert('/', 'gone', message(1));
  queue.insert('/', 'kept', message(2));
  queue.insert('other', 'gone', message(3));
  queue.dropInserts((p) => p.vhost === '/' && p.queue === 'gone');
  queue.flush();
  assert.deepEqual(writer.batches[0]!.inserts, ['2', '3']);
});

test('a failing commit blocks: watchers are told once, nothing waiting is released, and the batch is kept', () => {
  const { clock, writer, queue, failures, watched } = setup();
  writer.failing = new Error('database or disk is full');
  queue.insert('/', 'q', message(1));
  let confirmed = false;
  queue.afterCommit(() => { confirmed = true; });
  clock.advance(0);
  assert.deepEqual([queue.writable, confirmed, failures, watched], [false, false, ['database or disk is full'], ['blocked: database or disk is full']]);
  queue.insert('/', 'q', message(2));
  clock.advance(RETRY_FIRST_MS);
  assert.deepEqual(failures, ['database or disk is full'], 'told once per run of failures');
  assert.equal(confirmed, false);
  writer.failing = undefined;
  clock.advance(RETRY_FIRST_MS * 2);
  assert.deepEqual([queue.writable, confirmed, watched], [true, true, ['blocked: database or disk is full', 'writable']]);
  assert.deepEqual(writer.batches.map((b) => b.inserts), [['1', '2']], 'everything kept, written once');
});

test('a database file lost: confirms that can take no are told at once, others wait, and the writes are kept for when it is back', () => {
  const { clock, writer, queue } = setup();
  writer.failing = new DatabaseFileLost('the database file q.db was removed');
  queue.insert('/', 'q', message(1));
  const told: string[] = [];
  queue.afterCommit(() => told.push('confirm 1: ack'), () => told.push('confirm 1: nack'));
  queue.afterCommit(() => told.push('declare-ok'));
  assert.equal(told.length, 0, 'nothing before the commit is tried');
  clock.advance(0);
  assert.deepEqual(told, ['confirm 1: nack']);
  queue.insert('/', 'q', message(2));
  queue.afterCommit(() => told.push('confirm 2: ack'), () => told.push('confirm 2: nack'));
  assert.deepEqual(told, ['confirm 1: nack', 'confirm 2: nack'], 'while the file is gone, at once');
  writer.failing = undefined;
  clock.advance(RETRY_FIRST_MS);
  assert.deepEqual(told, ['confirm 1: nack', 'confirm 2: nack', 'declare-ok'], 'no confirm twice; the rest once committed');
  assert.deepEqual(writer.batches.map((b) => b.inserts), [['1', '2']], 'the nacked messages are still written: nacked means maybe, not lost');
  queue.insert('/', 'q', message(3));
  queue.afterCommit(() => told.push('confirm 3: ack'), () => told.push('confirm 3: nack'));
  clock.advance(0);
  assert.equal(told.at(-1), 'confirm 3: ack', 'back to normal');
});

test('a failing commit is retried with back-off: 50 ms, doubling, at most every 2 s, deletes alone first; success resets it', () => {
  const { clock, writer, queue } = setup();
  writer.failing = new Error('database is locked');
  queue.insert('/', 'q', message(1));
  queue.flush();
  const retries: number[] = [];
  let last = clock.now();
  for (let i = 0; i < 8; i++) {
    const before = writer.log.length;
    let waited = 0;
    while (writer.log.length === before) { clock.advance(1); waited++; }
    retries.push(clock.now() - last);
    last = clock.now();
    assert.ok(waited > 0);
  }
  assert.deepEqual(retries, [50, 100, 200, 400, 800, 1600, 2000, 2000]);
  assert.equal(queue.nextRetryMs, RETRY_MAX_MS);
  queue.delete(5);
  writer.log.length = 0;
  clock.advance(RETRY_MAX_MS);
  assert.deepEqual(writer.log, ['deletes 5', 'write failed'], 'deletes free room, so they go first, on their own');
  writer.failing = undefined;
  clock.advance(RETRY_MAX_MS);
  assert.equal(queue.writable, true);
  assert.equal(queue.nextRetryMs, RETRY_FIRST_MS, 'the next failure starts again at 50 ms');
});

test('an idle queue sets no timer; close commits what is pending and stops its timers', () => {
  const { clock, writer, queue } = setup();
  assert.equal(clock.pending, 0, 'idle: no timer');
  queue.event({ id: 1, at: 0, kind: 'lease.requeued', vhost: '/', queue: 'q' });
  assert.equal(clock.pending, 1);
  queue.close();
  assert.deepEqual(writer.batches.map((b) => b.events), [1]);
  assert.equal(clock.pending, 0);
});

test('close while failing tries once more and leaves no retry timer behind', () => {
  const { clock, writer, queue } = setup();
  writer.failing = new Error('disk I/O error');
  queue.insert('/', 'q', message(1));
  queue.flush();
  assert.equal(clock.pending, 1, 'the retry');
  queue.close();
  assert.deepEqual(writer.log, ['write failed', 'write failed']);
  assert.equal(clock.pending, 0);
});
