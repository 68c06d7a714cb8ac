/**
 * Lab 15 grader: emit puts the same events in a work queue (each taken once, gone when acked) and in
 * a stream (read again by every reader); the reader replays it from the start (OFFSET=first), reads
 * only what comes after it started (OFFSET=next), and after kill -9 resumes from the time of its last
 * event, skipping what it had done and missing nothing.
 */
import type { ConsumeMessage } from 'amqplib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Program } from '../program.ts';
import { checkChannel, count, deleteQueues, StepFailure, until, type GradeContext, type Step } from '../step.ts';

interface Names { queue: string; stream: string }

function names(ctx: GradeContext): Names {
  return { queue: ctx.name('orders'), stream: ctx.name('orders.log') };
}

async function emit(ctx: GradeContext, n: Names, events: string[]): Promise<void> {
  await ctx.run('emit', events, { QUEUE: n.queue, STREAM: n.stream }).finishes();
}

/** The grader's own late reader: every event of the stream from the first, in order. */
async function readFromFirst(ctx: GradeContext, stream: string, expected: number): Promise<string[]> {
  const ch = await checkChannel(ctx);
  const got: string[] = [];
  const failed = new Promise<string>((resolve) => ch.once('error', (e: Error) => resolve(e.message)));
  try {
    await ch.prefetch(100);
    const read = new Promise<void>((resolve) => {
      void ch.consume(stream, (m: ConsumeMessage | null) => {
        if (!m) return;
        got.push(m.content.toString());
        ch.ack(m);
        if (got.length === expected) resolve();
      }, { arguments: { 'x-stream-offset': 'first' } }).catch(() => {});
    });
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
    const outcome = await Promise.race([read.then(() => 'read' as const), failed, timeout]);
    if (outcome === 'timeout') throw new StepFailure(`expected ${expected} events in the stream '${stream}'; a reader from the first got ${got.length}: ${JSON.stringify(got)}`);
    if (outcome !== 'read') {
      throw new StepFailure(`'${stream}' cannot be read from its first event (${outcome.replace(/^.*with message /, '')}): `
        + 'emit must declare it as a stream, with x-queue-type: stream');
    }
    return got;
  } finally {
    await ch.close().catch(() => {});
  }
}

/** The events the reader printed as done (" [x] 3: d"), as "3: d". */
function done(p: Program): string[] {
  return [...p.output.matchAll(/ \[x\] (\d+: \S+)/g)].map((m) => m[1]!);
}

/** The readers a step starts, each waited for until it consumes; all killed when the step ends. */
class Readers {
  private readonly started: Program[] = [];
  constructor(private readonly ctx: GradeContext, private readonly n: Names) {}

  async start(offset: string, checkpoint?: string): Promise<Program> {
    const p = this.ctx.run('reader', [], { STREAM: this.n.stream, OFFSET: offset, ...(checkpoint ? { CHECKPOINT: checkpoint } : {}) });
    this.started.push(p);
    await p.waitFor(/Reading/, 'expected reader to print " [*] Reading …" once it consumes');
    return p;
  }

  killAll(): void { for (const p of this.started) p.kill(); }
}

export const steps: Step[] = [
  {
    name: 'emit puts each event in the work queue (taken once, gone when acked) and in a stream (there for every reader)',
    async run(ctx) {
      const n = names(ctx);
      try {
        await emit(ctx, n, ['a', 'b', 'c']);
        const ch = await checkChannel(ctx);
        const taken: string[] = [];
        for (let m = await ch.get(n.queue); m; m = await ch.get(n.queue)) {
          taken.push(m.content.toString());
          ch.ack(m);
        }
        await ch.close();
        if (taken.join() !== 'a,b,c') throw new StepFailure(`expected the work queue '${n.queue}' to hand out a, b, c once each; it gave ${JSON.stringify(taken)}`);
        for (const reader of ['a first reader', 'a second reader']) {
          const got = await readFromFirst(ctx, n.stream, 3);
          if (got.join() !== 'a,b,c') throw new StepFailure(`expected ${reader} of the stream to get a, b, c; it got ${JSON.stringify(got)}`);
        }
      } finally {
        await deleteQueues(ctx, [n.queue, n.stream]);
      }
    },
  },
  {
    name: 'a late reader (OFFSET=first) replays the stream from its first event, with each event\'s offset',
    async run(ctx) {
      const n = names(ctx);
      const readers = new Readers(ctx, n);
      try {
        await emit(ctx, n, ['a', 'b', 'c']);
        const p = await readers.start('first');
        await p.waitFor(() => done(p).length >= 3, 'expected reader with OFFSET=first to print " [x] 0: a", " [x] 1: b", " [x] 2: c"', 10_000);
        if (done(p).join() !== '0: a,1: b,2: c') throw new StepFailure(`expected 0: a, 1: b, 2: c in that order; reader printed ${JSON.stringify(done(p))}`);
      } finally {
        readers.killAll();
        await deleteQueues(ctx, [n.queue, n.stream]);
      }
    },
  },
  {
    name: 'a live reader (OFFSET=next) gets only the events published after it started',
    async run(ctx) {
      const n = names(ctx);
      const readers = new Readers(ctx, n);
      try {
        await emit(ctx, n, ['a', 'b', 'c']);
        const p = await readers.start('next');
        await emit(ctx, n, ['d', 'e']);
        await p.waitFor(() => done(p).length >= 2, 'expected reader with OFFSET=next to print " [x] 3: d" and " [x] 4: e"', 10_000);
        if (done(p).join() !== '3: d,4: e') throw new StepFailure(`expected only 3: d, 4: e; reader printed ${JSON.stringify(done(p))}`);
      } finally {
        readers.killAll();
        await deleteQueues(ctx, [n.queue, n.stream]);
      }
    },
  },
  {
    name: 'killed and started again with its CHECKPOINT, the reader resumes from the time of its last event: nothing done twice, nothing missed',
    async run(ctx) {
      const n = names(ctx);
      const checkpoint = join(tmpdir(), `${ctx.name('checkpoint')}.json`);
      const readers = new Readers(ctx, n);
      try {
        await emit(ctx, n, ['a', 'b', 'c']);
        const first = await readers.start('first', checkpoint);
        const saved = await until(async () => (existsSync(checkpoint) ? readFileSync(checkpoint, 'utf8') : ''), (s) => /"offset":\s*2\b/.test(s), 10_000);
        if (!saved) throw new StepFailure(`expected reader to record its last event (offset 2) in CHECKPOINT; it printed ${JSON.stringify(done(first))}`);
        first.kill('SIGKILL');
        await first.exited;
        await emit(ctx, n, ['d', 'e']);
        const second = await readers.start('first', checkpoint);
        await second.waitFor(/ \[x\] 4: e/, 'expected reader, started again, to do the events published while it was down (" [x] 3: d", " [x] 4: e")', 10_000);
        const again = done(second);
        if (again.join() !== '3: d,4: e') {
          throw new StepFailure(`after the restart reader did ${JSON.stringify(again)}; expected only 3: d, 4: e: `
            + 'start from the checkpoint\'s timestamp and skip the offsets already done, not from OFFSET');
        }
        if (count(first.output, / \[x\] /) !== 3) throw new StepFailure(`expected reader to do a, b, c once before the kill; it printed ${JSON.stringify(done(first))}`);
      } finally {
        readers.killAll();
        rmSync(checkpoint, { force: true });
        await deleteQueues(ctx, [n.queue, n.stream]);
      }
    },
  },
];

