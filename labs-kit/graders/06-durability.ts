/** Lab 06 grader: a durable queue of persistent messages that survives a restart, then deleted. */
import { rmSync } from 'node:fs';
import amqp from 'amqplib';
import { scratchDir, startSimProcess } from '../../tools/shared/brokers/index.ts';
import { checkChannel, readyCount, StepFailure, type Step } from '../step.ts';

export const steps: Step[] = [
  {
    name: 'producer.ts declares a durable queue',
    async run(ctx) {
      const queue = ctx.name('durable');
      await ctx.run('producer', ['3'], { QUEUE: queue }).finishes();
      await readyCount(ctx, queue, 'expected producer.ts to declare its queue');
      // A queue is durable exactly when redeclaring it as transient is refused (406).
      const ch = await checkChannel(ctx);
      const refused = await ch.assertQueue(queue, { durable: false }).then(() => false, () => true);
      const cleanup = await checkChannel(ctx);
      await cleanup.deleteQueue(queue);
      if (!refused) throw new StepFailure(`expected the queue '${queue}' to be durable; it is transient`);
    },
  },
  {
    name: 'its messages are persistent (delivery mode 2)',
    async run(ctx) {
      const queue = ctx.name('durable');
      await ctx.run('producer', ['3'], { QUEUE: queue }).finishes();
      const ch = await checkChannel(ctx);
      const m = await ch.get(queue, { noAck: true }).catch(() => false as const);
      await ch.deleteQueue(queue).catch(() => {});
      if (!m) throw new StepFailure('expected messages in the queue after producer.ts');
      if (m.properties.deliveryMode !== 2) throw new StepFailure(`expected persistent messages (deliveryMode 2), got deliveryMode ${m.properties.deliveryMode ?? 'unset'}`);
    },
  },
  {
    name: 'the queue and its messages survive a broker crash (kill -9 and restart)',
    only: { broker: 'sim', reason: 'needs a broker the grader can kill and restart: runs on broker-sim' },
    async run(ctx) {
      const dir = scratchDir();
      let sim = await startSimProcess(dir);
      try {
        await ctx.run('producer', ['4'], { AMQP_URL: sim.url, QUEUE: 'restart_test' }).finishes();
        await sim.stop('SIGKILL');
        sim = await startSimProcess(dir);
        const conn = await amqp.connect(sim.url);
        try {
          const ch = await conn.createChannel();
          ch.on('error', () => {});
          const n = await ch.checkQueue('restart_test').then((q) => q.messageCount, () => -1);
          if (n === -1) throw new StepFailure('after the restart the queue is gone: declare it durable');
          if (n !== 4) throw new StepFailure(`after the restart the queue holds ${n} of 4 messages: make them persistent`);
        } finally {
          await conn.close().catch(() => {});
        }
      } finally {
        await sim.stop('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'cleanup.ts deletes the queue',
    async run(ctx) {
      const queue = ctx.name('durable');
      await ctx.run('producer', ['2'], { QUEUE: queue }).finishes();
      await ctx.run('cleanup', [], { QUEUE: queue }).finishes();
      const ch = await checkChannel(ctx);
      const exists = await ch.checkQueue(queue).then(() => true, () => false);
      if (exists) {
        await (await checkChannel(ctx)).deleteQueue(queue);
        throw new StepFailure(`expected the queue '${queue}' to be gone after cleanup.ts`);
      }
    },
  },
];
