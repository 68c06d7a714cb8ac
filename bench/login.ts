/**
 * The login scenario: a well-behaved client's round trips (queue.declare passive) while 300 wrong
 * logins arrive 30 at a time from another process, against its round trips on an idle broker; and how long a refusal
 * takes for a user who exists and for one who does not (equal, or names can be found by timing).
 */
import { spawn } from 'node:child_process';
import amqp, { type Channel } from 'amqplib';
import type { Scenario } from './scenarios.ts';

const STORM = 300;
const WAVE = 30;

function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

/** Resolves with the ms one refused login took (it must be refused). */
async function refusedLogin(url: string): Promise<number> {
  const start = performance.now();
  try {
    const c = await amqp.connect(url);
    await c.close();
    throw new Error('a wrong login was accepted');
  } catch (err) {
    if ((err as Error).message === 'a wrong login was accepted') throw err;
  }
  return performance.now() - start;
}

/** The storm in a child process (see login-storm.ts): when its first wave goes out, and when it is over. */
function storm(url: string): { started: Promise<void>; ended: Promise<void> } {
  const script = new URL('./login-storm.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, url, String(STORM), String(WAVE)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const ended = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the login storm failed (exit ${code})`)))));
  return { started, ended };
}

/** Round trips, in ms, until `until` resolves (at least `min` of them). */
async function roundTrips(ch: Channel, queue: string, until: Promise<unknown>, min = 0): Promise<number[]> {
  let done = false;
  void until.then(() => { done = true; });
  const samples: number[] = [];
  while (!done || samples.length < min) {
    const start = performance.now();
    await ch.checkQueue(queue);
    samples.push(performance.now() - start);
  }
  return samples;
}

const quantile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const median = (xs: number[]): number => quantile(xs, 0.5);

export const loginScenario: Scenario = {
  id: 'login',
  title: `a client's round trip while ${STORM} wrong logins arrive ${WAVE} at a time`,
  async run(broker) {
    const conn = await amqp.connect(broker.url);
    conn.on('error', () => {});
    const ch = await conn.createChannel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    const idle = await roundTrips(ch, queue, Promise.resolve(), 300);
    const wrong = withCredentials(broker.url, 'guest', 'not-the-password');
    const { started, ended } = storm(wrong);
    await started;
    const stormStart = performance.now();
    const loaded = await roundTrips(ch, queue, ended, 1);
    const stormMs = performance.now() - stormStart;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 30; i++) {
      known.push(await refusedLogin(wrong));
      unknown.push(await refusedLogin(withCredentials(broker.url, 'no-such-user', 'not-the-password')));
    }
    await conn.close();
    const ratio = median(loaded) / median(idle);
    return [
      { name: 'round trip p50, idle', value: median(idle), unit: 'ms' },
      { name: 'round trip max, idle', value: Math.max(...idle), unit: 'ms' },
      { name: 'round trip p50, under the storm', value: median(loaded), unit: 'ms' },
      { name: 'round trip max, under the storm', value: Math.max(...loaded), unit: 'ms' },
      { name: 'p50 under the storm ÷ idle', value: ratio, unit: '×', target: '≤ 1× RabbitMQ', maxRatio: 1 },
      { name: `${STORM} wrong logins took`, value: stormMs, unit: 'ms' },
      { name: 'refusal, known user (median)', value: median(known), unit: 'ms' },
      { name: 'refusal, unknown user (median)', value: median(unknown), unit: 'ms' },
    ];
  },
};
