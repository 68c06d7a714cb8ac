/** Lab 03 grader: a worker killed in the middle of a task loses nothing; finished tasks are acked. */
import { awaitConsumers, publish, readyCount, StepFailure, until, type Step } from '../step.ts';

export const steps: Step[] = [
  {
    name: 'a task whose worker is killed mid-task goes to another worker',
    async run(ctx) {
      const queue = ctx.name('acks');
      await publish(ctx, queue, []);
      const a = ctx.run('worker', [], { QUEUE: queue, DELAY_MS: '2000' });
      let b;
      try {
        await awaitConsumers(ctx, queue, 1, 'worker.ts');
        await publish(ctx, queue, ['slow.....']);
        await a.waitFor(/Received slow/, 'expected the worker to print " [x] Received slow....."');
        a.kill('SIGKILL');
        await a.exited;
        b = ctx.run('worker', [], { QUEUE: queue, DELAY_MS: '10' });
        await b.waitFor(/Received slow/, 'expected the killed worker\'s task to reach a second worker; it was lost');
        await b.waitFor(/Done slow/, 'expected the second worker to finish the task');
      } finally {
        a.kill();
        b?.kill();
      }
    },
  },
  {
    name: 'a finished task is acknowledged, so it never comes back',
    async run(ctx) {
      const queue = ctx.name('acks');
      await publish(ctx, queue, []);
      const w = ctx.run('worker', [], { QUEUE: queue, DELAY_MS: '10' });
      try {
        await awaitConsumers(ctx, queue, 1, 'worker.ts');
        await publish(ctx, queue, ['quick.']);
        await w.waitFor(/Done quick/, 'expected the worker to print " [x] Done quick."');
        await new Promise((r) => setTimeout(r, 200));
      } finally {
        w.kill('SIGKILL');
        await w.exited;
      }
      const back = await until(() => readyCount(ctx, queue, 'expected the queue to exist'), (n) => n > 0, 1000);
      if (back !== undefined) throw new StepFailure('the finished task came back to the queue when the worker stopped: it was never acked');
    },
  },
];
