/** A grader is a list of steps; the first that fails says which step and what was expected. */
import type { Channel, ChannelModel } from 'amqplib';

export class StepFailure extends Error {
  override name = 'StepFailure';
}

export interface GradeContext {
  /** Folder of the lab being graded (labs/NN-name in a student's copy, or solutions/NN-name). */
  labDir: string;
  /** Broker URL the programs get as AMQP_URL. */
  url: string;
  broker: 'sim' | 'rabbitmq';
  /** A queue name no other grading run uses. */
  name(prefix: string): string;
  /** An open connection for the grader's own checks. */
  connection: ChannelModel;
  /** Starts a student's program of this lab by its base name (`send`), in the language being graded. */
  run(program: string, args?: string[], env?: Record<string, string>): import('./program.ts').Program;
}

export interface Step {
  name: string;
  /** Only on these brokers (e.g. a broker restart needs broker-sim); skipped elsewhere with the reason. */
  only?: { broker: 'sim'; reason: string };
  /** Why the step cannot run here (e.g. no RabbitMQ cluster can be started): it is skipped with that reason. */
  unavailable?(broker: 'sim' | 'rabbitmq'): string | undefined;
  run(ctx: GradeContext): Promise<void>;
}

export interface StepResult { step: string; status: 'passed' | 'failed' | 'skipped' | 'not run'; detail?: string }

/** A channel for checks; a broker error on it fails the step instead of crashing the grader. */
export async function checkChannel(ctx: GradeContext): Promise<Channel> {
  const ch = await ctx.connection.createChannel();
  ch.on('error', () => {});
  return ch;
}

/** Ready messages in a queue, or a step failure if the queue does not exist. */
export async function readyCount(ctx: GradeContext, queue: string, expected: string): Promise<number> {
  const ch = await checkChannel(ctx);
  try {
    return (await ch.checkQueue(queue)).messageCount;
  } catch {
    throw new StepFailure(`${expected}, but there is no queue '${queue}' (was it declared?)`);
  } finally {
    await ch.close().catch(() => {});
  }
}

/** Polls until ok(value); undefined after ms. Deadlines are generous: a loaded machine starts programs slowly. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20000): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until `n` consumers are attached to the queue, or fails the step saying so. */
export async function awaitConsumers(ctx: GradeContext, queue: string, n: number, program: string): Promise<void> {
  if (await until(() => consumers(ctx, queue), (c) => c >= n)) return;
  throw new StepFailure(`expected ${n} ${program} process(es) to consume from the queue; ${await consumers(ctx, queue)} did`);
}

export async function consumers(ctx: GradeContext, queue: string): Promise<number> {
  const ch = await checkChannel(ctx);
  try { return (await ch.checkQueue(queue)).consumerCount; } catch { return 0; } finally { await ch.close().catch(() => {}); }
}

export async function publish(ctx: GradeContext, queue: string, bodies: string[]): Promise<void> {
  const ch = await checkChannel(ctx);
  await ch.assertQueue(queue, { durable: false });
  for (const b of bodies) ch.sendToQueue(queue, Buffer.from(b));
  await ch.close();
}

/** Publishes to a queue the program declared itself (with its own arguments), without declaring it. */
export async function sendTo(ctx: GradeContext, queue: string, bodies: string[], options: { persistent?: boolean } = {}): Promise<void> {
  const ch = await ctx.connection.createConfirmChannel();
  ch.on('error', () => {});
  for (const b of bodies) ch.sendToQueue(queue, Buffer.from(b), options);
  await ch.waitForConfirms();
  await ch.close();
}

/** Takes every ready message of a queue (no-ack), in order; [] if the queue does not exist. */
export async function takeAll(ctx: GradeContext, queue: string): Promise<import('amqplib').GetMessage[]> {
  const ch = await checkChannel(ctx);
  const out: import('amqplib').GetMessage[] = [];
  try {
    for (let m = await ch.get(queue, { noAck: true }); m; m = await ch.get(queue, { noAck: true })) out.push(m);
  } catch { /* no such queue */ } finally {
    await ch.close().catch(() => {});
  }
  return out;
}

/** Deletes queues a step declared (durable ones would otherwise stay on a shared RabbitMQ). */
export async function deleteQueues(ctx: GradeContext, queues: string[]): Promise<void> {
  for (const q of queues) {
    const ch = await checkChannel(ctx);
    await ch.deleteQueue(q).catch(() => {});
    await ch.close().catch(() => {});
  }
}

/** How many times a line matching `pattern` appears in a program's output. */
export function count(output: string, pattern: RegExp): number {
  return [...output.matchAll(new RegExp(pattern.source, 'g'))].length;
}
