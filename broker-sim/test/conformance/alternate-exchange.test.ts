/**
 * Alternate exchanges (the `alternate-exchange` exchange argument): what an exchange routes nowhere
 * goes to its alternate, along chains, once per exchange; a mandatory message the alternate routed is
 * not returned, one nothing routed is. Redeclaring with another alternate is RabbitMQ's 406. The
 * same assertions against broker-sim and RabbitMQ.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel, Message } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, closeAll, eventually, expectChannelError, within } from './support/amqp.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Bodies in a queue once `n` are there, taken with basic.get (no-ack). */
async function bodies(ch: Channel, q: string, n: number): Promise<string[]> {
  await eventually(`${n} messages in ${q}`, () => ch.checkQueue(q), (r) => r.messageCount >= n);
  const out: string[] = [];
  for (let m = await ch.get(q, { noAck: true }); m; m = await ch.get(q, { noAck: true })) out.push(body(m));
  return out;
}

/**
 * Publishes mandatory messages and then a marker no queue takes; resolves with the bodies returned,
 * marker last. Returns come in order, so anything returned before the marker is there by then.
 */
async function returnedUpToMarker(ch: Channel, publish: () => void, markerExchange: string): Promise<string[]> {
  const returned: string[] = [];
  const done = within(5000, 'the marker to come back', new Promise<void>((resolve) => {
    const onReturn = (m: Message) => {
      returned.push(body(m));
      if (body(m) === 'marker') { ch.removeListener('return', onReturn); resolve(); }
    };
    ch.on('return', onReturn);
  }));
  publish();
  ch.publish(markerExchange, 'no.such.key', Buffer.from('marker'), { mandatory: true });
  await done;
  return returned;
}

