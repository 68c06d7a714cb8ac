/**
 * Lab 11 grader: a task whose worker dies is never run again but lands in <queue>.failed; relaunch.ts
 * puts failed tasks back. Both on RabbitMQ (quorum queue, x-delivery-limit 0) and broker-sim.
 */
import { awaitConsumers, count, deleteQueues, readyCount, sendTo, StepFailure, takeAll, until, type Step } from '../step.ts';

export const steps: Step[] = [
  {
    name: 'a task whose worker dies mid-task is not run again: it goes to <queue>.failed',
    async run(ctx) {
      const queue = ctx.name('amo');
      const failed = `${queue}.failed`;
      const a = ctx.run('worker', [], { QUEUE: queue, DELAY_MS: '3000' });
      let b;
      try {
        await awaitConsumers(ctx, queue, 1, 'worker.ts');
        await sendTo(ctx, queue, ['long.....'], { persistent: true });
        await a.waitFor(/Received long/, 'expected the worker to print " [x] Received long....."');
        a.kill('SIGKILL');
        await a.exited;
        b = ctx.run('worker', [], { QUEUE: queue, DELAY_MS: '10' });
        await awaitConsumers(ctx, queue, 1, 'a second worker.ts');
        const inFailed = await until(() => readyCount(ctx, failed, `expected a queue ${failed}`), (n) => n === 1, 5000);
        await new Promise((r) => setTimeout(r, 300));
        if (count(b.output, /Received long/) > 0) {
          throw new StepFailure('the task ran again on a second worker after the first one died (at least once): it must run at most once');
        }
        if (inFailed === undefined) throw new StepFailure(`expected the abandoned task in ${failed}; it is not there`);
      } finally {
        a.kill();
        b?.kill();
        await deleteQueues(ctx, [queue, failed]);
      }
    },
  },
  {
    name: 'relaunch.ts moves every failed task back to the work queue, in order',
    async run(ctx) {
      const queue = ctx.name('relaunch');
      const failed = `${queue}.failed`;
      const ch = await ctx.connection.createChannel();
      try {
        await ch.assertQueue(queue, { durable: true });
        await ch.assertQueue(failed, { durable: true });
        await ch.close();
        await sendTo(ctx, failed, ['first.', 'second..'], { persistent: true });
        const r = ctx.run('relaunch', [], { QUEUE: queue });
        await r.finishes();
        const back = await takeAll(ctx, queue);
        const left = await readyCount(ctx, failed, `expected the queue ${failed}`);
        if (back.length !== 2 || left !== 0) {
          throw new StepFailure(`expected both failed tasks back in the work queue and none left in ${failed}; `
            + `found ${back.length} in the work queue and ${left} still failed`);
        }
        const bodies = back.map((m) => m.content.toString());
        if (bodies.join(' ') !== 'first. second..') throw new StepFailure(`expected "first." then "second.."; got ${JSON.stringify(bodies)}`);
        if (back[0]!.properties.deliveryMode !== 2) throw new StepFailure('expected the relaunched tasks to keep their properties (persistent)');
      } finally {
        await deleteQueues(ctx, [queue, failed]);
      }
    },
  },
];
