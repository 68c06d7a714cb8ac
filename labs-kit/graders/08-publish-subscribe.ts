/**
 * Lab 08 grader: every listener gets every broadcast through its own exclusive queue; a parent hears
 * its child's "finished" broadcast. The same on RabbitMQ and broker-sim.
 */
import { checkChannel, type Step } from '../step.ts';

export const steps: Step[] = [
  {
    name: 'two receive_logs.ts each get every broadcast of emit_log.ts',
    async run(ctx) {
      const exchange = ctx.name('logs');
      const a = ctx.run('receive_logs', [], { EXCHANGE: exchange });
      const b = ctx.run('receive_logs', [], { EXCHANGE: exchange });
      try {
        await a.waitFor(/Waiting for logs/, 'expected receive_logs.ts to print " [*] Waiting for logs"');
        await b.waitFor(/Waiting for logs/, 'expected a second receive_logs.ts to start');
        await ctx.run('emit_log', ['first', 'broadcast'], { EXCHANGE: exchange }).finishes();
        await ctx.run('emit_log', ['second', 'broadcast'], { EXCHANGE: exchange }).finishes();
        for (const [p, which] of [[a, 'first'], [b, 'second']] as const) {
          await p.waitFor((o) => /\[x\] first broadcast/.test(o) && /\[x\] second broadcast/.test(o),
            `expected the ${which} receive_logs.ts to print both broadcasts (is its own queue bound to the exchange?)`, 5000);
        }
      } finally {
        a.kill();
        b.kill();
        const ch = await checkChannel(ctx);
        await ch.deleteExchange(exchange).catch(() => {});
        await ch.close().catch(() => {});
      }
    },
  },
  {
    name: 'parent.ts hears its child\'s "finished" broadcast and ends',
    async run(ctx) {
      const events = ctx.name('events');
      const parent = ctx.run('parent', [], { EVENTS: events, CHILD_ID: 'c-42', TIMEOUT_MS: '8000' });
      try {
        await parent.waitFor(/Waiting for c-42/, 'expected parent.ts to print " [*] Waiting for c-42 to finish"');
        await new Promise((r) => setTimeout(r, 200));
        await ctx.run('child', [], { EVENTS: events, CHILD_ID: 'c-42', DELAY_MS: '50' }).finishes();
        await parent.waitFor(/c-42 has finished/, 'expected parent.ts to print " [x] c-42 has finished"', 8000);
        await parent.finishes(5000);
      } finally {
        parent.kill();
        const ch = await checkChannel(ctx);
        await ch.deleteExchange(events).catch(() => {});
        await ch.close().catch(() => {});
      }
    },
  },
];
