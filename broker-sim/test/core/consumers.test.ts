/**
 * Consumers and connections on core alone: RabbitMQ's exclusive-consumer and exclusive-queue rules,
 * auto-delete queues, a connection's exclusive queues deleted when it closes, a queue deleted under
 * its consumers, and the outbox that holds what must wait for a commit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AmqpError, errors } from '../../src/core/errors.ts';
import { bodies, setup } from './support.ts';

const code = (n: number) => (e: unknown) => e instanceof AmqpError && e.code === n;

test('an exclusive consumer shuts out others, and cannot join a queue that has consumers (403)', () => {
  const { declare, channel } = setup();
  declare('solo');
  const a = channel();
  const b = channel();
  a.consume('solo', { exclusive: true });
  assert.throws(() => b.consume('solo'), code(403));
  assert.throws(() => b.consume('solo', { exclusive: true }), /in exclusive use/);
  declare('shared');
  b.consume('shared');
  assert.throws(() => a.consume('shared', { exclusive: true }), /queue 'shared' in vhost '\/' in exclusive use/);
});

test('a consumer tag may not be used twice on a channel (530), and the broker makes tags up', () => {
  const { declare, channel } = setup();
  declare('q');
  const a = channel();
  assert.equal(a.consume('q', { tag: 'mine' }), 'mine');
  assert.throws(() => a.consume('q', { tag: 'mine' }), code(530));
  assert.match(a.consume('q'), /^amq\.ctag-/);
  assert.deepEqual(a.sent.filter((s) => s.startsWith('consume-ok')).length, 2, 'consume-ok only for the consumers that started');
});

test('consume-ok is announced before the first delivery', () => {
  const { declare, send, channel } = setup();
  declare('q');
  send('q', 'waiting');
  const a = channel();
  a.consume('q', { tag: 't' });
  assert.deepEqual(a.sent, ['consume-ok t', 'deliver waiting']);
});

test('an exclusive queue is locked to its connection (405), and goes with it — other queues stay', () => {
  const { declare, connect, channel, vhost } = setup();
  const owner = connect();
  const other = connect();
  const mine = declare('mine', { exclusive: true, on: owner });
  declare('kept', { on: owner });
  assert.deepEqual([...owner.exclusiveQueues], [mine]);
  const stranger = channel(other);
  assert.throws(() => stranger.consume('mine'), code(405));
  assert.throws(() => stranger.ch.get('mine', false), code(405));
  assert.throws(() => vhost.deleteQueue('mine', false, false, other), code(405));
  const own = channel(owner);
  own.consume('mine');
  owner.close();
  assert.equal(vhost.queues.has('mine'), false);
  assert.equal(vhost.queues.has('kept'), true);
  assert.equal(own.ch.closed, true, 'its channels closed with it');
});

test('an exclusive queue deleted before its connection closes leaves the connection\'s set', () => {
  const { declare, connect, vhost } = setup();
  const owner = connect();
  declare('brief', { exclusive: true, on: owner });
  vhost.deleteQueue('brief', false, false, owner);
  assert.equal(owner.exclusiveQueues.size, 0);
});

test('an auto-delete queue goes when its last consumer is cancelled or its channel closes', () => {
  const { declare, channel, vhost } = setup();
  declare('auto', { autoDelete: true });
  const a = channel();
  const b = channel();
  const tagA = a.consume('auto');
  const tagB = b.consume('auto');
  a.ch.cancel(tagA);
  assert.equal(vhost.queues.has('auto'), true, 'one consumer left');
  b.ch.cancel(tagB);
  assert.equal(vhost.queues.has('auto'), false, 'cancelled the last one');
  declare('auto-closed', { autoDelete: true });
  b.consume('auto-closed');
  b.ch.close();
  assert.equal(vhost.queues.has('auto-closed'), false, 'its channel closed');
  declare('never-consumed', { autoDelete: true });
  channel().ch.close();
  assert.equal(vhost.queues.has('never-consumed'), true, 'only a queue that had consumers is auto-deleted');
});

test('deleting a queue cancels its consumers (basic.cancel); their unacked deliveries can still be acked', () => {
  const { declare, send, channel, vhost } = setup();
  declare('doomed');
  const a = channel();
  const tag = a.consume('doomed');
  send('doomed', 'held');
  vhost.deleteQueue('doomed', false, false, null);
  assert.deepEqual(a.cancelled, [tag]);
  assert.equal(a.ch.consumers.size, 0);
  a.ch.ack(a.got[0]!.tag, false);
  assert.equal(a.ch.unackedCount, 0);
});

test('a delivery a delivery limit must survive leaves only after the commit that records it; later frames wait behind it', () => {
  const { declare, send, channel, storage } = setup();
  declare('limited', { durable: true, args: { 'x-queue-type': 'quorum', 'x-delivery-limit': 3 } });
  declare('plain');
  send('limited', 'tracked', { deliveryMode: 2 });
  send('plain', 'untracked');
  storage.autoCommit = false;
  const a = channel();
  a.ch.get('limited', false);
  assert.deepEqual(a.sent, [], 'not before the commit');
  a.ch.get('plain', false);
  a.ch.get('plain', false);
  assert.deepEqual(a.sent, [], 'what follows waits behind it, in order');
  assert.equal(storage.messages.values().next().value?.acquired, true, 'the store is told who holds it');
  storage.commit();
  assert.deepEqual(a.sent, ['get-ok tracked', 'get-ok untracked', 'get-empty']);
});

test('a channel closed while something waits for a commit sends nothing more', () => {
  const { declare, send, channel, storage } = setup();
  declare('limited', { durable: true, args: { 'x-queue-type': 'quorum', 'x-delivery-limit': 3 } });
  send('limited', 'tracked', { deliveryMode: 2 });
  storage.autoCommit = false;
  const a = channel();
  a.consume('limited', { tag: 'c' });
  let confirmed = false;
  a.ch.afterCommit(() => { confirmed = true; });
  a.ch.close();
  storage.commit();
  assert.deepEqual(a.sent, ['consume-ok c']);
  assert.equal(confirmed, false);
});

test('which faults close the connection comes from the spec\'s hard-error constants', () => {
  const hard = [errors.commandInvalid('x'), errors.channelError('x'), errors.unexpectedFrame('x'), errors.notAllowed('x'),
    errors.notImplemented('x'), errors.internal('x'), errors.connectionForced('x')];
  const soft = [errors.accessRefused('x'), errors.notFound('x'), errors.locked('/', 'q'), errors.precondition('x')];
  assert.deepEqual(hard.map((e) => [e.code, e.closesConnection]), [[503, true], [504, true], [505, true], [530, true], [540, true], [541, true], [320, true]]);
  assert.deepEqual(soft.map((e) => [e.code, e.closesConnection]), [[403, false], [404, false], [405, false], [406, false]]);
  assert.equal(errors.notFound('no queue').text, 'NOT_FOUND - no queue');
  assert.equal(new AmqpError(402, 'INVALID_PATH - x').closesConnection, true);
  assert.equal(new AmqpError(311, 'CONTENT_TOO_LARGE - x').closesConnection, false);
});

test('recover gives every unacked delivery back, redelivered, to the channel\'s own consumers', () => {
  const { declare, send, channel } = setup();
  declare('q');
  const a = channel();
  a.consume('q');
  send('q', 'one');
  a.ch.recover();
  assert.deepEqual(a.got.map((g) => [g.body, g.redelivered]), [['one', false], ['one', true]]);
  assert.deepEqual(bodies(a), ['one', 'one']);
});
