/**
 * What every scenario measures with: the same amqplib client (TCP_NODELAY on), fresh queue names per
 * run, publishing that waits for the socket, and throughput with the broker's CPU per message.
 */
import { randomBytes } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { cpuMs, rssMiB, type BrokerHandle } from './brokers.ts';

export interface Measure {
  name: string;
  value: number;
  unit: string;
  /** Lowest and highest of the runs, when there were several. */
  min?: number;
  max?: number;
  /** Text of the target, e.g. "≥ 2× RabbitMQ". */
  target?: string;
  minRatio?: number;
  maxRatio?: number;
  maxValue?: number;
}
export type ScenarioResult = Measure[];

export interface Scenario {
  id: string;
  title: string;
  /** At most this many runs whatever --runs says (the long growth runs). */
  maxRuns?: number;
  run(broker: BrokerHandle, scale: number): Promise<ScenarioResult>;
}

export const BODY = Buffer.alloc(256, 'q');
export const KIB = Buffer.alloc(1024, 'k');
export const THROUGHPUT = { target: '≥ 2× RabbitMQ', minRatio: 2 };

export async function open(url: string): Promise<ChannelModel> {
  const c = await amqp.connect(url, { noDelay: true });
  c.on('error', () => {});
  return c;
}

export const qname = (id: string): string => `bench.${id}.${randomBytes(4).toString('hex')}`;
export const n = (count: number, scale: number): number => Math.max(1, Math.round(count * scale));
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Publishes without outrunning the socket: waits for 'drain' when amqplib's buffer is full. */
export async function publishAll(ch: Channel, queue: string, count: number, persistent: boolean, body: Buffer = BODY): Promise<void> {
  for (let i = 0; i < count; i++) {
    if (!ch.sendToQueue(queue, body, { persistent })) await new Promise((r) => ch.once('drain', r));
  }
}

/** Publishes `count` persistent messages with confirms, 10,000 at a time, so neither side holds them all unconfirmed. */
export async function publishConfirmed(url: string, queue: string, count: number, body: Buffer): Promise<void> {
  const c = await open(url);
  const ch = await c.createConfirmChannel();
  await ch.assertQueue(queue, { durable: true });
  for (let sent = 0; sent < count; sent += 10_000) {
    await publishAll(ch, queue, Math.min(10_000, count - sent), true, body);
    await ch.waitForConfirms();
  }
  await c.close();
}

/** Consumes `count` messages from queue with manual acks and this prefetch. */
export async function drain(url: string, queue: string, count: number, prefetch: number): Promise<void> {
  const c = await open(url);
  const ch = await c.createChannel();
  await ch.prefetch(prefetch);
  let done = 0;
  await new Promise<void>((resolve) => {
    void ch.consume(queue, (m) => {
      if (!m) return;
      ch.ack(m);
      if (++done === count) resolve();
    });
  });
  await c.close();
}

export async function untilCount(ch: Channel, queue: string, count: number): Promise<void> {
  for (;;) {
    if ((await ch.checkQueue(queue)).messageCount >= count) return;
    await sleep(10);
  }
}

export async function deleteQueues(url: string, ...queues: string[]): Promise<void> {
  const c = await open(url);
  const ch = await c.createChannel();
  for (const q of queues) await ch.deleteQueue(q);
  await c.close();
}

/** Runs `work` for `count` messages: throughput, and the broker's CPU per message (µs) when its pid is known. */
export async function timed(broker: BrokerHandle, count: number, work: () => Promise<void>, name = 'throughput'): Promise<Measure[]> {
  const cpu0 = broker.pid ? cpuMs(broker.pid) : NaN;
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  const cpu = broker.pid ? cpuMs(broker.pid) - cpu0 : NaN;
  return [
    { name, value: (count * 1000) / ms, unit: 'msg/s', ...THROUGHPUT },
    { name: `${name === 'throughput' ? '' : `${name}, `}CPU per message`, value: (cpu * 1000) / count, unit: 'µs', target: '≤ 1× RabbitMQ', maxRatio: 1 },
  ];
}

/** RSS once the broker has settled: V8 runs one memory-reducing collection ~8 s after a burst. */
export async function settledRss(broker: BrokerHandle, settleMs = 10_000): Promise<number> {
  await sleep(settleMs);
  return broker.pid ? rssMiB(broker.pid) : NaN;
}

/** One producer and `consumers` consumers with manual acks; resolves when all are acked, with each consumer's share. */
export async function produceConsume(broker: BrokerHandle, count: number, prefetch: number, consumers: number): Promise<{ measures: Measure[]; shares: number[] }> {
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
  const measures = await timed(broker, count, async () => {
    await publishAll(pch, queue, count, true);
    await finished;
  });
  await pch.deleteQueue(queue);
  await Promise.all([pc, ...conns].map((c) => c.close()));
  return { measures, shares };
}

