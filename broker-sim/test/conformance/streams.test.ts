/**
 * Streams (x-queue-type: stream) over AMQP 0-9-1 as RabbitMQ 3.10 serves them: declare refusals,
 * consumers that need manual acks and a prefetch, x-stream-offset (first, last, next, an offset, a
 * timestamp), acks that remove nothing, independent readers, retention by segments, the 540s for
 * basic.get, purge and nack — the same assertions against broker-sim and RabbitMQ. Then survival of
 * kill -9 (broker-sim only: a process to kill).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { scratchDir, startSimProcess, type SimProcess } from '../../../test/support/sim-process.ts';
import { body, channel, channelClosed, closeAll, connect, eventually, within } from './support/amqp.ts';

const STREAM = { 'x-queue-type': 'stream' };
const offsetOf = (m: ConsumeMessage): unknown => m.properties.headers?.['x-stream-offset'];

/** The error that closes the connection (540s and 541 are connection errors). */
function connectionClosed(conn: ChannelModel): Promise<{ code: number; message: string }> {
  return within(3000, 'the connection to be closed by the broker', new Promise((resolve) => {
    conn.once('error', (e: Error & { code: number }) => resolve({ code: e.code, message: e.message }));
  }));
}

/** Publishes each body and waits for its confirm, so each is written on its own. */
async function publishEach(url: string, q: string, bodies: string[]): Promise<void> {
  const conn = await connect(url);
  const ch = await conn.createConfirmChannel();
  for (const b of bodies) {
    ch.sendToQueue(q, Buffer.from(b), { persistent: true });
    await ch.waitForConfirms();
  }
  await conn.close();
}

/**
 * Reads a stream from `offset` with a consumer of prefetch 100 that acks each message, until it
 * has `n` (or, with n undefined, until `until` appears): bodies and offsets, in order.
 */
async function read(url: string, q: string, offset: unknown, n: number): Promise<{ bodies: string[]; offsets: unknown[] }> {
  const { conn, ch } = await channel(url);
  await ch.prefetch(100);
  const got: ConsumeMessage[] = [];
  await within(8000, `${n} messages from ${JSON.stringify(offset)}`, new Promise<void>((resolve) => {
    if (n === 0) resolve();
    void ch.consume(q, (m) => {
      if (!m) return;
      got.push(m);
      ch.ack(m);
      if (got.length === n) resolve();
    }, { noAck: false, arguments: offset === undefined ? {} : { 'x-stream-offset': offset } });
  }));
  await conn.close();
  return { bodies: got.map(body), offsets: got.map(offsetOf) };
}

const texts = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