forEachBroker('alternate exchanges', (broker) => {
  after(closeAll);

  test('an unroutable message goes to the alternate exchange with its own exchange and key; a mandatory one it routed is not returned', async () => {
    const { ch } = await channel(broker.url);
    const [x, ae, plain] = [broker.name('ae-main'), broker.name('ae-alt'), broker.name('ae-plain')];
    const [bound, spill] = [broker.name('ae-bound'), broker.name('ae-spill')];
    await ch.assertExchange(ae, 'fanout', { durable: false });
    await ch.assertExchange(x, 'direct', { durable: false, arguments: { 'alternate-exchange': ae } });
    await ch.assertExchange(plain, 'direct', { durable: false });
    await ch.assertQueue(bound, { durable: false });
    await ch.assertQueue(spill, { durable: false });
    await ch.bindQueue(bound, x, 'known');
    await ch.bindQueue(spill, ae, '');
    const returned = await returnedUpToMarker(ch, () => {
      ch.publish(x, 'known', Buffer.from('routed'), { mandatory: true });
      ch.publish(x, 'unknown', Buffer.from('spilled'), { mandatory: true, headers: { h: 'v' } });
    }, plain);
    assert.deepEqual(returned, ['marker'], 'nothing but the marker comes back');
    assert.deepEqual(await bodies(ch, bound, 1), ['routed']);
    const m = await ch.get(spill, { noAck: true });
    assert.ok(m, 'the unroutable message is in the alternate exchange\'s queue');
    assert.equal(body(m), 'spilled');
    assert.equal(m.fields.exchange, x, 'it keeps the exchange it was published to');
    assert.equal(m.fields.routingKey, 'unknown');
    assert.equal(m.properties.headers?.h, 'v');
    for (const e of [x, ae, plain]) await ch.deleteExchange(e);
    for (const q of [bound, spill]) await ch.deleteQueue(q);
  });

  test('chains are followed; a cycle, a missing alternate or one that routes nothing leaves a mandatory message returned', async () => {
    const { ch } = await channel(broker.url);
    const [a, b, c] = [broker.name('ae-a'), broker.name('ae-b'), broker.name('ae-c')];
    const [loop1, loop2, dangling] = [broker.name('ae-loop1'), broker.name('ae-loop2'), broker.name('ae-dangling')];
    const [end, plain] = [broker.name('ae-end'), broker.name('ae-plain')];
    await ch.assertExchange(plain, 'direct', { durable: false });
    await ch.assertExchange(c, 'fanout', { durable: false });
    await ch.assertExchange(b, 'direct', { durable: false, arguments: { 'alternate-exchange': c } });
    await ch.assertExchange(a, 'topic', { durable: false, arguments: { 'alternate-exchange': b } });
    await ch.assertExchange(loop1, 'direct', { durable: false, arguments: { 'alternate-exchange': loop2 } });
    await ch.assertExchange(loop2, 'direct', { durable: false, arguments: { 'alternate-exchange': loop1 } });
    await ch.assertExchange(dangling, 'direct', { durable: false, arguments: { 'alternate-exchange': broker.name('ae-none') } });
    await ch.assertQueue(end, { durable: false });
    await ch.bindQueue(end, c, '');
    const returned = await returnedUpToMarker(ch, () => {
      ch.publish(a, 'x.y', Buffer.from('through two'), { mandatory: true });
      ch.publish(loop1, 'k', Buffer.from('cycle'), { mandatory: true });
      ch.publish(dangling, 'k', Buffer.from('dangling'), { mandatory: true });
    }, plain);
    assert.deepEqual(returned, ['cycle', 'dangling', 'marker']);
    assert.deepEqual(await bodies(ch, end, 1), ['through two']);
    for (const e of [a, b, c, loop1, loop2, dangling, plain]) await ch.deleteExchange(e);
    await ch.deleteQueue(end);
  });

  test('an exchange that routes to another exchange does not use its own alternate; the other one\'s is used', async () => {
    const { ch } = await channel(broker.url);
    const [outer, inner, outerAe, innerAe] = [broker.name('ae-outer'), broker.name('ae-inner'), broker.name('ae-oae'), broker.name('ae-iae')];
    const [qOuter, qInner] = [broker.name('ae-qo'), broker.name('ae-qi')];
    await ch.assertExchange(outerAe, 'fanout', { durable: false });
    await ch.assertExchange(innerAe, 'fanout', { durable: false });
    await ch.assertExchange(outer, 'fanout', { durable: false, arguments: { 'alternate-exchange': outerAe } });
    await ch.assertExchange(inner, 'direct', { durable: false, arguments: { 'alternate-exchange': innerAe } });
    await ch.bindExchange(inner, outer, '');
    for (const [q, x] of [[qOuter, outerAe], [qInner, innerAe]] as const) {
      await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(q, x, '');
    }
    ch.publish(outer, 'nobody', Buffer.from('one'));
    assert.deepEqual(await bodies(ch, qInner, 1), ['one']);
    assert.equal((await ch.checkQueue(qOuter)).messageCount, 0);
    for (const e of [outer, inner, outerAe, innerAe]) await ch.deleteExchange(e);
    for (const q of [qOuter, qInner]) await ch.deleteQueue(q);
  });

  test('redeclaring with another alternate, or none, is 406 inequivalent arg; an alternate that is not a string is refused', async () => {
    const { ch } = await channel(broker.url);
    const x = broker.name('ae-redeclare');
    await ch.assertExchange(x, 'direct', { durable: false, arguments: { 'alternate-exchange': 'first' } });
    await ch.assertExchange(x, 'direct', { durable: false, arguments: { 'alternate-exchange': 'first' } });
    await expectChannelError(broker.url, (c) => c.assertExchange(x, 'direct', { durable: false, arguments: { 'alternate-exchange': 'second' } }), 406,
      new RegExp(`PRECONDITION_FAILED - inequivalent arg 'alternate-exchange' for exchange '${esc(x)}' in vhost '/': received 'second' but current is 'first'"$`));
    await expectChannelError(broker.url, (c) => c.assertExchange(x, 'direct', { durable: false }), 406,
      new RegExp(`PRECONDITION_FAILED - inequivalent arg 'alternate-exchange' for exchange '${esc(x)}' in vhost '/': received none but current is the value 'first' of type 'longstr'"$`));
    const y = broker.name('ae-none-first');
    await ch.assertExchange(y, 'direct', { durable: false });
    await expectChannelError(broker.url, (c) => c.assertExchange(y, 'direct', { durable: false, arguments: { 'alternate-exchange': 'late' } }), 406,
      new RegExp(`PRECONDITION_FAILED - inequivalent arg 'alternate-exchange' for exchange '${esc(y)}' in vhost '/': received the value 'late' of type 'longstr' but current is none"$`));
    const z = broker.name('ae-bool');
    await expectChannelError(broker.url, (c) => c.assertExchange(z, 'direct', { durable: false, arguments: { 'alternate-exchange': true } }), 406,
      new RegExp(`PRECONDITION_FAILED - invalid type 'bool' for arg 'alternate-exchange' in exchange '${esc(z)}' in vhost '/'"$`));
    await ch.deleteExchange(x);
    await ch.deleteExchange(y);
  });
});
