/**
 * A durable queue's backlog lives in storage: memory holds a window of its next stored messages,
 * read back a page at a time in id order as the head reaches them; transient messages keep their
 * place among them; a message delivered before its window filled is never read back. Counted by
 * core's own account of message memory, on in-memory storage.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WINDOW_MESSAGES } from '../../src/core/ready-list.ts';
import { bodies, setup } from './support.ts';

const persistent = { deliveryMode: 2 };

test('a durable queue keeps a window of its stored messages in memory and reads the rest back in order', () => {
  const { declare, send, channel, storage, broker } = setup();
  const q = declare('backlog', { durable: true });
  const count = WINDOW_MESSAGES * 4 + 7;
  for (let i = 1; i <= count; i++) send('backlog', String(i), persistent);
  assert.equal(q.messageCount, count);
  assert.equal(q.ready.pagedOut, count - WINDOW_MESSAGES, 'all but the window are in storage only');
  assert.equal(broker.messageMemory.messages, WINDOW_MESSAGES, 'memory holds the window');
  assert.equal(storage.reads, 0);
  const c = channel();
  c.ch.qos(10, false);
  c.consume('backlog');
  for (let acked = 0; acked < count; acked++) c.ch.ack(c.got[acked]!.tag, false);
  assert.deepEqual(bodies(c), Array.from({ length: count }, (_, i) => String(i + 1)), 'every message once, in publish order');
  assert.ok(storage.reads >= 4 && storage.reads <= 6, `read a page at a time (${storage.reads} reads)`);
  assert.deepEqual([q.messageCount, q.ready.pagedOut, broker.messageMemory.messages, storage.messages.size], [0, 0, 0, 0]);
});

test('messages delivered as they arrive are never read back from storage', () => {
  const { declare, send, channel, storage } = setup();
  declare('fast', { durable: true });
  const c = channel();
  c.ch.qos(50, false);
  c.consume('fast');
  for (let i = 0; i < WINDOW_MESSAGES * 10; i++) {
    send('fast', String(i), persistent);
    c.ch.ack(c.got[i]!.tag, false);
  }
  assert.equal(c.got.length, WINDOW_MESSAGES * 10);
  assert.equal(storage.reads, 0);
});

test('transient messages keep their place among stored ones read back, and requeued ones go back before them', () => {
  const { declare, send, channel } = setup();
  const q = declare('mixed', { durable: true });
  const expected: string[] = [];
  for (let i = 0; i < WINDOW_MESSAGES + 20; i++) {
    const transient = i % 50 === 49;
    const body = `${transient ? 't' : 'p'}${i}`;
    send('mixed', body, transient ? {} : persistent);
    expected.push(body);
  }
  assert.ok(q.ready.pagedOut > 0);
  const first = channel();
  first.ch.qos(3, false);
  first.consume('mixed');
  assert.deepEqual(bodies(first), expected.slice(0, 3));
  first.ch.close(); // the three go back, redelivered, before everything else
  const second = channel();
  second.consume('mixed');
  assert.deepEqual(bodies(second), expected);
  assert.deepEqual(second.got.slice(0, 4).map((g) => g.redelivered), [true, true, true, false]);
});

test('length limits count the messages in storage only; purge and delete take them too', () => {
  const { declare, send, vhost, storage, broker } = setup();
  const q = declare('limited', { durable: true, args: { 'x-max-length': WINDOW_MESSAGES * 2, 'x-overflow': 'reject-publish' } });
  for (let i = 0; i < WINDOW_MESSAGES * 2; i++) send('limited', 'x', persistent);
  assert.ok(q.ready.pagedOut > 0);
  assert.equal(send('limited', 'one too many', persistent).rejected, true);
  assert.equal(q.ready.bytes, WINDOW_MESSAGES * 2);
  assert.equal(vhost.purgeQueue('limited', null), WINDOW_MESSAGES * 2);
  assert.deepEqual([q.messageCount, q.ready.bytes, storage.messages.size, broker.messageMemory.messages], [0, 0, 0, 0]);
  for (let i = 0; i < WINDOW_MESSAGES * 2; i++) send('limited', 'y', persistent);
  assert.equal(vhost.deleteQueue('limited', false, false, null), WINDOW_MESSAGES * 2);
  assert.equal(broker.messageMemory.messages, 0);
});

test('the account of message memory follows messages into deliveries and out with their acks', () => {
  const { declare, send, channel, broker } = setup();
  declare('t');
  for (let i = 0; i < 10; i++) send('t', 'x'.repeat(100));
  assert.deepEqual([broker.messageMemory.messages, broker.messageMemory.bytes], [10, 10 * (100 + 2)]);
  const c = channel();
  c.ch.qos(4, false);
  c.consume('t');
  assert.equal(broker.messageMemory.messages, 10, 'unacknowledged deliveries are still held');
  c.ch.ack(c.got[3]!.tag, true);
  assert.equal(broker.messageMemory.messages, 6);
  c.ch.close();
  assert.equal(broker.messageMemory.messages, 6, 'given back to the queue');
  const d = channel();
  d.consume('t', { noAck: true });
  assert.deepEqual([broker.messageMemory.messages, broker.messageMemory.bytes], [0, 0]);
});