forEachBroker('streams', (broker) => {
  after(closeAll);

  async function stream(args: Record<string, unknown> = {}): Promise<string> {
    const q = broker.name('stream');
    const { conn, ch } = await channel(broker.url);
    await ch.assertQueue(q, { durable: true, arguments: { ...STREAM, ...args } });
    await conn.close();
    return q;
  }

  async function remove(q: string): Promise<void> {
    const { conn, ch } = await channel(broker.url);
    await ch.deleteQueue(q);
    await conn.close();
  }

  async function declareRefused(options: { durable?: boolean; exclusive?: boolean; autoDelete?: boolean; arguments?: Record<string, unknown> },
    name = broker.name('refused')): Promise<{ code: number; message: string }> {
    const { ch } = await channel(broker.url);
    const closed = channelClosed(ch);
    await assert.rejects(ch.assertQueue(name, { durable: true, ...options, arguments: { ...STREAM, ...options.arguments } }));
    return closed;
  }

  test('a stream must be durable, not exclusive, not auto-delete, and named by the client: 406 with RabbitMQ\'s texts', async () => {
    const nonDurable = await declareRefused({ durable: false });
    assert.equal(nonDurable.code, 406);
    assert.match(nonDurable.message, /PRECONDITION_FAILED - invalid property 'non-durable' for queue '.*' in vhost '\/'/);
    assert.match((await declareRefused({ exclusive: true })).message, /invalid property 'exclusive-owner' for queue/);
    assert.match((await declareRefused({ autoDelete: true })).message, /invalid property 'auto-delete' for queue/);
    assert.match((await declareRefused({}, '')).message, /PRECONDITION_FAILED - Cannot declare a server-named queue for type rabbit_stream_queue/);
  });

  test('arguments of other queue types are refused on a stream; x-max-age and the segment size are checked', async () => {
    for (const [arg, value] of [['x-max-length', 10], ['x-message-ttl', 1000], ['x-dead-letter-exchange', 'dlx'],
      ['x-max-priority', 3], ['x-overflow', 'reject-publish'], ['x-expires', 1000], ['x-single-active-consumer', true],
      ['x-delivery-limit', 2]] as const) {
      const err = await declareRefused({ arguments: { [arg]: value } });
      assert.equal(err.code, 406, arg);
      assert.match(err.message, new RegExp(`invalid arg '${arg}' for queue '.*' in vhost '/' of queue type rabbit_stream_queue`));
    }
    assert.match((await declareRefused({ arguments: { 'x-max-age': '0s' } })).message, /invalid arg 'x-max-age' for queue .*: invalid_max_age/);
    assert.match((await declareRefused({ arguments: { 'x-max-age': '5d' } })).message, /invalid_max_age/);
    assert.match((await declareRefused({ arguments: { 'x-max-age': 10 } })).message, /invalid arg 'x-max-age' .*\{unacceptable_type,/);
    assert.match((await declareRefused({ arguments: { 'x-stream-max-segment-size-bytes': -5 } })).message, /\{value_negative,-5\}/);
    assert.match((await declareRefused({ arguments: { 'x-stream-max-segment-size-bytes': 4_000_000_000 } })).message,
      /PRECONDITION_FAILED - Exceeded max value for x-stream-max-segment-size-bytes/);
    const q = await stream({ 'x-max-age': '7D', 'x-max-length-bytes': 1_000_000, 'x-stream-max-segment-size-bytes': 100_000 });
    const redeclare = await declareRefused({ arguments: { 'x-max-age': '1h', 'x-max-length-bytes': 1_000_000,
      'x-stream-max-segment-size-bytes': 100_000 } }, q);
    assert.match(redeclare.message, /inequivalent arg 'x-max-age' for queue '.*' in vhost '\/': received '1h' but current is '7D'/);
    await remove(q);
  });

  test('a consumer needs a prefetch (406) and manual acks (540); x-stream-offset on a classic queue is refused (406)', async () => {
    const q = await stream();
    const { ch } = await channel(broker.url);
    const closed = channelClosed(ch);
    await assert.rejects(ch.consume(q, () => {}, { noAck: false }));
    assert.match((await closed).message, /406 \(PRECONDITION-FAILED\) with message "PRECONDITION_FAILED - consumer prefetch count is not set for 'queue '.*' in vhost '\/''"/);

    const conn = await connect(broker.url);
    const connClosed = connectionClosed(conn);
    const ch2 = await conn.createChannel();
    ch2.on('error', () => {});
    await ch2.prefetch(10);
    ch2.consume(q, () => {}, { noAck: true }).catch(() => {});
    const noAck = await connClosed;
    assert.equal(noAck.code, 540);
    assert.match(noAck.message, /NOT_IMPLEMENTED - automatic acknowledgement not supported by stream queues queue '.*' in vhost '\/'/);

    const { ch: ch3 } = await channel(broker.url);
    const classic = broker.name('classic');
    await ch3.assertQueue(classic, { durable: false, autoDelete: false });
    const closed3 = channelClosed(ch3);
    await assert.rejects(ch3.consume(classic, () => {}, { arguments: { 'x-stream-offset': 'first' } }));
    assert.match((await closed3).message, /invalid arg 'x-stream-offset' for queue '.*' in vhost '\/' of queue type rabbit_classic_queue/);
    const { ch: ch4 } = await channel(broker.url);
    await ch4.deleteQueue(classic);
    await remove(q);
  });

  test('basic.get, queue.purge and basic.nack on a stream close the connection with 540, as RabbitMQ', async () => {
    const q = await stream();
    await publishEach(broker.url, q, ['one']);
    const attempts: [string, (ch: Channel) => void, RegExp][] = [
      ['get', (ch) => { ch.get(q).catch(() => {}); }, /NOT_IMPLEMENTED - basic.get not supported by stream queues queue '.*' in vhost '\/'/],
      ['purge', (ch) => { ch.purgeQueue(q).catch(() => {}); }, /NOT_IMPLEMENTED - queue.purge not supported by stream queues queue '.*' in vhost '\/'/],
      ['nack', (ch) => {
        void ch.prefetch(1).then(() => ch.consume(q, (m) => { if (m) ch.nack(m, false, true); }, { arguments: { 'x-stream-offset': 'first' } }));
      }, /NOT_IMPLEMENTED - basic.nack and basic.reject not supported by stream queues queue '.*' in vhost '\/'/],
    ];
    for (const [what, attempt, text] of attempts) {
      const conn = await connect(broker.url);
      const closed = connectionClosed(conn);
      const ch = await conn.createChannel();
      ch.on('error', () => {});
      attempt(ch);
      const err = await closed;
      assert.equal(err.code, 540, what);
      assert.match(err.message, text, what);
    }
    await remove(q);
  });

  test('x-stream-offset first, last, a number, below the start, next; each delivery carries its offset', async () => {
    const q = await stream();
    await publishEach(broker.url, q, texts('m', 5));
    assert.deepEqual(await read(broker.url, q, 'first', 5), { bodies: texts('m', 5), offsets: [0, 1, 2, 3, 4] });
    assert.deepEqual(await read(broker.url, q, 'last', 1), { bodies: ['m4'], offsets: [4] });
    assert.deepEqual(await read(broker.url, q, 3, 2), { bodies: ['m3', 'm4'], offsets: [3, 4] });
    assert.deepEqual((await read(broker.url, q, -5, 5)).offsets, [0, 1, 2, 3, 4]);
    // Next (also the default): nothing now, the next message once published.
    for (const offset of ['next', undefined]) {
      const { conn, ch } = await channel(broker.url);
      await ch.prefetch(10);
      const got = new Promise<ConsumeMessage>((resolve) => {
        void ch.consume(q, (m) => { if (m) { ch.ack(m); resolve(m); } }, { arguments: offset === undefined ? {} : { 'x-stream-offset': offset } });
      });
      const marker = `after ${String(offset)}`;
      await publishEach(broker.url, q, [marker]);
      assert.equal(body(await within(5000, `the message after attaching at ${String(offset)}`, got)), marker, 'the first message it gets is the new one');
      await conn.close();
    }
    // An offset not written yet: the consumer, attached now, waits for it (offsets 0-6 are taken).
    const { conn, ch } = await channel(broker.url);
    await ch.prefetch(10);
    const first = new Promise<ConsumeMessage>((resolve) => {
      void ch.consume(q, (m) => { if (m) { ch.ack(m); resolve(m); } }, { arguments: { 'x-stream-offset': 9 } });
    });
    await ch.checkQueue(q); // a round trip: the consumer is attached
    await publishEach(broker.url, q, ['at 7', 'at 8', 'at 9']);
    const m = await within(8000, 'the message at offset 9', first);
    assert.deepEqual([body(m), offsetOf(m)], ['at 9', 9]);
    await conn.close();
    await remove(q);
  });

  test('a timestamp offset starts at the first message written at or after it', async () => {
    const q = await stream();
    await publishEach(broker.url, q, texts('before', 3));
    const second = Math.floor(Date.now() / 1000) + 1;
    await new Promise((r) => setTimeout(r, second * 1000 + 100 - Date.now()));
    await publishEach(broker.url, q, texts('after', 3));
    const { bodies } = await read(broker.url, q, { '!': 'timestamp', value: second }, 3);
    assert.deepEqual(bodies, texts('after', 3));
    const { bodies: all } = await read(broker.url, q, { '!': 'timestamp', value: second - 3600 }, 6);
    assert.deepEqual(all, [...texts('before', 3), ...texts('after', 3)]);
    await remove(q);
  });

  test('acking removes nothing: two consumers read every message independently, and a late reader replays them all', async () => {
    const q = await stream();
    const readers = [read(broker.url, q, 'first', 20), read(broker.url, q, 'first', 20)];
    await publishEach(broker.url, q, texts('e', 20));
    for (const r of await Promise.all(readers)) assert.deepEqual(r.bodies, texts('e', 20));
    const late = await read(broker.url, q, 'first', 20);
    assert.deepEqual(late.bodies, texts('e', 20), 'acked by two consumers, still there for a third');
    await remove(q);
  });

  test('a consumer with prefetch 2 that does not ack is given 2 messages, then more as it acks', async () => {
    const q = await stream();
    await publishEach(broker.url, q, texts('p', 6));
    const { conn, ch } = await channel(broker.url);
    await ch.prefetch(2);
    const held: ConsumeMessage[] = [];
    let notify: () => void = () => {};
    await ch.consume(q, (m) => { if (m) { held.push(m); notify(); } }, { arguments: { 'x-stream-offset': 'first' } });
    const count = (n: number) => within(5000, `${n} deliveries`, new Promise<void>((resolve) => {
      notify = () => { if (held.length >= n) resolve(); };
      notify();
    }));
    await count(2);
    // A round trip on the channel: anything more would have been sent before its answer.
    await ch.checkQueue(q);
    assert.equal(held.length, 2);
    ch.ack(held[1]!, true);
    await count(4);
    assert.deepEqual(held.map(body), texts('p', 4));
    await conn.close();
    await remove(q);
  });

  test('retention removes whole segments, oldest first: x-max-length-bytes with small segments', async () => {
    const small = await stream({ 'x-max-length-bytes': 1000, 'x-stream-max-segment-size-bytes': 500 });
    await publishEach(broker.url, small, texts('r', 60).map((t) => t.padEnd(50, '.')));
    const { conn, ch } = await channel(broker.url);
    await ch.prefetch(100);
    const offsets: number[] = [];
    const lastSeen = new Promise<void>((resolve) => {
      void ch.consume(small, (m) => {
        if (!m) return;
        offsets.push(Number(offsetOf(m)));
        ch.ack(m);
        if (body(m).startsWith('r59')) resolve();
      }, { arguments: { 'x-stream-offset': 'first' } });
    });
    await within(5000, 'the newest message', lastSeen);
    assert.ok(offsets[0]! > 0, `the oldest segments are gone (first offset ${offsets[0]})`);
    assert.ok(offsets.length < 60 && offsets.length > 0, `some are kept (${offsets.length})`);
    await conn.close();
    await remove(small);
    // With the default segment size (500 MB) nothing is removed: retention acts on whole segments.
    const big = await stream({ 'x-max-length-bytes': 1000 });
    await publishEach(broker.url, big, texts('b', 60).map((t) => t.padEnd(50, '.')));
    const all = await read(broker.url, big, 'first', 60);
    assert.equal(all.offsets[0], 0);
    await remove(big);
  });

  test('retention by x-max-age removes segments older than it once a new segment begins', async () => {
    const q = await stream({ 'x-max-age': '1s', 'x-stream-max-segment-size-bytes': 300 });
    await publishEach(broker.url, q, texts('old', 10).map((t) => t.padEnd(50, '.')));
    await new Promise((r) => setTimeout(r, 2000)); // the old messages must be older than the age limit
    await publishEach(broker.url, q, texts('new', 10).map((t) => t.padEnd(50, '.')));
    const { bodies } = await read(broker.url, q, 'first', 10);
    assert.ok(!bodies.includes('old0'.padEnd(50, '.')), 'the oldest segment is gone');
    assert.ok(bodies.every((b) => b.startsWith('old') || b.startsWith('new')));
    await remove(q);
  });

  test('the management API shows a stream as type stream with its messages', async (t) => {
    if (!broker.managementUrl) return t.skip('no management API');
    const q = await stream();
    await publishEach(broker.url, q, texts('x', 3));
    const auth = { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` };
    // RabbitMQ refreshes a stream's counts every few seconds.
    const info = await eventually('the stream\'s count', async () => {
      const res = await fetch(`${broker.managementUrl}/api/queues/%2F/${encodeURIComponent(q)}`, { headers: auth });
      return (await res.json()) as { type: string; messages?: number; messages_ready?: number; durable: boolean };
    }, (v) => v.messages === 3, 15_000);
    assert.deepEqual([info.type, info.messages, info.messages_ready, info.durable], ['stream', 3, 3, true]);
    const get = await fetch(`${broker.managementUrl}/api/queues/%2F/${encodeURIComponent(q)}/get`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1, ackmode: 'ack_requeue_true', encoding: 'auto' }) });
    const refused = (await get.json()) as { error: string; reason: string };
    assert.equal(get.status, 400);
    assert.match(refused.reason, /^540 .*basic.get not supported by stream queues queue '.*' in vhost '\/'/);
    await remove(q);
  });
});

describe('streams across kill -9 [sim only: needs a broker process to kill]', () => {
  const running: SimProcess[] = [];
  after(async () => {
    await closeAll();
    for (const p of running) await p.stop('SIGKILL');
  });

  test('every confirmed message of a stream is there after kill -9, at its offset; new ones continue after it', async () => {
    const dir = scratchDir();
    const first = await startSimProcess(dir);
    running.push(first);
    const conn = await connect(first.url);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue('events', { durable: true, arguments: STREAM });
    for (let i = 0; i < 300; i++) ch.sendToQueue('events', Buffer.from(`event ${i}`), { persistent: i % 2 === 0 });
    await ch.waitForConfirms();
    await first.stop('SIGKILL');

    const second = await startSimProcess(dir);
    running.push(second);
    await publishEach(second.url, 'events', ['event 300']);
    const { bodies, offsets } = await read(second.url, 'events', 'first', 301);
    assert.deepEqual(bodies, Array.from({ length: 301 }, (_, i) => `event ${i}`));
    assert.deepEqual(offsets, Array.from({ length: 301 }, (_, i) => i));
    const again = await read(second.url, 'events', 'first', 301);
    assert.equal(again.bodies.length, 301, 'read twice, still all there');
  });
});
