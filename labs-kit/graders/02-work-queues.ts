/** Lab 02 grader: new_task.ts sends its command line; two workers share tasks in turn. */
import { awaitConsumers, checkChannel, publish, StepFailure, until, type Step } from '../step.ts';

const received = (out: string): string[] => [...out.matchAll(/Received (\S+)/g)].map((m) => m[1]!);

export const steps: Step[] = [
  {
    name: 'new_task.ts sends the words of its command line as the task',
    async run(ctx) {
      const queue = ctx.name('tasks');
      await ctx.run('new_task', ['First', 'message.'], { QUEUE: queue }).finishes();
      const ch = await checkChannel(ctx);
      const m = await ch.get(queue, { noAck: true }).catch(() => false as const);
      await ch.deleteQueue(queue).catch(() => {});
      const body = m ? m.content.toString() : undefined;
      if (body !== 'First message.') throw new StepFailure(`expected the task "First message.", got ${body === undefined ? 'no message' : JSON.stringify(body)}`);
    },
  },
  {
    name: 'two workers take tasks in turn (round-robin)',
    async run(ctx) {
      const queue = ctx.name('tasks');
      await publish(ctx, queue, []);
      const env = { QUEUE: queue, DELAY_MS: '20' };
      const a = ctx.run('worker', [], env);
      const b = ctx.run('worker', [], env);
      try {
        await awaitConsumers(ctx, queue, 2, 'worker.ts');
        await publish(ctx, queue, ['t1.', 't2.', 't3.', 't4.']);
        const done = (o: string) => (o.match(/Done/g) ?? []).length;
        await until(async () => done(a.output) + done(b.output), (n) => n >= 4);
        const got = [received(a.output), received(b.output)].sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? ''));
        if (JSON.stringify(got) !== JSON.stringify([['t1.', 't3.'], ['t2.', 't4.']])) {
          throw new StepFailure(`expected one worker to print t1. and t3., the other t2. and t4. (each "Received" then "Done"); they printed ${JSON.stringify(got)}`);
        }
      } finally {
        a.kill();
        b.kill();
      }
    },
  },
];
