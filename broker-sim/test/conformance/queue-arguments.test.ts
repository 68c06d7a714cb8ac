/**
 * Queue arguments as RabbitMQ 3.10 applies them: message TTL and expiration, dead-lettering with
 * x-death, length limits with each overflow mode, priorities, a single active consumer, queue expiry
 * and the checks on bad arguments. The same assertions run against broker-sim and RabbitMQ.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel, ConfirmChannel, GetMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, channelClosed, closeAll, connect, eventually, getOne, sleep, within } from './support/amqp.ts';

/** Takes every ready message with basic.get (no-ack), in order. */
async function drain(ch: Channel, q: string): Promise<GetMessage[]> {
  const out: GetMessage[] = [];
  for (;;) {
    const m = await ch.get(q, { noAck: true });
    if (!m) return out;
    out.push(m);
  }
}

/** Waits for n messages in q, then takes them. */
async function takeWhenThere(ch: Channel, q: string, n: number, ms = 5000): Promise<GetMessage[]> {
  await eventually(`${n} messages in ${q}`, () => ch.checkQueue(q), (r) => r.messageCount >= n, ms);
  return drain(ch, q);
}

const deaths = (m: { properties: { headers?: Record<string, unknown> } }) =>
  (m.properties.headers?.['x-death'] ?? []) as Record<string, unknown>[];

/** The x-death entry without its time (which only has to be a timestamp near now). */
function deathWithoutTime(d: Record<string, unknown>): Record<string, unknown> {
  const { time, ...rest } = d;
  const seconds = Number((time as { value: number }).value);
  assert.ok(Math.abs(seconds - Date.now() / 1000) < 120, `x-death time ${seconds} is a timestamp near now`);
  return rest;
}

async function confirmChannel(url: string): Promise<ConfirmChannel> {
  const conn = await connect(url);
  const ch = await conn.createConfirmChannel();
  ch.on('error', () => {});
  return ch;
}

/** Publishes on a confirm channel; resolves true on basic.ack, false on basic.nack. */
function publishConfirmed(ch: ConfirmChannel, q: string, text: string): Promise<boolean> {
  return within(5000, `the confirm of '${text}'`, new Promise((resolve) => {
    ch.sendToQueue(q, Buffer.from(text), {}, (err) => resolve(!err));
  }));
}

