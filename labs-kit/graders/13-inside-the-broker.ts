/**
 * Lab 13 grader: inspect.ts reads the management API and reports, for the grader's queue, what is
 * ready, what is held and by which consumer. RabbitMQ refreshes these statistics about every 5 s,
 * so inspect.ts is run again until its report is right or 15 s pass.
 */
import { sendTo, StepFailure, until, type GradeContext, type Step } from '../step.ts';

const TAG = 'qlab-13-worker';

/** A queue with 5 messages, 2 of them held (unacked) by a consumer with prefetch 2. */
async function busyQueue(ctx: GradeContext): Promise<{ queue: string; stop(): Promise<void> }> {
  const queue = ctx.name('inside');
  const ch = await ctx.connection.createChannel();
  await ch.assertQueue(queue, { durable: false, autoDelete: false });
  await sendTo(ctx, queue, ['a', 'b', 'c', 'd', 'e']);
  const holder = await ctx.connection.createChannel();
  await holder.prefetch(2);
  let held = 0;
  await holder.consume(queue, () => { held++; }, { consumerTag: TAG, noAck: false });
  await until(async () => held, (n) => n === 2, 5000);
  return { queue, stop: async () => { await holder.close().catch(() => {}); await ch.deleteQueue(queue).catch(() => {}); await ch.close().catch(() => {}); } };
}

async function reportUntil(ctx: GradeContext, queue: string, ok: (out: string) => boolean): Promise<string> {
  let last = '';
  const good = await until(async () => {
    const p = ctx.run('inspect', [], { QUEUE_PREFIX: queue });
    await p.finishes(20_000);
    last = p.output;
    return last;
  }, ok, 15_000);
  return good ?? last;
}

export const steps: Step[] = [
  {
    name: 'inspect.ts shows what is ready and what is held in each queue',
    async run(ctx) {
      const { queue, stop } = await busyQueue(ctx);
      try {
        const want = `queue ${queue}: ready=3 unacked=2 consumers=1`;
        // A report without counts at all cannot become right by waiting for the statistics.
        const out = await reportUntil(ctx, queue, (o) => o.includes(want) || !/ready=/.test(o));
        if (!out.includes(want)) throw new StepFailure(`expected the line "${want}"; inspect.ts printed: ${JSON.stringify(out.trim().split('\n').slice(0, 3).join(' | '))}`);
      } finally {
        await stop();
      }
    },
  },
  {
    name: 'inspect.ts says which consumer holds work, from which connection, with what prefetch',
    async run(ctx) {
      const { queue, stop } = await busyQueue(ctx);
      try {
        const want = new RegExp(`consumer ${TAG} on ${queue.replace(/\./g, '\\.')} from \\S.* \\(channel \\d+\\) prefetch=2`);
        // broker-sim's statistics are current: once they show the consumer, a report without consumer
        // lines will not get better. RabbitMQ updates the queue's consumer count and /api/consumers
        // separately, so there the report is read again until the line shows or time is up.
        const hopeless = (o: string) => ctx.broker === 'sim' && /unacked=2 consumers=1/.test(o) && !/^consumer /m.test(o);
        const out = await reportUntil(ctx, queue, (o) => want.test(o) || hopeless(o));
        if (!want.test(out)) throw new StepFailure(`expected a line like "consumer ${TAG} on ${queue} from <connection> (channel N) prefetch=2"; inspect.ts printed: ${JSON.stringify(out.trim().split('\n').slice(0, 3).join(' | '))}`);
      } finally {
        await stop();
      }
    },
  },
];
