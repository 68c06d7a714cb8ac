/**
 * Lab 12 grader: success is acked; a task that cannot succeed is dead-lettered at once, as rejected;
 * a flaky one is retried later through the delay queue and then done; a poison one is tried
 * 1 + MAX_RETRIES times and dead-lettered. The same on RabbitMQ and broker-sim.
 */
import { awaitConsumers, count, readyCount, sendTo, StepFailure, takeAll, until, type Step, type GradeContext } from '../step.ts';

const ENV = { DELAY_MS: '1', MAX_RETRIES: '3', RETRY_DELAY_MS: '100' };

async function withWorker(ctx: GradeContext, prefix: string, body: (queue: string, out: () => string) => Promise<void>): Promise<void> {
  const queue = ctx.name(prefix);
  const w = ctx.run('worker', [], { QUEUE: queue, ...ENV });
  try {
    await awaitConsumers(ctx, queue, 1, 'worker.ts');
    await body(queue, () => w.output);
  } finally {
    w.kill('SIGKILL');
    await w.exited;
  }
}

async function deadCount(ctx: GradeContext, queue: string, n: number, ms: number): Promise<number | undefined> {
  return until(() => readyCount(ctx, `${queue}.dead`, `expected a dead-letter queue ${queue}.dead`), (c) => c >= n, ms);
}

export const steps: Step[] = [
  {
    name: 'a task that cannot succeed is dead-lettered at once, as rejected; a good one is done',
    async run(ctx) {
      await withWorker(ctx, 'drop', async (queue, out) => {
        await sendTo(ctx, queue, ['ok.', 'bad.']);
        if (await deadCount(ctx, queue, 1, 5000) === undefined) {
          throw new StepFailure(`expected "bad." in ${queue}.dead within 5 s; it was not dead-lettered (tried ${count(out(), /Received bad\./)} times)`);
        }
        const [dead] = await takeAll(ctx, `${queue}.dead`);
        const death = (dead?.properties.headers?.['x-death'] as unknown as { reason: string }[] | undefined)?.[0];
        if (dead?.content.toString() !== 'bad.' || death?.reason !== 'rejected') {
          throw new StepFailure(`expected "bad." dead-lettered with x-death reason "rejected"; got ${dead?.content.toString()} (${death?.reason})`);
        }
        if (count(out(), /Received bad\./) !== 1) throw new StepFailure(`expected "bad." to be tried once; it was tried ${count(out(), /Received bad\./)} times`);
        if (count(out(), /Done ok\./) !== 1) throw new StepFailure('expected "ok." to be done once');
      });
    },
  },
  {
    name: 'a flaky task is retried later through the delay queue, then done',
    async run(ctx) {
      await withWorker(ctx, 'retry', async (queue, out) => {
        await sendTo(ctx, queue, ['flaky:2']);
        const done = await until(async () => count(out(), /Done flaky:2/), (n) => n >= 1, 10_000);
        if (done === undefined) throw new StepFailure(`expected "flaky:2" done after two retries; it printed ${count(out(), /Received flaky:2/)} attempts and no "Done"`);
        const attempts = count(out(), /Received flaky:2/);
        if (attempts !== 3) throw new StepFailure(`expected 3 attempts of "flaky:2" (2 failures, then success); saw ${attempts}`);
        const retried = await readyCount(ctx, `${queue}.retry`, `expected a delay queue ${queue}.retry`);
        if (retried !== 0) throw new StepFailure(`expected ${queue}.retry to be empty at the end; it holds ${retried}`);
      });
    },
  },
  {
    name: 'a poison task is tried 1 + MAX_RETRIES times, then dead-lettered',
    async run(ctx) {
      await withWorker(ctx, 'poison', async (queue, out) => {
        await sendTo(ctx, queue, ['poison.']);
        if (await deadCount(ctx, queue, 1, 10_000) === undefined) {
          throw new StepFailure(`expected "poison." in ${queue}.dead after 4 attempts; tried ${count(out(), /Received poison\./)} times and not dead-lettered`);
        }
        const attempts = count(out(), /Received poison\./);
        if (attempts !== 4) throw new StepFailure(`expected 4 attempts (1 + MAX_RETRIES=3) of "poison."; saw ${attempts}`);
      });
    },
  },
];