forEachBroker('queue arguments', (broker) => {
  after(closeAll);

  test('an expired message is dead-lettered with x-death, x-first-death-* and its expiration moved aside', async () => {
    const { ch } = await channel(broker.url);
    const dlx = broker.name('ttl-dlx');
    const dlq = broker.name('ttl-dlq');
    const src = broker.name('ttl-src');
    await ch.assertExchange(dlx, 'fanout', { durable: false, autoDelete: false });
    await ch.assertQueue(dlq, { durable: false });
    await ch.bindQueue(dlq, dlx, '');
    await ch.assertQueue(src, { durable: false, arguments: { 'x-dead-letter-exchange': dlx, 'x-message-ttl': 100 } });
    ch.sendToQueue(src, Buffer.from('short'), { expiration: '30', headers: { kept: 'yes' } });
    ch.sendToQueue(src, Buffer.from('queue-ttl'));
    const [first, second] = await takeWhenThere(ch, dlq, 2);
    assert.equal(body(first!), 'short');
    assert.equal(first!.fields.exchange, dlx);
    assert.equal(first!.fields.routingKey, src);
    assert.equal(first!.properties.expiration, undefined, 'the expiration property is removed');
    assert.equal(first!.properties.headers?.kept, 'yes', 'other headers are kept');
    assert.deepEqual(deaths(first!).map(deathWithoutTime), [{
      count: 1, reason: 'expired', queue: src, exchange: '', 'routing-keys': [src], 'original-expiration': '30',
    }]);
    assert.equal(first!.properties.headers?.['x-first-death-reason'], 'expired');
    assert.equal(first!.properties.headers?.['x-first-death-queue'], src);
    assert.equal(first!.properties.headers?.['x-first-death-exchange'], '');
    assert.equal(body(second!), 'queue-ttl');
    assert.deepEqual(deaths(second!).map(deathWithoutTime), [{
      count: 1, reason: 'expired', queue: src, exchange: '', 'routing-keys': [src],
    }]);
    assert.equal((await ch.checkQueue(src)).messageCount, 0);
    await Promise.all([ch.deleteQueue(src), ch.deleteQueue(dlq), ch.deleteExchange(dlx)]);
  });

  test('a rejected message is dead-lettered with reason rejected, under x-dead-letter-routing-key', async () => {
    const { ch } = await channel(broker.url);
    const dlq = broker.name('rej-dlq');
    const src = broker.name('rej-src');
    await ch.assertQueue(dlq, { durable: false });
    await ch.assertQueue(src, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dlq } });
    ch.sendToQueue(src, Buffer.from('bad'));
    ch.sendToQueue(src, Buffer.from('worse'));
    const [bad] = await takeWhenThereNoAck(ch, src, 1);
    ch.reject(bad!, false);
    const worse = await getOne(ch, src);
    ch.nack(worse, false, false);
    const got = await takeWhenThere(ch, dlq, 2);
    assert.deepEqual(got.map(body), ['bad', 'worse']);
    for (const m of got) {
      assert.equal(m.fields.routingKey, dlq);
      assert.equal(m.fields.redelivered, false);
      assert.deepEqual(deaths(m).map(deathWithoutTime), [{ count: 1, reason: 'rejected', queue: src, exchange: '', 'routing-keys': [src] }]);
    }
    await Promise.all([ch.deleteQueue(src), ch.deleteQueue(dlq)]);
  });

  test('a message dead-lettered twice through the same queue counts up in one x-death entry', async () => {
    const { ch } = await channel(broker.url);
    const work = broker.name('retry-work');
    const wait = broker.name('retry-wait');
    // work rejects into wait; wait's TTL sends it back to work: the retry-later loop.
    await ch.assertQueue(work, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': wait } });
    await ch.assertQueue(wait, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': work, 'x-message-ttl': 20 } });
    ch.sendToQueue(work, Buffer.from('job'));
    for (let round = 1; round <= 2; round++) {
      const m = await getOne(ch, work);
      if (round === 2) {
        const list = deaths(m).map(deathWithoutTime);
        assert.deepEqual(list, [
          { count: 1, reason: 'expired', queue: wait, exchange: '', 'routing-keys': [wait] },
          { count: 1, reason: 'rejected', queue: work, exchange: '', 'routing-keys': [work] },
        ]);
      }
      ch.reject(m, false);
    }
    const m = await getOne(ch, work);
    const list = deaths(m).map(deathWithoutTime);
    assert.deepEqual(list.map((d) => [d.queue, d.reason, d.count]), [[wait, 'expired', 2], [work, 'rejected', 2]]);
    assert.equal(m.properties.headers?.['x-first-death-reason'], 'rejected');
    ch.ack(m);
    await Promise.all([ch.deleteQueue(work), ch.deleteQueue(wait)]);
  });

  test('an expiry cycle with no rejection drops the message instead of looping', async () => {
    const { ch } = await channel(broker.url);
    const a = broker.name('cycle-a');
    const b = broker.name('cycle-b');
    await ch.assertQueue(a, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': b, 'x-message-ttl': 10 } });
    await ch.assertQueue(b, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': a, 'x-message-ttl': 10 } });
    ch.sendToQueue(a, Buffer.from('round and round'));
    await sleep(400);
    const [qa, qb] = await Promise.all([ch.checkQueue(a), ch.checkQueue(b)]);
    assert.equal(qa.messageCount + qb.messageCount, 0, 'the message was dropped after one lap');
    await Promise.all([ch.deleteQueue(a), ch.deleteQueue(b)]);
  });

  test('x-max-length with drop-head dead-letters the oldest ready messages as maxlen; unacked ones do not count', async () => {
    const { ch } = await channel(broker.url);
    const dlq = broker.name('maxlen-dlq');
    const q = broker.name('maxlen');
    await ch.assertQueue(dlq, { durable: false });
    await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 2, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dlq } });
    ch.sendToQueue(q, Buffer.from('a'));
    ch.sendToQueue(q, Buffer.from('b'));
    const a = await getOne(ch, q);
    assert.equal(body(a), 'a');
    ch.sendToQueue(q, Buffer.from('c'));
    ch.sendToQueue(q, Buffer.from('d'));
    await eventually('b dropped', () => ch.checkQueue(dlq), (r) => r.messageCount === 1);
    ch.nack(a, false, true); // back in front of c and d: over the limit again, so a goes
    const dead = await takeWhenThere(ch, dlq, 2);
    assert.deepEqual(dead.map(body), ['b', 'a']);
    assert.deepEqual(dead.map((m) => deaths(m)[0]?.reason), ['maxlen', 'maxlen']);
    assert.deepEqual((await drain(ch, q)).map(body), ['c', 'd']);
    await Promise.all([ch.deleteQueue(q), ch.deleteQueue(dlq)]);
  });

  test('x-max-length-bytes counts body bytes of ready messages', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('maxbytes');
    await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length-bytes': 10 } });
    for (const text of ['12345', '67890', 'abcde']) ch.sendToQueue(q, Buffer.from(text));
    await eventually('the third message in', () => ch.checkQueue(q), (r) => r.messageCount === 2);
    await sleep(50);
    assert.deepEqual((await drain(ch, q)).map(body), ['67890', 'abcde']);
    await ch.deleteQueue(q);
  });

  test('x-overflow reject-publish nacks the publisher and keeps what the queue had', async () => {
    const ch = await confirmChannel(broker.url);
    const q = broker.name('reject-publish');
    await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } });
    assert.equal(await publishConfirmed(ch, q, 'first'), true);
    assert.equal(await publishConfirmed(ch, q, 'second'), false, 'basic.nack for the refused message');
    assert.deepEqual((await drain(ch, q)).map(body), ['first']);
    assert.equal(await publishConfirmed(ch, q, 'third'), true, 'room again: acked');
    await ch.deleteQueue(q);
  });

  test('x-overflow reject-publish-dlx nacks and dead-letters the refused message', async () => {
    const ch = await confirmChannel(broker.url);
    const q = broker.name('reject-dlx');
    const dlq = broker.name('reject-dlx-dlq');
    await ch.assertQueue(dlq, { durable: false });
    await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish-dlx',
      'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dlq } });
    assert.equal(await publishConfirmed(ch, q, 'kept'), true);
    assert.equal(await publishConfirmed(ch, q, 'refused'), false);
    const [dead] = await takeWhenThere(ch, dlq, 1);
    assert.equal(body(dead!), 'refused');
    assert.equal(deaths(dead!)[0]?.reason, 'maxlen');
    await Promise.all([ch.deleteQueue(q), ch.deleteQueue(dlq)]);
  });

  test('x-max-priority delivers higher priorities first, in publish order within one', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('priority');
    await ch.assertQueue(q, { durable: false, arguments: { 'x-max-priority': 5 } });
    const sent: [string, number | undefined][] = [['low1', 1], ['none', undefined], ['high', 5], ['low2', 1], ['over', 9], ['mid', 3]];
    for (const [text, priority] of sent) ch.sendToQueue(q, Buffer.from(text), priority === undefined ? {} : { priority });
    const got = await takeWhenThere(ch, q, sent.length);
    // A priority above the maximum counts as the maximum.
    assert.deepEqual(got.map(body), ['high', 'over', 'mid', 'low1', 'low2', 'none']);
    await ch.deleteQueue(q);
  });

  test('x-single-active-consumer: only the first consumer gets messages until it goes, then the next', async () => {
    const { ch: pub } = await channel(broker.url);
    const q = broker.name('sac');
    await pub.assertQueue(q, { durable: false, arguments: { 'x-single-active-consumer': true } });
    const { ch: c1 } = await channel(broker.url);
    const { ch: c2 } = await channel(broker.url);
    const got1: string[] = [];
    const got2: string[] = [];
    const t1 = await c1.consume(q, (m) => { if (m) { got1.push(body(m)); c1.ack(m); } });
    await c2.consume(q, (m) => { if (m) { got2.push(body(m)); c2.ack(m); } });
    assert.equal((await pub.checkQueue(q)).consumerCount, 2);
    for (const t of ['1', '2', '3']) pub.sendToQueue(q, Buffer.from(t));
    await eventually('three to the first consumer', async () => got1.length, (n) => n === 3);
    assert.deepEqual(got2, []);
    await c1.cancel(t1.consumerTag);
    for (const t of ['4', '5']) pub.sendToQueue(q, Buffer.from(t));
    await eventually('two to the second consumer', async () => got2.length, (n) => n === 2);
    assert.deepEqual([got1, got2], [['1', '2', '3'], ['4', '5']]);
    await pub.deleteQueue(q);
  });

  test('x-expires deletes a queue nobody uses, its messages with it', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('expires');
    await ch.assertQueue(q, { durable: false, arguments: { 'x-expires': 150 } });
    ch.sendToQueue(q, Buffer.from('goes with it'));
    // Any declare, even a passive one, counts as use and restarts the countdown: so look only once.
    await sleep(800);
    const closed = channelClosed(ch);
    ch.checkQueue(q).catch(() => {});
    assert.equal((await closed).code, 404);
  });

  test('bad arguments are refused with 406 and RabbitMQ\'s texts', async () => {
    const cases: [Record<string, unknown>, boolean, RegExp][] = [
      [{ 'x-message-ttl': -1 }, false, /invalid arg 'x-message-ttl' for queue '.*' in vhost '\/': \{value_negative,-1\}/],
      [{ 'x-expires': 0 }, false, /invalid arg 'x-expires' for queue '.*' in vhost '\/': \{value_zero,0\}/],
      [{ 'x-overflow': 'bogus' }, false, /invalid arg 'x-overflow' for queue '.*' in vhost '\/': invalid_overflow/],
      [{ 'x-max-priority': 300 }, false, /invalid arg 'x-max-priority' for queue '.*' in vhost '\/': \{max_value_exceeded,300\}/],
      [{ 'x-message-ttl': 'abc' }, false, /invalid arg 'x-message-ttl' for queue '.*' in vhost '\/': "expected integer, got longstr"/],
      [{ 'x-delivery-limit': 2 }, true, /invalid arg 'x-delivery-limit' for queue '.*' in vhost '\/' of queue type rabbit_classic_queue/],
      [{ 'x-queue-type': 'quorum' }, false, /invalid property 'non-durable' for queue '.*' in vhost '\/'/],
      [{ 'x-queue-type': 'quorum', 'x-max-priority': 5 }, true, /invalid arg 'x-max-priority' for queue '.*' in vhost '\/' of queue type rabbit_quorum_queue/],
      [{ 'x-queue-type': 'bogus' }, true, /invalid arg 'x-queue-type' for queue '.*' in vhost '\/': "unsupported queue type 'bogus'"/],
    ];
    for (const [args, durable, text] of cases) {
      const { ch } = await channel(broker.url);
      const closed = channelClosed(ch);
      ch.assertQueue(broker.name('badarg'), { durable, arguments: args }).catch(() => {});
      const err = await closed;
      assert.equal(err.code, 406, JSON.stringify(args));
      assert.match(err.message, text);
    }
  });
});

async function takeWhenThereNoAck(ch: Channel, q: string, n: number): Promise<GetMessage[]> {
  const out: GetMessage[] = [];
  while (out.length < n) out.push(await getOne(ch, q));
  return out;
}

