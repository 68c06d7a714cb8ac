/**
 * Dispatch on core alone: round-robin, prefetch per consumer and per channel, requeue order,
 * acks, closing a channel, what is stored — driven through core's own connections and channels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodies, setup } from './support.ts';

test('a fresh broker has vhost / and the guest user, who may log in from loopback only', async () => {
  const { broker } = setup();
  assert.ok(broker.vhost('/'));
  assert.equal((await broker.authenticate('PLAIN', 'guest', 'guest', true)).name, 'guest');
  await assert.rejects(broker.authenticate('PLAIN', 'guest', 'guest', false), /ACCESS_REFUSED/);
  await assert.rejects(broker.authenticate('PLAIN', 'guest', 'nope', true), /ACCESS_REFUSED/);
});

test('round-robin gives alternate messages to two consumers without prefetch', () => {
  const { declare, send, channel } = setup();
  declare('work');
  const a = channel();
  const b = channel();
  a.consume('work');
  b.consume('work');
  for (let i = 1; i <= 6; i++) send('work', String(i));
  assert.deepEqual(bodies(a), ['1', '3', '5']);
  assert.deepEqual(bodies(b), ['2', '4', '6']);
});

test('prefetch 1 holds back further messages until the consumer acks', () => {
  const { declare, send, channel, vhost } = setup();
  declare('fair');
  const a = channel();
  a.ch.qos(1, false);
  a.consume('fair');
  for (let i = 1; i <= 3; i++) send('fair', String(i));
  assert.deepEqual(bodies(a), ['1']);
  assert.equal(vhost.queue('fair').messageCount, 2);
  a.ch.ack(a.got[0]!.tag, false);
  assert.deepEqual(bodies(a), ['1', '2']);
});

test('a channel-wide prefetch (global) is shared by its consumers', () => {
  const { declare, send, channel } = setup();
  declare('x');
  declare('y');
  const a = channel();
  a.ch.qos(2, true);
  a.consume('x', { tag: 'on-x' });
  a.consume('y', { tag: 'on-y' });
  for (let i = 1; i <= 3; i++) { send('x', `x${i}`); send('y', `y${i}`); }
  assert.equal(a.got.length, 2, 'two for the whole channel');
  a.ch.ack(a.got[0]!.tag, false);
  assert.equal(a.got.length, 3, 'one ack frees one place');
});

test('requeued messages go back to their original place, marked redelivered', () => {
  const { declare, send, channel, vhost } = setup();
  declare('q');
  for (let i = 1; i <= 4; i++) send('q', String(i));
  const a = channel();
  assert.equal(a.ch.get('q', false), true);
  assert.equal(a.ch.get('q', false), true);
  assert.deepEqual(a.sent, ['get-ok 1', 'get-ok 2']);
  a.ch.nack(a.got[1]!.tag, false, true);
  a.ch.nack(a.got[0]!.tag, false, true);
  const order = [...vhost.queue('q').ready].map((m) => [m.body.toString(), m.redelivered]);
  assert.deepEqual(order, [['1', true], ['2', true], ['3', false], ['4', false]]);
});

test('basic.get on an empty queue answers get-empty and takes nothing', () => {
  const { declare, channel, vhost } = setup();
  declare('empty');
  const a = channel();
  assert.equal(a.ch.get('empty', false), false);
  assert.deepEqual(a.sent, ['get-empty']);
  assert.equal(a.ch.unackedCount, 0);
  assert.equal(vhost.queue('empty').stats.getEmpty, 1);
});

test('ack multiple settles every delivery up to the tag; an unknown tag is a 406', () => {
  const { declare, send, channel, vhost, unackedIn } = setup();
  declare('q');
  const a = channel();
  a.consume('q');
  for (let i = 1; i <= 4; i++) send('q', String(i));
  a.ch.ack(a.got[2]!.tag, true);
  assert.equal(a.ch.unackedCount, 1);
  assert.equal(unackedIn(vhost.queue('q'), a.ch), 1);
  assert.throws(() => a.ch.ack(a.got[0]!.tag, false), (e: { code: number; text: string }) => e.code === 406 && /unknown delivery tag 1/.test(e.text));
});

test('closing a channel returns its unacked messages to the queue for the next consumer', () => {
  const { declare, send, channel } = setup();
  declare('q');
  const a = channel();
  a.consume('q');
  send('q', 'job');
  const b = channel();
  b.consume('q');
  a.ch.close();
  assert.deepEqual(b.got.map((g) => [g.tag, g.body, g.redelivered]), [[1, 'job', true]]);
  assert.equal(a.ch.consumers.size, 0);
});

test('a persistent message in a durable queue is stored until it is acked', () => {
  const { declare, send, channel, storage } = setup();
  declare('d', { durable: true });
  declare('t');
  send('d', 'kept', { deliveryMode: 2 });
  send('t', 'not kept: transient queue', { deliveryMode: 2 });
  send('d', 'not kept: transient message');
  assert.equal(storage.messages.size, 1);
  const a = channel();
  a.consume('d');
  a.ch.ack(a.got[0]!.tag, false);
  assert.equal(storage.messages.size, 0);
});

test('a client that is not reading gets no deliveries until it can again', () => {
  const { declare, send, channel } = setup();
  declare('q');
  let reading = false;
  const a = channel(undefined, { canDeliver: () => reading });
  a.consume('q');
  send('q', 'waits');
  assert.equal(a.got.length, 0);
  reading = true;
  a.ch.redispatch();
  assert.deepEqual(bodies(a), ['waits']);
});
