/**
 * How cost grows with the work, on both brokers: a backlog of 10k → 1M persistent 1 KiB messages,
 * idle connections 1 → 1,000, 10,000 queues, a topic exchange with 10,000 bindings, 1 → 50 consumers
 * on one queue. Each row is one size; bench/plot.ts draws them.
 */
import type { ChannelModel } from 'amqplib';
import { rssMiB, type BrokerHandle } from './brokers.ts';
import {
  BODY, deleteQueues, drain, KIB, n, open, produceConsume, publishConfirmed, qname, settledRss, sleep, timed, untilCount,
  type Measure, type Scenario,
} from './measure.ts';

export const BACKLOG_SIZES = [10_000, 100_000, 1_000_000];
export const CONNECTION_COUNTS = [1, 100, 1_000];
export const CONSUMER_COUNTS = [1, 5, 10, 50];

/** A growth row's measure name carries its size, e.g. "RSS @ 100,000", so the plot can read it back. */
export const at = (name: string, size: number): string => `${name} @ ${size.toLocaleString('en-US')}`;

async function backlog(broker: BrokerHandle, size: number, restart: boolean): Promise<Measure[]> {
  const queue = qname('backlog');
  const [publish] = await timed(broker, size, () => publishConfirmed(broker.url, queue, size, KIB), 'publish');
  const rss = await settledRss(broker);
  const out: Measure[] = [
    { ...publish!, name: at('publish (confirmed)', size), target: undefined, minRatio: undefined },
    { name: at('RSS with the backlog', size), value: rss, unit: 'MiB', ...(size >= 1_000_000 ? { target: '≤ 150 MiB', maxValue: 150 } : {}) },
  ];
  if (restart && broker.restart) {
    const { startupMs } = await broker.restart();
    out.push({ name: at('restart with the backlog', size), value: startupMs, unit: 'ms' });
    out.push({ name: at('RSS after the restart', size), value: broker.pid ? rssMiB(broker.pid) : NaN, unit: 'MiB', target: '≤ 150 MiB', maxValue: 150 });
  }
  const [drained] = await timed(broker, size, () => drain(broker.url, queue, size, 50), 'drain');
  out.push({ ...drained!, name: at('drain', size), target: '≥ 1× RabbitMQ', minRatio: 1 });
  await deleteQueues(broker.url, queue);
  return out;
}

async function idleConnections(broker: BrokerHandle, count: number): Promise<Measure[]> {
  const base = await settledRss(broker, 3000);
  const conns: ChannelModel[] = [];
  for (let i = 0; i < count; i += 50) {
    conns.push(...await Promise.all(Array.from({ length: Math.min(50, count - i) }, async () => {
      const c = await open(broker.url);
      await c.createChannel();
      return c;
    })));
  }
  const rss = await settledRss(broker);
  await Promise.all(conns.map((c) => c.close()));
  return [{ name: at('RSS per idle connection', count), value: ((rss - base) * 1024) / count, unit: 'KiB', target: '≤ 1× RabbitMQ', maxRatio: 1 }];
}

export const growthScenarios: Scenario[] = [
  {
    id: 'backlog',
    title: 'backlog of persistent 1 KiB messages, confirmed, no consumer; then drained (prefetch 50)',
    maxRuns: 1,
    async run(broker, scale) {
      const out: Measure[] = [];
      for (const size of BACKLOG_SIZES) out.push(...await backlog(broker, n(size, scale), size === BACKLOG_SIZES.at(-1)));
      return out;
    },
  },
  {
    id: 'connections',
    title: 'idle connections, one channel each',
    maxRuns: 1,
    async run(broker, scale) {
      const out: Measure[] = [];
      for (const count of CONNECTION_COUNTS) out.push(...await idleConnections(broker, n(count, scale)));
      return out;
    },
  },
  {
    id: 'queues10k',
    title: 'declare 10,000 queues (durable), 100 in flight',
    async run(broker, scale) {
      const count = n(10_000, scale);
      const base = await settledRss(broker, 3000);
      const c = await open(broker.url);
      const ch = await c.createChannel();
      const names = Array.from({ length: count }, () => qname('many'));
      const t0 = performance.now();
      for (let i = 0; i < count; i += 100) await Promise.all(names.slice(i, i + 100).map((q) => ch.assertQueue(q, { durable: true })));
      const ms = performance.now() - t0;
      const rss = await settledRss(broker);
      for (let i = 0; i < count; i += 100) await Promise.all(names.slice(i, i + 100).map((q) => ch.deleteQueue(q)));
      await c.close();
      return [
        { name: 'declare rate', value: (count * 1000) / ms, unit: 'queues/s', target: '≥ 1× RabbitMQ', minRatio: 1 },
        { name: 'RSS per queue', value: ((rss - base) * 1024) / count, unit: 'KiB', target: '≤ 1× RabbitMQ', maxRatio: 1 },
      ];
    },
  },
  {
    id: 'topic10k',
    title: 'topic exchange with 10,000 bindings, transient publishes routed to one queue (50k)',
    async run(broker, scale) {
      const bindings = n(10_000, scale);
      const count = n(50_000, scale);
      const c = await open(broker.url);
      const ch = await c.createChannel();
      const exchange = qname('topic');
      const queue = qname('routed');
      await ch.assertExchange(exchange, 'topic', { durable: false, autoDelete: false });
      await ch.assertQueue(queue, { durable: false });
      for (let i = 0; i < bindings; i += 100) {
        await Promise.all(Array.from({ length: Math.min(100, bindings - i) }, (_, j) => ch.bindQueue(queue, exchange, `sensor.${i + j}.*`)));
      }
      const measures = await timed(broker, count, async () => {
        for (let i = 0; i < count; i++) {
          if (!ch.publish(exchange, `sensor.${i % bindings}.reading`, BODY)) await new Promise((r) => ch.once('drain', r));
        }
        await untilCount(ch, queue, count);
      });
      await ch.deleteQueue(queue);
      await ch.deleteExchange(exchange);
      await c.close();
      return measures;
    },
  },
  {
    id: 'consumers',
    title: 'consumers on one queue, prefetch 10, persistent, manual ack (20k each)',
    maxRuns: 1,
    async run(broker, scale) {
      const out: Measure[] = [];
      for (const k of CONSUMER_COUNTS) {
        const { measures } = await produceConsume(broker, n(20_000, scale), 10, k);
        out.push({ ...measures[0]!, name: at('throughput', k) });
        await sleep(500);
      }
      return out;
    },
  },
];
