/**
 * The bench scenarios, each a function of a broker: the same amqplib client (TCP_NODELAY on), 256-byte
 * bodies, fresh queues per run. Throughput counts until the broker has the messages (a publish-only
 * run waits for the queue's count), not until the client has buffered them.
 */
import { randomBytes } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { cpuMs, dbMiB, rssMiB, startSim, type BrokerHandle } from './brokers.ts';
import { loginScenario } from './login.ts';

export interface Measure {
  name: string;
  value: number;
  unit: string;
  /** Text of the target, e.g. "≥ 1.5× RabbitMQ". */
  target?: string;
  minRatio?: number;
  maxRatio?: number;
  maxValue?: number;
}
export type ScenarioResult = Measure[];

export interface Scenario {
  id: string;
  title: string;
  run(broker: BrokerHandle, scale: number): Promise<ScenarioResult>;
}

const BODY = Buffer.alloc(256, 'q');
const KIB = Buffer.alloc(1024, 'k');
const THROUGHPUT = { target: '≥ 1.5× RabbitMQ', minRatio: 1.5 };

async function open(url: string): Promise<ChannelModel> {
  const c = await amqp.connect(url, { noDelay: true });
  c.on('error', () => {});
  return c;
}

const qname = (id: string) => `bench.${id}.${randomBytes(4).toString('hex')}`;
const n = (count: number, scale: number) => Math.max(1, Math.round(count * scale));

/** Publishes without outrunning the socket: waits for 'drain' when amqplib's buffer is full. */
async function publishAll(ch: Channel, queue: string, count: number, persistent: boolean, body = BODY): Promise<void> {
  for (let i = 0; i < count; i++) {
    if (!ch.sendToQueue(queue, body, { persistent })) await new Promise((r) => ch.once('drain', r));
  }
}

/** Consumes `count` messages from queue with manual acks and this prefetch; resolves with the ms it took. */
async function drain(url: string, queue: string, count: number, prefetch: number): Promise<number> {
  const c = await open(url);
  const ch = await c.createChannel();
  await ch.prefetch(prefetch);
  let done = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    void ch.consume(queue, (m) => {
      if (!m) return;
      ch.ack(m);
      if (++done === count) resolve();
    });
  });
  const ms = performance.now() - start;
  await c.close();
  return ms;
}

