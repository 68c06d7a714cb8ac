/** Lab 01 grader: send.ts puts "Hello World!" in the queue; receive.ts prints what arrives. */
import { checkChannel, publish, readyCount, StepFailure, type Step } from '../step.ts';

export const steps: Step[] = [
  {
    name: 'send.ts puts "Hello World!" in the queue',
    async run(ctx) {
      const queue = ctx.name('hello');
      await ctx.run('send', [], { QUEUE: queue }).finishes();
      const n = await readyCount(ctx, queue, 'expected one message in the queue');
      if (n !== 1) throw new StepFailure(`expected 1 message in the queue after send.ts, found ${n}`);
      const ch = await checkChannel(ctx);
      const m = await ch.get(queue, { noAck: true });
      await ch.deleteQueue(queue);
      if (!m || m.content.toString() !== 'Hello World!') throw new StepFailure(`expected the body "Hello World!", got ${m ? JSON.stringify(m.content.toString()) : 'nothing'}`);
    },
  },
  {
    name: 'receive.ts prints each message it receives',
    async run(ctx) {
      const queue = ctx.name('hello');
      await publish(ctx, queue, ['Hello World!']);
      const p = ctx.run('receive', [], { QUEUE: queue });
      try {
        await p.waitFor(/Received Hello World!/, 'expected receive.ts to print " [x] Received Hello World!"');
      } finally {
        p.kill();
      }
      if (await readyCount(ctx, queue, 'expected the queue to stay') !== 0) throw new StepFailure('the message is still in the queue: was it consumed?');
    },
  },
];
