import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Broker } from '../../src/core/broker.ts';
import { CoreChannel } from '../../src/core/channel.ts';
import type { Message } from '../../src/core/message.ts';
import { MemoryStorage } from './memory-storage.ts';
import { FakeClock } from '../../src/core/clock.ts';

const clock = new FakeClock();

function setup() {
  const storage = new MemoryStorage();
  const broker = new Broker(storage, clock);
  const vhost = broker.vhost('/')!;
  let id = 1;
  const publish = (q: string, body: string, persistent = false): void => {
    const queue = vhost.queue(q);
    vhost.enqueue([queue], (): Message => ({ id: id++, exchange: '', routingKey: q, propertiesRaw: Buffer.from([0, 0]),
      body: Buffer.from(body), persistent, redelivered: false, stored: false }));
  };
  const channel = (n: number) => {
    const got: { tag: number; body: string; redelivered: boolean }[] = [];
    const ch = new CoreChannel(1, n, broker, {
      deliver: (_c, tag, m) => got.push({ tag, body: m.body.toString(), redelivered: m.redelivered }),
      consumerCancelled: () => {},
      leaseExpired: () => {},
      canDeliver: () => true,
    });
    const consume = (q: string, opts: { noAck?: boolean; prefetch?: number } = {}) => ch.addConsumer({
      tag: `c${n}`, channel: ch, queue: vhost.queue(q), noAck: opts.noAck ?? false, exclusive: false,
      prefetch: opts.prefetch ?? ch.consumerPrefetch, unacked: 0 });
    return { ch, got, consume };
  };
  const declare = (q: string, durable = false) => vhost.declareQueue({ queue: q, passive: false, durable, exclusive: false,
    autoDelete: false, arguments: {} }, 1);
  return { storage, broker, vhost, publish, channel, declare };
}

test('a fresh broker has vhost / and the guest user, who may log in from loopback only', () => {
  const { broker } = setup();
  assert.ok(broker.vhost('/'));
  assert.equal(broker.authenticate('PLAIN', 'guest', 'guest', true).name, 'guest');
  assert.throws(() => broker.authenticate('PLAIN', 'guest', 'guest', false), /ACCESS_REFUSED/);
  assert.throws(() => broker.authenticate('PLAIN', 'guest', 'nope', true), /ACCESS_REFUSED/);
});

test('round-robin gives alternate messages to two consumers without prefetch', () => {
  const { declare, publish, channel } = setup();
  declare('work');
  const a = channel(1);
  const b = channel(2);
  a.consume('work');
  b.consume('work');
  for (let i = 1; i <= 6; i++) publish('work', String(i));
  assert.deepEqual(a.got.map((g) => g.body), ['1', '3', '5']);
  assert.deepEqual(b.got.map((g) => g.body), ['2', '4', '6']);
});

test('prefetch 1 holds back further messages until the consumer acks', () => {
  const { declare, publish, channel, vhost } = setup();
  declare('fair');
  const a = channel(1);
  a.ch.consumerPrefetch = 1;
  a.consume('fair');
  for (let i = 1; i <= 3; i++) publish('fair', String(i));
  assert.deepEqual(a.got.map((g) => g.body), ['1']);
  assert.equal(vhost.queue('fair').messageCount, 2);
  a.ch.ack(a.got[0]!.tag, false);
  assert.deepEqual(a.got.map((g) => g.body), ['1', '2']);
});

test('a channel-wide prefetch (global) is shared by its consumers', () => {
  const { declare, publish, channel, vhost } = setup();
  declare('x');
  declare('y');
  const a = channel(1);
  a.ch.channelPrefetch = 2;
  for (const q of ['x', 'y']) {
    a.ch.addConsumer({ tag: `on-${q}`, channel: a.ch, queue: vhost.queue(q), noAck: false, exclusive: false, prefetch: 0, unacked: 0 });
  }
  for (let i = 1; i <= 3; i++) { publish('x', `x${i}`); publish('y', `y${i}`); }
  assert.equal(a.got.length, 2, 'two for the whole channel');
  a.ch.ack(a.got[0]!.tag, false);
  assert.equal(a.got.length, 3, 'one ack frees one place');
});

test('requeued messages go back to their original place, marked redelivered', () => {
  const { declare, publish, channel, vhost } = setup();
  declare('q');
  for (let i = 1; i <= 4; i++) publish('q', String(i));
  const a = channel(1);
  const first = a.ch.get(vhost.queue('q'), false)!;
  const second = a.ch.get(vhost.queue('q'), false)!;
  a.ch.nack(second.deliveryTag, false, true);
  a.ch.nack(first.deliveryTag, false, true);
  const order = [...vhost.queue('q').ready].map((m) => [m.body.toString(), m.redelivered]);
  assert.deepEqual(order, [['1', true], ['2', true], ['3', false], ['4', false]]);
});

test('ack multiple settles every delivery up to the tag; an unknown tag is a 406', () => {
  const { declare, publish, channel, vhost } = setup();
  declare('q');
  const a = channel(1);
  a.consume('q');
  for (let i = 1; i <= 4; i++) publish('q', String(i));
  a.ch.ack(a.got[2]!.tag, true);
  assert.equal(a.ch.unackedCount, 1);
  assert.equal(vhost.queue('q').unacked, 1);
  assert.throws(() => a.ch.ack(a.got[0]!.tag, false), (e: { code: number; text: string }) => e.code === 406 && /unknown delivery tag 1/.test(e.text));
});

test('closing a channel returns its unacked messages to the queue for the next consumer', () => {
  const { declare, publish, channel } = setup();
  declare('q');
  const a = channel(1);
  a.consume('q');
  publish('q', 'job');
  const b = channel(2);
  b.consume('q');
  a.ch.close();
  assert.deepEqual(b.got, [{ tag: 1, body: 'job', redelivered: true }]);
});

test('a persistent message in a durable queue is stored until it is acked', () => {
  const { declare, publish, channel, storage } = setup();
  declare('d', true);
  declare('t', false);
  publish('d', 'kept', true);
  publish('t', 'not kept: transient queue', true);
  publish('d', 'not kept: transient message', false);
  assert.equal(storage.messages.size, 1);
  const a = channel(1);
  a.consume('d');
  a.ch.ack(a.got[0]!.tag, false);
  assert.equal(storage.messages.size, 0);
});
