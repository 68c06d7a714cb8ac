/** Lab 05 grader: with prefetch 1 a worker holds one task at a time; the rest wait in the queue. */
import { awaitConsumers, publish, readyCount, StepFailure, until, type Step } from '../step.ts';

const TASKS = ['long.....', 'short.', 'long.....', 'short.', 'long.....', 'short.'];

export const steps: Step[] = [
  {
    name: 'each worker is handed one task at a time (prefetch 1)',
    async run(ctx) {
      const queue = ctx.name('fair');
      await publish(ctx, queue, []);
      const env = { QUEUE: queue, DELAY_MS: '300' };
      const a = ctx.run('worker', [], env);
      const b = ctx.run('worker', [], env);
      try {
        await awaitConsumers(ctx, queue, 2, 'worker.ts');
        await publish(ctx, queue, TASKS);
        await a.waitFor(/Received/, 'expected the first worker to receive a task');
        await b.waitFor(/Received/, 'expected the second worker to receive a task');
        const waiting = await readyCount(ctx, queue, 'expected the queue to exist');
        if (waiting < 3) {
          throw new StepFailure(`expected the tasks not yet started to wait in the queue (about 4 of 6), but only ${waiting} did: the broker pushed them all to the workers (no prefetch?)`);
        }
        const done = () => (a.output.match(/Done/g) ?? []).length + (b.output.match(/Done/g) ?? []).length;
        await until(async () => done(), (n) => n === TASKS.length);
        if (done() !== TASKS.length) throw new StepFailure(`expected all ${TASKS.length} tasks done, ${done()} were`);
      } finally {
        a.kill();
        b.kill();
      }
    },
  },
];
