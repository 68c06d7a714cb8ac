/**
 * The bench's rows: each a function of a broker, run the same way on broker-sim and RabbitMQ (256-byte
 * bodies, fresh queues per run). Throughput counts until the broker has the messages (a publish-only
 * run waits for the queue's count), not until the client has buffered them.
 */
import { spawn } from 'node:child_process';
import type { Channel } from 'amqplib';
import { cpuMs, rssMiB, type BrokerHandle } from './brokers.ts';
import { growthScenarios } from './growth.ts';
import {
  BODY, n, open, produceConsume, publishAll, qname, sleep, timed, untilCount, type Scenario,
} from './measure.ts';
import { SIM_NODE_FLAGS } from '../tools/shared/brokers/index.ts';
import { loginScenario } from './login.ts';

export type { Measure, Scenario, ScenarioResult } from './measure.ts';

/** RSS of an empty Node.js process with broker-sim's flags: the floor under broker-sim's own. */
async function emptyNodeRss(): Promise<number> {
  const child = spawn(process.execPath, [...SIM_NODE_FLAGS, '-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  await sleep(1500);
  const rss = rssMiB(child.pid!);
  child.kill();
  return rss;
}

async function withQueue<T>(broker: BrokerHandle, durable: boolean, work: (ch: Channel, queue: string) => Promise<T>): Promise<T> {
  const c = await open(broker.url);
  const ch = await c.createChannel();
  const queue = qname('q');
  await ch.assertQueue(queue, { durable });
  try { return await work(ch, queue); } finally {
    await ch.deleteQueue(queue);
    await c.close();
  }
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
      for (let i = 0; i < 10; i++) await (await c.createChannel()).consume(queue, () => {});
      await sleep(10_000); // past V8's one-off memory-reducing collection, which is not idle work
      const seconds = Math.max(2, 20 * Math.min(1, scale));
      const cpu0 = cpuMs(broker.pid);
      const t0 = performance.now();
      await sleep(seconds * 1000);
      const cpu = ((cpuMs(broker.pid) - cpu0) / (performance.now() - t0)) * 100;
      const rss = rssMiB(broker.pid);
      await ch.deleteQueue(queue);
      await c.close();
      const isSim = broker.name === 'broker-sim';
      return [
        { name: 'CPU', value: cpu, unit: '%', ...(isSim ? { target: '< 0.1%', maxValue: 0.1 } : {}) },
        { name: 'RSS', value: rss, unit: 'MiB', ...(isSim ? { target: '≤ 50 MiB', maxValue: 50 } : {}) },
        { name: 'RSS of an empty Node.js', value: isSim ? await emptyNodeRss() : NaN, unit: 'MiB' },
      ];
    },
  },
  {
    id: 'startup',
    title: 'startup to first accepted AMQP connection',
    async run(broker) {
      if (!broker.fresh) return [{ name: 'time', value: NaN, unit: 'ms' }];
      const fresh = await broker.fresh();
      const t0 = performance.now();
      const c = await open(fresh.url);
      const connectMs = performance.now() - t0;
      await c.close();
      await fresh.close();
      return [{ name: 'time', value: fresh.startupMs + connectMs, unit: 'ms', ...(broker.name === 'broker-sim' ? { target: '≤ 300 ms', maxValue: 300 } : {}) }];
    },
  },
  {
    id: 'publish',
    title: 'publish, transient, no confirms (100k)',
    run: (broker, scale) => withQueue(broker, false, (ch, queue) => {
      const count = n(100_000, scale);
      return timed(broker, count, async () => { await publishAll(ch, queue, count, false); await untilCount(ch, queue, count); });
    }),
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
      const measures = await timed(broker, count, async () => { await publishAll(ch, queue, count, true); await ch.waitForConfirms(); });
      await ch.deleteQueue(queue);
      await c.close();
      return measures;
    },
  },
  {
    id: 'prefetch1',
    title: 'producer + consumer, persistent, manual ack, prefetch 1 (10k)',
    run: async (broker, scale) => (await produceConsume(broker, n(10_000, scale), 1, 1)).measures,
  },
  {
    id: 'prefetch50',
    title: 'producer + consumer, persistent, manual ack, prefetch 50 (50k)',
    run: async (broker, scale) => (await produceConsume(broker, n(50_000, scale), 50, 1)).measures,
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
        { name: 'p99', value: at(0.99), unit: 'µs', target: '≤ 0.75× RabbitMQ', maxRatio: 0.75 },
      ];
    },
  },
  {
    id: 'fanout4',
    title: '4 consumers, prefetch 10 (50k)',
    async run(broker, scale) {
      const count = n(50_000, scale);
      const { measures, shares } = await produceConsume(broker, count, 10, 4);
      const spread = ((Math.max(...shares) - Math.min(...shares)) / (count / 4)) * 100;
      return [...measures, { name: 'share spread', value: spread, unit: '%', target: '≤ 2%', maxValue: 2 }];
    },
  },
  {
    id: 'million',
    title: '1,000,000 persistent messages through and acked',
    async run(broker, scale) {
      const before = broker.pid ? rssMiB(broker.pid) : NaN;
      const dataBefore = broker.dataMiB?.() ?? NaN;
      const { measures } = await produceConsume(broker, n(1_000_000, scale), 200, 1);
      await sleep(2000);
      const after = broker.pid ? rssMiB(broker.pid) : NaN;
      const dataAfter = broker.dataMiB?.() ?? NaN;
      return [
        ...measures,
        { name: 'RSS growth', value: after - before, unit: 'MiB', target: '≈ 0 (≤ 50 MiB)', maxValue: 50 },
        { name: 'data on disk growth', value: dataAfter - dataBefore, unit: 'MiB', target: '≈ 0 (≤ 50 MiB)', maxValue: 50 },
      ];
    },
  },
  ...growthScenarios,
  loginScenario,
];
