/**
 * Lab 09 grader: a topic listener hears exactly the routing keys its binding keys match (* one
 * word, # zero or more), with every binding key it is given. The same on RabbitMQ and broker-sim.
 */
import { checkChannel, StepFailure, type Step } from '../step.ts';

const SENT: [string, string][] = [
  ['kern.critical', 'disk failure'], ['kern.info', 'boot ok'], ['app.critical', 'out of memory'],
  ['app.info', 'started'], ['kern.usb.info', 'device plugged'],
];

export const steps: Step[] = [
  {
    name: 'receive_logs_topic.ts "kern.*" "*.critical" hears kern.critical, kern.info and app.critical, and nothing else',
    async run(ctx) {
      const exchange = ctx.name('topic');
      const r = ctx.run('receive_logs_topic', ['kern.*', '*.critical'], { EXCHANGE: exchange });
      try {
        await r.waitFor(/Waiting for/, 'expected receive_logs_topic.ts to print " [*] Waiting for …"');
        for (const [key, text] of SENT) await ctx.run('emit_log_topic', [key, text], { EXCHANGE: exchange }).finishes();
        const want = ['kern.critical: disk failure', 'kern.info: boot ok', 'app.critical: out of memory'];
        await r.waitFor((o) => want.every((w) => o.includes(w)),
          `expected it to print ${want.map((w) => `" [x] ${w}"`).join(', ')} (one binding per key, routing key printed)`, 5000);
        await new Promise((res) => setTimeout(res, 300));
        for (const [key, text] of SENT.slice(3)) {
          if (r.output.includes(text)) throw new StepFailure(`"${key}" matches neither "kern.*" nor "*.critical", but it printed "${text}"`);
        }
      } finally {
        r.kill();
        const ch = await checkChannel(ctx);
        await ch.deleteExchange(exchange).catch(() => {});
        await ch.close().catch(() => {});
      }
    },
  },
  {
    name: 'receive_logs_topic.ts "#" hears every key, and "kern.#" every kern key however many words',
    async run(ctx) {
      const exchange = ctx.name('topic');
      const all = ctx.run('receive_logs_topic', ['#'], { EXCHANGE: exchange });
      const kern = ctx.run('receive_logs_topic', ['kern.#'], { EXCHANGE: exchange });
      try {
        await all.waitFor(/Waiting for/, 'expected receive_logs_topic.ts "#" to start');
        await kern.waitFor(/Waiting for/, 'expected receive_logs_topic.ts "kern.#" to start');
        for (const [key, text] of SENT) await ctx.run('emit_log_topic', [key, text], { EXCHANGE: exchange }).finishes();
        await all.waitFor((o) => SENT.every(([k, t]) => o.includes(`${k}: ${t}`)), 'expected "#" to hear all five keys', 5000);
        await kern.waitFor((o) => ['kern.critical', 'kern.info', 'kern.usb.info'].every((k) => o.includes(`${k}:`)), 'expected "kern.#" to hear kern.critical, kern.info and kern.usb.info', 5000);
        if (kern.output.includes('app.')) throw new StepFailure('"kern.#" heard an app.* key');
      } finally {
        all.kill();
        kern.kill();
        const ch = await checkChannel(ctx);
        await ch.deleteExchange(exchange).catch(() => {});
        await ch.close().catch(() => {});
      }
    },
  },
];
