import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel, ConsumeMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, closeAll, connect, eventually, sleep } from './support/amqp.ts';

/** A worker that records what it got and never acks unless told to. */
async function worker(url: string, q: string, opts: { prefetch?: number; global?: boolean } = {}) {
  const conn = await connect(url);
  const ch = await conn.createChannel();
  if (opts.prefetch !== undefined) await ch.prefetch(opts.prefetch, opts.global);
  const got: ConsumeMessage[] = [];
  await ch.consume(q, (m) => got.push(m!));
  return { ch, got };
}

async function queueWith(url: string, q: string): Promise<Channel> {
  const conn = await connect(url);
  const ch = await conn.createChannel();
  await ch.assertQueue(q, { autoDelete: true });
  return ch;
}

forEachBroker('dispatch', (broker) => {
  after(closeAll);

  test('two workers without prefetch share six messages round-robin: 1,3,5 and 2,4,6', async () => {
    const q = broker.name('round-robin');
    const pub = await queueWith(broker.url, q);
    const w1 = await worker(broker.url, q);
    const w2 = await worker(broker.url, q);
    // Alternating long and short tasks: without prefetch the first worker gets every long one.
    const tasks = ['long.........', 'short.', 'long.........', 'short.', 'long.........', 'short.'];
    tasks.forEach((t, i) => pub.sendToQueue(q, Buffer.from(`${i + 1}:${t}`)));
    await eventually('all six delivered', async () => w1.got.length + w2.got.length, (n) => n === 6);
    assert.deepEqual(w1.got.map((m) => body(m).split(':')[0]), ['1', '3', '5']);
    assert.deepEqual(w2.got.map((m) => body(m).split(':')[0]), ['2', '4', '6']);
  });

  test('with prefetch 1 a worker that has not acked gets nothing more; the other takes the rest', async () => {
    const q = broker.name('prefetch-1');
    const pub = await queueWith(broker.url, q);
    const slow = await worker(broker.url, q, { prefetch: 1 });
    const fast = await worker(broker.url, q, { prefetch: 1 });
    fast.ch.on('error', () => {});
    // The fast worker acks each message as it arrives.
    const ackAll = setInterval(() => { while (fast.got.length > acked) fast.ch.ack(fast.got[acked++]!); }, 5);
    let acked = 0;
    for (let i = 1; i <= 6; i++) pub.sendToQueue(q, Buffer.from(String(i)));
    await eventually('six delivered', async () => slow.got.length + fast.got.length, (n) => n === 6);
    clearInterval(ackAll);
    assert.equal(slow.got.length, 1, 'the slow worker holds exactly one unacked message');
    assert.equal(fast.got.length, 5);
  });

  test('basic.qos global=false limits each consumer of a channel on its own', async () => {
    const q1 = broker.name('per-consumer-a');
    const q2 = broker.name('per-consumer-b');
    const pub = await queueWith(broker.url, q1);
    await pub.assertQueue(q2, { autoDelete: true });
    const conn = await connect(broker.url);
    const ch = await conn.createChannel();
    await ch.prefetch(2, false);
    const got: string[] = [];
    await ch.consume(q1, (m) => got.push(body(m!)));
    await ch.consume(q2, (m) => got.push(body(m!)));
    for (let i = 0; i < 5; i++) { pub.sendToQueue(q1, Buffer.from(`a${i}`)); pub.sendToQueue(q2, Buffer.from(`b${i}`)); }
    await eventually('four delivered', async () => got.length, (n) => n >= 4);
    await sleep(150);
    assert.equal(got.length, 4, 'two per consumer');
  });

  test('basic.qos global=true limits all consumers of a channel together', async () => {
    const q1 = broker.name('per-channel-a');
    const q2 = broker.name('per-channel-b');
    const pub = await queueWith(broker.url, q1);
    await pub.assertQueue(q2, { autoDelete: true });
    const conn = await connect(broker.url);
    const ch = await conn.createChannel();
    await ch.prefetch(3, true);
    const got: string[] = [];
    await ch.consume(q1, (m) => got.push(body(m!)));
    await ch.consume(q2, (m) => got.push(body(m!)));
    for (let i = 0; i < 5; i++) { pub.sendToQueue(q1, Buffer.from(`a${i}`)); pub.sendToQueue(q2, Buffer.from(`b${i}`)); }
    await eventually('three delivered', async () => got.length, (n) => n >= 3);
    await sleep(150);
    assert.equal(got.length, 3, 'three for the whole channel');
  });
});
