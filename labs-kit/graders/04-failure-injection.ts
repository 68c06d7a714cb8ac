/** Lab 04 grader: with one attempt in three failing, every task still gets done, none twice. */
import { awaitConsumers, publish, readyCount, StepFailure, until, type Step } from '../step.ts';

const TASKS = ['task1.', 'task2.', 'task3.', 'task4.', 'task5.', 'task6.'];

export const steps: Step[] = [
  {
    name: 'every task gets done although every 3rd attempt fails',
    async run(ctx) {
      const queue = ctx.name('failures');
      await publish(ctx, queue, []);
      const w = ctx.run('worker', [], { QUEUE: queue, DELAY_MS: '10', LOSE_EVERY: '3' });
      try {
        await awaitConsumers(ctx, queue, 1, 'worker.ts');
        await publish(ctx, queue, TASKS);
        const doneSet = (): Set<string> => new Set([...w.output.matchAll(/Done (\S+)/g)].map((m) => m[1]!));
        await until(async () => doneSet().size, (n) => n === TASKS.length);
        const done = doneSet();
        const lost = TASKS.filter((t) => !done.has(t));
        if (lost.length > 0) throw new StepFailure(`expected all ${TASKS.length} tasks done; never done: ${lost.join(', ')} (lost when the attempt failed?)`);
      } finally {
        w.kill('SIGKILL');
        await w.exited;
      }
      const left = await readyCount(ctx, queue, 'expected the queue to exist');
      if (left !== 0) throw new StepFailure(`all tasks were done, but ${left} came back to the queue: were they acked?`);
    },
  },
];
