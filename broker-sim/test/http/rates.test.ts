/**
 * Rates sampled lazily, when a request asks: the ring's arithmetic on given times, then a live
 * broker-sim whose publish rate rises while messages flow and falls to zero when they stop.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RateBook, RateRing } from '../../src/http/rates.ts';
import { startBrokerSim, type BrokerSim } from '../../src/index.ts';
import { ManagementClient } from '../../../tools/shared/management-client.ts';
import { closeAll, connect, sleep } from '../conformance/support/amqp.ts';
import { settled } from './support.ts';

describe('rate ring', () => {
  test('the first look has no history: every rate is 0', () => {
    assert.deepEqual(new RateRing().observe(1000, { publish: 50, messages: 7 }), { publish: 0, messages: 0 });
  });

  test('a steady counter gives its rate per second over the last 5 s window', () => {
    const ring = new RateRing(5000);
    for (let s = 0; s <= 6; s++) ring.observe(s * 1000, { publish: s * 10 });
    assert.deepEqual(ring.observe(7000, { publish: 70 }), { publish: 10 });
  });

  test('after the counter stops, the rate falls, and is 0 once the window has passed', () => {
    const ring = new RateRing(5000);
    for (let s = 0; s <= 5; s++) ring.observe(s * 1000, { publish: s * 10 });
    const falling = ring.observe(7000, { publish: 50 }).publish!;
    assert.ok(falling > 0 && falling < 10, `falling rate ${falling}`);
    for (let s = 8; s <= 12; s++) ring.observe(s * 1000, { publish: 50 });
    assert.deepEqual(ring.observe(13_000, { publish: 50 }), { publish: 0 });
  });

  test('a draining gauge has a negative rate, as RabbitMQ shows messages_details', () => {
    const ring = new RateRing(5000);
    ring.observe(0, { messages: 100 });
    assert.deepEqual(ring.observe(2000, { messages: 60 }), { messages: -20 });
  });

  test('two looks a few ms apart make no spike: the interval is too short to measure', () => {
    const ring = new RateRing(5000, 250);
    ring.observe(0, { ack: 0 });
    assert.deepEqual(ring.observe(10, { ack: 5 }), { ack: 0 });
    assert.deepEqual(ring.observe(1000, { ack: 30 }), { ack: 30 });
  });

  test('after a long pause the rate is the average since the last look', () => {
    const ring = new RateRing(5000);
    ring.observe(0, { publish: 0 });
    assert.deepEqual(ring.observe(60_000, { publish: 600 }), { publish: 10 });
  });

  test('a rate book keeps one ring per object', () => {
    const book = new RateBook();
    const a = {};
    const b = {};
    book.observe(a, 0, { n: 0 });
    book.observe(b, 0, { n: 0 });
    assert.deepEqual([book.observe(a, 1000, { n: 5 }), book.observe(b, 1000, { n: 1 })], [{ n: 5 }, { n: 1 }]);
  });
});

describe('rates on a live broker-sim', () => {
  let sim: BrokerSim;
  before(async () => { sim = await startBrokerSim({ port: 0, httpPort: 0 }); });
  after(async () => {
    await closeAll();
    await sim.close();
  });

  test('publish_details.rate rises while messages flow and returns to 0 when they stop', async () => {
    const api = new ManagementClient({ url: sim.managementUrl! });
    const conn = await connect(sim.url);
    const ch = await conn.createChannel();
    await ch.assertQueue('flow');
    let flowing = true;
    const publisher = (async () => {
      while (flowing) {
        ch.sendToQueue('flow', Buffer.from('x'));
        await sleep(20);
      }
    })();
    try {
      // A dashboard polling every 250 ms sees the rate within a couple of seconds.
      const busy = await settled('a publish rate', () => api.getQueue('/', 'flow'), (q) => (q.message_stats?.publish_details?.rate ?? 0) > 5, 5000);
      assert.ok((busy.messages_details?.rate ?? 0) > 0, 'the queue is growing');
      const overview = await api.getOverview();
      assert.ok((overview.message_stats?.publish_details?.rate ?? 0) > 0, 'the overview adds it up');
    } finally {
      flowing = false;
      await publisher;
    }
    const idle = await settled('the rate back to 0', () => api.getQueue('/', 'flow'), (q) => q.message_stats?.publish_details?.rate === 0, 12_000);
    assert.equal(idle.messages_details?.rate, 0);
  });
});
