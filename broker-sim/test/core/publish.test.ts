/**
 * Core's one publish path: what it reports (routed, returned, rejected), routing through
 * exchange-to-exchange bindings, direct reply-to, and dead-lettering, which publishes through it too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deathHistory } from '../../src/core/content.ts';
import { REPLY_TO } from '../../src/core/direct-reply.ts';
import { decodeProperties, encodeProperties } from '../../src/protocol/index.ts';
import type { PublishOutcome } from '../../src/core/publish.ts';
import { setup } from './support.ts';

/** What a test compares of an outcome. */
const summary = (o: PublishOutcome) => ({ routed: o.routed, returned: o.returned, rejected: o.rejected });

test('publish reports routed, and returned only for a mandatory message no queue takes', () => {
  const { declare, publish } = setup();
  declare('here');
  assert.deepEqual(summary(publish('', 'here', 'a')), { routed: true, returned: false, rejected: false });
  assert.deepEqual(summary(publish('', 'nowhere', 'b')), { routed: false, returned: false, rejected: false });
  assert.deepEqual(summary(publish('', 'nowhere', 'c', {}, true)), { routed: false, returned: true, rejected: false });
  assert.deepEqual(publish('no-such-exchange', 'here', 'd', {}, true).returned, true, 'a missing exchange routes nowhere');
});

test('a full queue with x-overflow reject-publish rejects, and keeps what it had', () => {
  const { declare, send, vhost, storage } = setup();
  declare('small', { durable: true, args: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } });
  assert.equal(send('small', 'first', { deliveryMode: 2 }).rejected, false);
  const second = send('small', 'second', { deliveryMode: 2 });
  assert.deepEqual([second.routed, second.rejected], [true, true]);
  assert.deepEqual([...vhost.queue('small').ready].map((m) => m.body.toString()), ['first']);
  assert.equal(storage.messages.size, 1, 'the refused copy is not kept in storage');
});

test('routing follows exchange-to-exchange bindings, once each, and headers bindings read the properties', () => {
  const { vhost, declare, publish } = setup();
  vhost.declareExchange('front', 'fanout', false, false, false, false, {});
  vhost.declareExchange('back', 'headers', false, false, false, false, {});
  const q = declare('behind');
  vhost.bind({ source: 'front', destination: 'back', destinationType: 'exchange', routingKey: '', args: {} });
  vhost.bind({ source: 'back', destination: 'front', destinationType: 'exchange', routingKey: '', args: {} });
  vhost.bind({ source: 'back', destination: 'behind', destinationType: 'queue', routingKey: '', args: { kind: 'job' } });
  assert.equal(publish('front', 'any', 'miss', { headers: { kind: 'other' } }).routed, false);
  assert.equal(publish('front', 'any', 'hit', { headers: { kind: 'job' } }).routed, true);
  assert.deepEqual([...q.ready].map((m) => m.body.toString()), ['hit'], 'one copy, though the exchanges bind each other');
});

test('direct reply-to: a request carries the channel\'s reply key; a reply reaches the reply consumer but no queue, as RabbitMQ counts it', () => {
  const { declare, channel, vhost, publish } = setup();
  declare('rpc');
  const client = channel();
  assert.throws(() => client.ch.publish({ exchange: '', routingKey: 'rpc', body: Buffer.from('too early'),
    propertiesRaw: encodeProperties({ replyTo: REPLY_TO }) }), /406|fast reply consumer does not exist/);
  assert.throws(() => client.consume(REPLY_TO), /reply consumer cannot acknowledge/);
  const tag = client.consume(REPLY_TO, { noAck: true });
  client.ch.publish({ exchange: '', routingKey: 'rpc', body: Buffer.from('2+2'), propertiesRaw: encodeProperties({ replyTo: REPLY_TO }) });
  const request = vhost.queue('rpc').ready.peek()!;
  const replyKey = decodeProperties(request.propertiesRaw).replyTo!;
  assert.match(replyKey, /^amq\.rabbitmq\.reply-to\.\S+$/);
  assert.deepEqual(summary(publish('', replyKey, '4', {}, true)), { routed: false, returned: true, rejected: false });
  assert.deepEqual(client.got.map((g) => [g.consumerTag, g.body, g.routingKey]), [[tag, '4', replyKey]]);
  client.ch.cancel(tag);
  assert.deepEqual(summary(publish('', replyKey, 'late', {}, true)), { routed: false, returned: true, rejected: false });
  assert.equal(client.got.length, 1, 'nothing reaches a cancelled reply consumer');
});

test('dead-lettering publishes through the same path: a rejected copy carries x-death and keeps its priority', () => {
  const { vhost, declare, channel, send } = setup();
  declare('work', { args: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' } });
  const dead = declare('dead');
  send('work', 'job', { priority: 3 });
  const w = channel();
  w.ch.get('work', false);
  w.ch.nack(w.got[0]!.tag, false, false);
  const [copy] = [...dead.ready];
  assert.equal(copy?.body.toString(), 'job');
  assert.deepEqual([copy!.exchange, copy!.routingKey, copy!.priority], ['', 'dead', 3]);
  const history = deathHistory(copy!.propertiesRaw);
  assert.deepEqual([history.rejected, [...history.queues]], [true, ['work']]);
  assert.equal(vhost.queue('work').messageCount, 0);
});

test('a message that expires back into the queue it expired in is dropped (the cycle rule), not looped', () => {
  const { clock, declare, send, broker } = setup();
  const loop = declare('loop', { args: { 'x-message-ttl': 10, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'loop' } });
  send('loop', 'once');
  clock.advance(20);
  assert.equal(loop.messageCount, 0);
  assert.equal(clock.pending, 0, 'nothing left to expire');
  const kinds = broker.events.recent(10).map((e) => `${e.kind} ${e.detail}`);
  assert.deepEqual(kinds, ["dead-lettered expired → exchange ''"]);
});
