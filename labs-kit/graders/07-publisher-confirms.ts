/**
 * Lab 07 grader: publisher.ts prints the throughput of fire-and-forget, synchronous and asynchronous
 * confirms, and every message arrives; forward.ts, killed with SIGKILL mid-pipeline, loses nothing.
 */
import { deleteQueues, readyCount, sendTo, StepFailure, takeAll, until, type Step } from '../step.ts';

const MODES = ['fire-and-forget', 'synchronous', 'asynchronous'];

export const steps: Step[] = [
  {
    name: 'publisher.ts prints a throughput row for each of the three modes, and every message reaches the queue',
    async run(ctx) {
      const queue = ctx.name('confirms');
      try {
        const p = ctx.run('publisher', [], { QUEUE: queue, COUNT: '200', WINDOW: '20' });
        await p.finishes();
        for (const mode of MODES) {
          if (!new RegExp(`^${mode}\\s+200 messages\\s+\\d+ msg/s$`, 'm').test(p.output)) {
            throw new StepFailure(`expected a line "${mode}  200 messages  N msg/s"; publisher.ts printed: ${JSON.stringify(p.output.trim().split('\n').slice(-4).join(' | '))}`);
          }
        }
        const n = await readyCount(ctx, queue, 'expected the queue publisher.ts declares');
        if (n !== 600) throw new StepFailure(`expected 600 messages in the queue (200 per mode), found ${n}`);
      } finally {
        await deleteQueues(ctx, [queue]);
      }
    },
  },
  {
    name: 'forward.ts killed mid-pipeline loses nothing: every message is in the next queue or still in the source',
    async run(ctx) {
      const source = ctx.name('stage1');
      const next = ctx.name('stage2');
      const ch = await ctx.connection.createChannel();
      await ch.assertQueue(source, { durable: true });
      await ch.assertQueue(next, { durable: true });
      await ch.close();
      const ids = Array.from({ length: 50 }, (_, i) => `job-${i}`);
      await sendTo(ctx, source, ids, { persistent: true });
      const f = ctx.run('forward', [], { SOURCE: source, NEXT: next, DELAY_MS: '40' });
      try {
        await until(() => readyCount(ctx, next, `expected the queue ${next}`), (n) => n >= 10);
        f.kill('SIGKILL');
        await f.exited;
        await new Promise((r) => setTimeout(r, 300)); // the broker sees the connection go
        const seen = new Set([...(await takeAll(ctx, next)), ...(await takeAll(ctx, source))].map((m) => m.content.toString()));
        const lost = ids.filter((id) => !seen.has(id));
        if (lost.length > 0) {
          throw new StepFailure(`${lost.length} of 50 messages were in neither queue after forward.ts was killed (e.g. ${lost.slice(0, 3).join(', ')}): ack in the source only after the confirm`);
        }
      } finally {
        f.kill();
        await deleteQueues(ctx, [source, next]);
      }
    },
  },
  {
    name: 'forward.ts, left to run, moves every message to the next queue',
    async run(ctx) {
      const source = ctx.name('stage1');
      const next = ctx.name('stage2');
      const ch = await ctx.connection.createChannel();
      await ch.assertQueue(source, { durable: true });
      await ch.close();
      await sendTo(ctx, source, Array.from({ length: 30 }, (_, i) => `m${i}`), { persistent: true });
      const f = ctx.run('forward', [], { SOURCE: source, NEXT: next });
      try {
        const moved = await until(() => readyCount(ctx, next, `expected the queue ${next}`).catch(() => 0), (n) => n === 30, 15_000);
        if (moved === undefined) throw new StepFailure(`expected 30 messages in ${next}; found ${await readyCount(ctx, next, 'expected the queue').catch(() => 0)}`);
        const left = await until(() => readyCount(ctx, source, 'expected the source queue'), (n) => n === 0, 5000);
        if (left === undefined) throw new StepFailure('messages stayed in the source queue: are they acked after forwarding?');
      } finally {
        f.kill();
        await deleteQueues(ctx, [source, next]);
      }
    },
  },
];
