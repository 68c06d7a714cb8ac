/**
 * Lab 14 grader: a task five heartbeat timeouts long finishes on the worker's one connection (the
 * broker never drops it), delivered once and acked once; with SLOTS=3, three tasks run at once (the
 * broker hands out three and holds the rest) and the batch finishes. Heartbeats of 2 s keep it short.
 */
import type { Program } from '../program.ts';
import { awaitConsumers, consumers, count, publish, readyCount, StepFailure, until, type GradeContext, type Step } from '../step.ts';

const HEARTBEAT = 2;

/** Waits until the worker is gone from the queue's consumers (killed), then counts what is back in the queue. */
async function backAfterKill(ctx: GradeContext, queue: string, w: Program): Promise<number> {
  w.kill('SIGKILL');
  await w.exited;
  await until(() => consumers(ctx, queue), (n) => n === 0);
  return readyCount(ctx, queue, 'expected the queue to exist');
}

export const steps: Step[] = [
  {
    name: 'a task five heartbeat timeouts long finishes without the broker dropping the worker; delivered once, acked once',
    async run(ctx) {
      const queue = ctx.name('long');
      await publish(ctx, queue, []);
      const w = ctx.run('worker', [], { QUEUE: queue, HEARTBEAT: String(HEARTBEAT), DELAY_MS: '1000' });
      try {
        await awaitConsumers(ctx, queue, 1, 'worker.ts');
        // Ten dots: ten seconds. A broker gives up on a client it has heard nothing from for two to
        // three heartbeat timeouts (RabbitMQ checks every timeout, and fails on the second silent check).
        await publish(ctx, queue, ['long..........']);
        await w.waitFor(/Received long/, 'expected worker.ts to print " [x] Received long.........."');
        const started = Date.now();
        while (!/Done long/.test(w.output)) {
          if (await consumers(ctx, queue) === 0) {
            throw new StepFailure(`the broker dropped worker.ts ${((Date.now() - started) / 1000).toFixed(0)}s into a 10 s task (heartbeat ${HEARTBEAT}s): `
              + 'the task holds the thread that sends the heartbeats; run it in a worker thread');
          }
          if (Date.now() - started > 30_000) throw new StepFailure(`expected worker.ts to print " [x] Done long.........." within 30s; it printed: ${JSON.stringify(w.output.slice(-300))}`);
          await new Promise((r) => setTimeout(r, 200));
        }
        await publish(ctx, queue, ['short.']);
        await w.waitFor(/Done short/, 'expected worker.ts to take a next task after the long one, on the same connection');
        if (count(w.output, /Received long/) !== 1) throw new StepFailure('the long task was delivered to worker.ts more than once: did it lose its connection and come back?');
        const back = await backAfterKill(ctx, queue, w);
        if (back !== 0) throw new StepFailure(`${back} finished task(s) came back to the queue when worker.ts stopped: they were never acked`);
      } finally {
        w.kill();
      }
    },
  },
  {
    name: 'with SLOTS=3 three tasks run at once, the broker holds the rest, and the batch finishes',
    async run(ctx) {
      const queue = ctx.name('slots');
      await publish(ctx, queue, []);
      const w = ctx.run('worker', [], { QUEUE: queue, HEARTBEAT: String(HEARTBEAT), DELAY_MS: '1000', SLOTS: '3' });
      const tasks = ['one...', 'two...', 'three...', 'four...', 'five...', 'six...'];
      const received = (): number => count(w.output, /Received /);
      const done = (): number => count(w.output, /Done /);
      try {
        await awaitConsumers(ctx, queue, 1, 'worker.ts');
        await publish(ctx, queue, tasks);
        await w.waitFor(() => received() >= 3 || done() > 0, 'expected worker.ts to start three tasks');
        const beforeFirstDone = count(w.output.split(/Done /)[0]!, /Received /);
        if (beforeFirstDone < 3) {
          throw new StepFailure(`only ${beforeFirstDone} task(s) started before the first one finished: with SLOTS=3, three should run at once `
            + '(prefetch 3, and tasks that do not hold the thread that talks to the broker)');
        }
        const ready = await readyCount(ctx, queue, 'expected the queue to exist');
        const acked = done();
        if (acked === 0 && ready !== tasks.length - 3) {
          throw new StepFailure(`expected the broker to hand worker.ts three tasks (prefetch 3) and keep ${tasks.length - 3} in the queue; `
            + `${ready} were in the queue, so worker.ts held ${tasks.length - ready}`);
        }
        await w.waitFor(() => done() === tasks.length, `expected worker.ts to finish all ${tasks.length} tasks`, 30_000);
        const back = await backAfterKill(ctx, queue, w);
        if (back !== 0) throw new StepFailure(`${back} finished task(s) came back to the queue when worker.ts stopped: they were never acked`);
      } finally {
        w.kill();
      }
    },
  },
];