async function untilCount(ch: Channel, queue: string, count: number): Promise<void> {
  for (;;) {
    if ((await ch.checkQueue(queue)).messageCount >= count) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const rate = (count: number, ms: number): Measure => ({ name: 'throughput', value: (count * 1000) / ms, unit: 'msg/s', ...THROUGHPUT });

/** One producer and `consumers` consumers with manual acks; returns msg/s and each consumer's share. */
async function produceConsume(broker: BrokerHandle, count: number, prefetch: number, consumers: number): Promise<{ ms: number; shares: number[] }> {
  const queue = qname('pc');
  const pc = await open(broker.url);
  const pch = await pc.createChannel();
  await pch.assertQueue(queue, { durable: true });
  const conns: ChannelModel[] = [];
  const shares = new Array<number>(consumers).fill(0);
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((r) => { finish = r; });
  for (let i = 0; i < consumers; i++) {
    const c = await open(broker.url);
    conns.push(c);
    const ch = await c.createChannel();
    await ch.prefetch(prefetch);
    await ch.consume(queue, (m) => {
      if (!m) return;
      ch.ack(m);
      shares[i]!++;
      if (++done === count) finish();
    });
  }
  const start = performance.now();
  await publishAll(pch, queue, count, true);
  await finished;
  const ms = performance.now() - start;
  await pch.deleteQueue(queue);
  await Promise.all([pc, ...conns].map((c) => c.close()));
  return { ms, shares };
}

export const scenarios: Scenario[] = [
  {
    id: 'idle',
    title: 'idle, 10 consumers attached, 20 s',
    async run(broker, scale) {
      if (broker.pid === undefined) return [{ name: 'CPU', value: NaN, unit: '%' }, { name: 'RSS', value: NaN, unit: 'MiB' }];
      const c = await open(broker.url);
      const queue = qname('idle');
      const ch = await c.createChannel();
      await ch.assertQueue(queue, { durable: false });
      for (let i = 0; i < 10; i++) {
        const cch = await c.createChannel();
        await cch.consume(queue, () => {});
      }
      // Idle means settled: V8 runs one memory-reducing collection about 8 s after activity stops
      // (a one-off ~40 ms, not polling); the window starts after it.
      await new Promise((r) => setTimeout(r, 10_000));
      const seconds = Math.max(2, 20 * Math.min(1, scale));
      const cpu0 = cpuMs(broker.pid);
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, seconds * 1000));
      const cpu = ((cpuMs(broker.pid) - cpu0) / (performance.now() - t0)) * 100;
      const rss = rssMiB(broker.pid);
      await ch.deleteQueue(queue);
      await c.close();
      const isSim = broker.name === 'broker-sim';
      return [
        { name: 'CPU', value: cpu, unit: '%', ...(isSim ? { target: '< 0.1%', maxValue: 0.1 } : {}) },
        { name: 'RSS', value: rss, unit: 'MiB', target: '≤ ⅓ RabbitMQ', maxRatio: 1 / 3 },
      ];
    },
  },
  {
    id: 'startup',
    title: 'startup to first accepted connection',
    async run(broker) {
      if (broker.name !== 'broker-sim') return [{ name: 'time', value: NaN, unit: 'ms' }];
      const fresh = await startSim();
      const t0 = performance.now();
      const c = await open(fresh.url);
      const connectMs = performance.now() - t0;
      await c.close();
      await fresh.close();
      return [{ name: 'time', value: fresh.startupMs + connectMs, unit: 'ms', target: '< 500 ms', maxValue: 500 }];
    },
  },
  {
    id: 'publish',
    title: 'publish, transient, no confirms (100k)',
    async run(broker, scale) {
      const count = n(100_000, scale);
      const c = await open(broker.url);
      const ch = await c.createChannel();
      const queue = qname('publish');
      await ch.assertQueue(queue, { durable: false });
      const start = performance.now();
      await publishAll(ch, queue, count, false);
      await untilCount(ch, queue, count);
      const ms = performance.now() - start;
      await ch.deleteQueue(queue);
      await c.close();
      return [rate(count, ms)];
    },
  },
  {
    id: 'confirms',
    title: 'publish, persistent, confirms, durable queue (50k)',
    async run(broker, scale) {
      const count = n(50_000, scale);
      const c = await open(broker.url);
      const ch = await c.createConfirmChannel();
      const queue = qname('confirms');
      await ch.assertQueue(queue, { durable: true });
      const start = performance.now();
      await publishAll(ch, queue, count, true);
      await ch.waitForConfirms();
      const ms = performance.now() - start;
      await ch.deleteQueue(queue);
      await c.close();
      return [rate(count, ms)];
    },
  },
  {
    id: 'prefetch1',
    title: 'producer + consumer, persistent, manual ack, prefetch 1 (10k)',
    async run(broker, scale) {
      const count = n(10_000, scale);
      const { ms } = await produceConsume(broker, count, 1, 1);
      return [rate(count, ms)];
    },
  },
  {
    id: 'prefetch50',
    title: 'producer + consumer, persistent, manual ack, prefetch 50 (50k)',
    async run(broker, scale) {
      const count = n(50_000, scale);
      const { ms } = await produceConsume(broker, count, 50, 1);
      return [rate(count, ms)];
    },
  },
  {
    id: 'latency',
    title: 'publish → deliver → ack, one at a time (2,000)',
    async run(broker, scale) {
      const count = n(2_000, scale);
      const cc = await open(broker.url);
      const pc = await open(broker.url);
      const cch = await cc.createChannel();
      const pch = await pc.createChannel();
      const queue = qname('latency');
      await cch.assertQueue(queue, { durable: false });
      const samples: number[] = [];
      let sentAt = 0;
      let next!: () => void;
      await cch.consume(queue, (m) => {
        if (!m) return;
        samples.push(performance.now() - sentAt);
        cch.ack(m);
        next();
      });
      for (let i = 0; i < count; i++) {
        const delivered = new Promise<void>((r) => { next = r; });
        sentAt = performance.now();
        pch.sendToQueue(queue, BODY);
        await delivered;
      }
      samples.sort((a, b) => a - b);
      const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]! * 1000;
      await cch.deleteQueue(queue);
      await Promise.all([cc.close(), pc.close()]);
      return [
        { name: 'p50', value: at(0.5), unit: 'µs', target: '≤ 0.5× RabbitMQ', maxRatio: 0.5 },
        { name: 'p99', value: at(0.99), unit: 'µs', target: '≤ 1× RabbitMQ', maxRatio: 1 },
      ];
    },
  },
  {
    id: 'fanout4',
    title: '4 consumers, prefetch 10 (50k)',
    async run(broker, scale) {
      const count = n(50_000, scale);
      const { ms, shares } = await produceConsume(broker, count, 10, 4);
      const mean = count / 4;
      const spread = ((Math.max(...shares) - Math.min(...shares)) / mean) * 100;
      return [rate(count, ms), { name: 'share spread', value: spread, unit: '%', target: '≤ 2%', maxValue: 2 }];
    },
  },
  {
    id: 'million',
    title: '1,000,000 persistent messages through and acked',
    async run(broker, scale) {
      const count = n(1_000_000, scale);
      const before = broker.pid ? rssMiB(broker.pid) : NaN;
      const dbBefore = broker.dbPath ? dbMiB(broker.dbPath) : NaN;
      const { ms } = await produceConsume(broker, count, 200, 1);
      await new Promise((r) => setTimeout(r, 2000));
      const after = broker.pid ? rssMiB(broker.pid) : NaN;
      const dbAfter = broker.dbPath ? dbMiB(broker.dbPath) : NaN;
      return [
        rate(count, ms),
        { name: 'RSS growth', value: after - before, unit: 'MiB', target: '≈ 0 (≤ 50 MiB)', maxValue: 50 },
        { name: 'database growth', value: dbAfter - dbBefore, unit: 'MiB', target: '≈ 0 (≤ 50 MiB)', maxValue: 50 },
      ];
    },
  },
  {
    id: 'backlog1m',
    title: 'backlog: 1,000,000 persistent 1 KiB messages, confirmed, no consumer; then drained (prefetch 50, manual ack)',
    async run(broker, scale) {
      const count = n(1_000_000, scale);
      const queue = qname('backlog');
      const c = await open(broker.url);
      const ch = await c.createConfirmChannel();
      await ch.assertQueue(queue, { durable: true });
      const t0 = performance.now();
      // In confirmed batches, so neither side holds a million unconfirmed publishes.
      for (let sent = 0; sent < count; sent += 10_000) {
        await publishAll(ch, queue, Math.min(10_000, count - sent), true, KIB);
        await ch.waitForConfirms();
      }
      const publishMs = performance.now() - t0;
      await c.close();
      // RSS once the broker has settled (V8's memory-reducing collection comes ~8 s after a burst).
      await new Promise((r) => setTimeout(r, 10_000));
      const rss = broker.pid ? rssMiB(broker.pid) : NaN;
      let restartMs = NaN;
      let restartRss = NaN;
      if (broker.restart) {
        restartMs = (await broker.restart()).startupMs;
        restartRss = rssMiB(broker.pid!);
      }
      const drainMs = await drain(broker.url, queue, count, 50);
      const cleanup = await open(broker.url);
      await (await cleanup.createChannel()).deleteQueue(queue);
      await cleanup.close();
      return [
        { name: 'publish (confirmed)', value: (count * 1000) / publishMs, unit: 'msg/s' },
        { name: 'RSS with the backlog', value: rss, unit: 'MiB', target: '≤ 150 MiB', maxValue: 150 },
        { name: 'restart with the backlog', value: restartMs, unit: 'ms' },
        { name: 'RSS after the restart', value: restartRss, unit: 'MiB', target: '≤ 150 MiB', maxValue: 150 },
        { name: 'drain', value: (count * 1000) / drainMs, unit: 'msg/s' },
      ];
    },
  },
  loginScenario,
];
