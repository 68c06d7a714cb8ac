/**
 * Lab 10 grader: request/reply with correlation ids through a reply queue and through direct
 * reply-to, a timeout when nobody answers, and pause/play/kill as remote calls to a running task.
 * The same on RabbitMQ and broker-sim.
 */
import { StepFailure, type GradeContext, type Step } from '../step.ts';

async function call(ctx: GradeContext, queue: string, request: string[], env: Record<string, string> = {}): Promise<string> {
  const c = ctx.run('rpc_client', request, { QUEUE: queue, TIMEOUT_MS: '5000', ...env });
  await c.finishes(15_000);
  const got = /\[\.\] Got (.*)/.exec(c.output);
  if (!got) throw new StepFailure(`expected rpc_client.ts ${request.join(' ')} to print " [.] Got <reply>"; it printed: ${JSON.stringify(c.output.trim().split('\n').slice(-3).join(' | '))}`);
  return got[1]!.trim();
}

async function withServer(ctx: GradeContext, body: (queue: string) => Promise<void>): Promise<void> {
  const queue = ctx.name('rpc');
  const server = ctx.run('rpc_server', [], { QUEUE: queue });
  try {
    await server.waitFor(/Awaiting RPC requests/, 'expected rpc_server.ts to print " [x] Awaiting RPC requests"');
    await body(queue);
  } finally {
    server.kill();
  }
}

export const steps: Step[] = [
  {
    name: 'rpc_client.ts "fib 10" gets 55 back from rpc_server.ts through its reply queue',
    async run(ctx) {
      await withServer(ctx, async (queue) => {
        const got = await call(ctx, queue, ['fib', '10']);
        if (got !== '55') throw new StepFailure(`expected the reply 55, got ${got}`);
      });
    },
  },
  {
    name: 'with DIRECT=1 the reply comes through direct reply-to (amq.rabbitmq.reply-to)',
    async run(ctx) {
      await withServer(ctx, async (queue) => {
        const got = await call(ctx, queue, ['fib', '12'], { DIRECT: '1' });
        if (got !== '144') throw new StepFailure(`expected the reply 144, got ${got}`);
      });
    },
  },
  {
    name: 'with nobody answering, rpc_client.ts gives up after TIMEOUT_MS with exit code 1',
    async run(ctx) {
      const c = ctx.run('rpc_client', ['fib', '3'], { QUEUE: ctx.name('nobody'), TIMEOUT_MS: '500' });
      const timer = new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000).unref());
      const code = await Promise.race([c.exited, timer]);
      if (code === 'hung') { c.kill(); throw new StepFailure('rpc_client.ts was still waiting 10 s later: it needs a timeout'); }
      if (code !== 1 || !/no reply within 500 ms/.test(c.output)) {
        throw new StepFailure(`expected " [!] no reply within 500 ms" and exit code 1; got exit code ${code} and ${JSON.stringify(c.output.trim().split('\n').slice(-2).join(' | '))}`);
      }
    },
  },
  {
    name: 'pause, play and kill are remote calls to the running task',
    async run(ctx) {
      const queue = ctx.name('rpc');
      const server = ctx.run('rpc_server', [], { QUEUE: queue });
      try {
        await server.waitFor(/Awaiting RPC requests/, 'expected rpc_server.ts to start');
        const script: [string[], string][] = [[['pause'], 'paused'], [['fib', '5'], 'paused'], [['play'], 'playing'], [['fib', '5'], '5'], [['kill'], 'killed']];
        for (const [req, want] of script) {
          const got = await call(ctx, queue, req);
          if (got !== want) throw new StepFailure(`expected "${req.join(' ')}" to answer "${want}", got "${got}"`);
        }
        await server.finishes(5000);
      } finally {
        server.kill();
      }
    },
  },
];
