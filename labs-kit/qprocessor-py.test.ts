/**
 * labs/qprocessor.py, the lab sheet's worker in Python, does and prints what the kit's qprocessor
 * does: run side by side on the same messages, both print the same events (RECEIVED, DONE, ACKED,
 * LOST, REDELIVERED, the summary on Ctrl-C), and the broker sees the same. On both brokers.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import amqp from 'amqplib';
import { forEachBroker } from '../test/support/brokers.ts';
import { findPython, pythonMissing } from './python.ts';

const root = new URL('../', import.meta.url).pathname;
const python = findPython();
const skip = python ? false : pythonMissing();

class Worker {
  out = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(command: string, args: string[], env: Record<string, string>) {
    this.child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d) => { this.out += d; });
    this.child.stderr!.on('data', (d) => { this.out += d; });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  async waitFor(ok: (out: string) => boolean, what: string, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ok(this.out)) {
      if (Date.now() > deadline) assert.fail(`expected ${what}; it printed:\n${this.out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Ctrl-C, then the exit code. */
  async interrupt(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }

  /** One Ctrl-C, without waiting for the exit. */
  ctrlC(): void {
    this.child.kill('SIGINT');
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** The event lines without their time and worker name: `RECEIVED    #1 "task 1"`. */
const events = (out: string): string[] => [...out.matchAll(/^\d\d:\d\d:\d\d \[[^\]]+\] (?!INFO)(.*)$/gm)].map((m) => m[1]!);
const summaryOf = (out: string): string | undefined => /summary: .*/.exec(out)?.[0];
const count = (out: string, event: string): number => events(out).filter((e) => e.startsWith(`${event} `)).length;

forEachBroker('qprocessor.py', (broker) => {
  const workers: Worker[] = [];
  const conns: amqp.ChannelModel[] = [];
  after(async () => {
    for (const w of workers) w.kill();
    for (const c of conns) await c.close().catch(() => {});
  });

  const py = (flags: string[], env: Record<string, string> = {}): Worker => {
    const w = new Worker(python!, ['-u', 'labs/qprocessor.py', ...flags], { AMQP_URL: broker.url, ...env });
    workers.push(w);
    return w;
  };
  const ts = (flags: string[]): Worker => {
    const w = new Worker(process.execPath, ['bin/qprocessor.js', ...flags], { AMQP_URL: broker.url });
    workers.push(w);
    return w;
  };
  async function channel(): Promise<amqp.Channel> {
    const c = await amqp.connect(broker.url);
    conns.push(c);
    return c.createChannel();
  }
  async function send(queue: string, bodies: string[]): Promise<void> {
    const ch = await channel();
    for (const b of bodies) ch.sendToQueue(queue, Buffer.from(b));
    await ch.checkQueue(queue); // a round trip: the broker has them all
  }
  const tasks = ['task 1', 'task 2', 'task 3', 'task 4', 'task 5', 'task 6'];

  /** Runs both workers with the same flags on queues of their own and the same messages. */
  async function sideBySide(flags: string[]): Promise<{ q: { py: string; ts: string }; py: Worker; ts: Worker }> {
    const q = { py: broker.name('qp-py'), ts: broker.name('qp-ts') };
    const p = py(['--queue', q.py, '--delay-per-char', '0', '--name', 'P', ...flags]);
    const t = ts(['--queue', q.ts, '--delay-per-char', '0', '--name', 'T', ...flags]);
    for (const [w, queue] of [[p, q.py], [t, q.ts]] as const) {
      await w.waitFor((o) => /waiting for messages/.test(o), 'the worker to start');
      await send(queue, tasks);
      await w.waitFor((o) => events(o).length === 12, 'six messages received, four done and two lost');
      assert.equal(await w.interrupt(), 0, w.out);
    }
    return { q, py: p, ts: t };
  }

  test('--lose-every 3 without --acknowledge: the same events as qprocessor, one in three lost for good', { skip }, async () => {
    const { q, py: p, ts: t } = await sideBySide(['--lose-every', '3']);
    assert.deepEqual(events(p.out), events(t.out));
    assert.equal(summaryOf(p.out), summaryOf(t.out));
    assert.match(p.out, /LOST {8}#3 "task 3" auto-acked, so it is gone for good/);
    assert.equal(summaryOf(p.out), 'summary: received 6, acked 0, lost 2, nacked 0, rejected 0, redelivered seen 0');
    const ch = await channel();
    assert.equal((await ch.checkQueue(q.py)).messageCount, 0, 'nothing is left to redeliver');
  });

  test('--acknowledge --lose-every 3: the same events as qprocessor; the lost ones come back to the next worker, redelivered', { skip }, async () => {
    const { q, py: p, ts: t } = await sideBySide(['--acknowledge', '--lose-every', '3']);
    assert.deepEqual(events(p.out), events(t.out));
    assert.equal(summaryOf(p.out), 'summary: received 6, acked 4, lost 2, nacked 0, rejected 0, redelivered seen 0');
    assert.match(p.out, /LOST {8}#6 "task 6" never acked/);
    const next = py(['--queue', q.py, '--acknowledge', '--delay-per-char', '0', '--name', 'B']);
    await next.waitFor((o) => count(o, 'ACKED') === 2, 'the two lost messages acked by a second worker');
    assert.deepEqual(events(next.out), ['REDELIVERED #1 "task 3"', 'ACKED       #1 done', 'REDELIVERED #2 "task 6"', 'ACKED       #2 done']);
    assert.equal(await next.interrupt(), 0);
    const ch = await channel();
    assert.equal((await ch.checkQueue(q.py)).messageCount, 0);
  });

  test('--prefetch 1 holds one message at a time; Ctrl-C finishes the current one and acks it', { skip }, async () => {
    const q = broker.name('qp-prefetch');
    const w = py(['--queue', q, '--acknowledge', '--prefetch', '1', '--delay-per-char', '0.2', '--name', 'P']);
    await w.waitFor((o) => /waiting for messages on '.*' \(manual acks, prefetch 1\)/.test(o), 'the worker to start with prefetch 1');
    await send(q, ['slow.', 'b', 'c']);
    await w.waitFor((o) => count(o, 'RECEIVED') === 1, 'the first message received');
    const ch = await channel();
    assert.equal((await ch.checkQueue(q)).messageCount, 2, 'the other two wait in the queue, not in the worker');
    assert.equal(await w.interrupt(), 0);
    assert.match(w.out, /stopping: finishing the current message/);
    assert.match(w.out, /ACKED {7}#1 done/, 'the current message was finished and acked');
    assert.equal((await ch.checkQueue(q)).messageCount, 2, 'the rest are still in the queue');
  });

  test('the sheet\'s flags reach the broker; a wrong password is one line and exit code 1', { skip }, async () => {
    const u = new URL(broker.url);
    const flags = ['--host', u.hostname, '--port', u.port || '5672', '--vhost', decodeURIComponent(u.pathname.slice(1)) || '/',
      '--username', decodeURIComponent(u.username), '--queue', broker.name('qp-flags'), '--name', 'F'];
    const ok = py([...flags, '--password', decodeURIComponent(u.password)], { AMQP_URL: 'amqp://nobody:wrong@127.0.0.1:1' });
    await ok.waitFor((o) => /waiting for messages/.test(o), 'the worker to connect with the flags alone');
    assert.equal(await ok.interrupt(), 0);
    const refused = py([...flags, '--password', 'wrong-password']);
    assert.equal(await refused.exited, 1);
    assert.equal(refused.out.trim(), `qprocessor.py: login refused for user '${decodeURIComponent(u.username)}' at ${u.hostname}:${u.port || 5672}; check --username and --password`);
  });

  test('--concurrency 3: the same events as qprocessor, three held at once, each acked when its own work ends', { skip }, async () => {
    const q = { py: broker.name('qp-conc-py'), ts: broker.name('qp-conc-ts') };
    const flags = ['--acknowledge', '--concurrency', '3', '--delay-per-char', '0.3'];
    const p = py(['--queue', q.py, '--name', 'P', ...flags]);
    const t = ts(['--queue', q.ts, '--name', 'T', ...flags]);
    for (const [w, queue] of [[p, q.py], [t, q.ts]] as const) {
      await w.waitFor((o) => /waiting for messages on '.*' \(manual acks, prefetch 3, 3 at once\)/.test(o), 'the worker to start, prefetch 3');
      await send(queue, ['aaa', 'b', 'cc', 'd']);
      await w.waitFor((o) => count(o, 'RECEIVED') === 3, 'three messages in slots');
      await w.waitFor((o) => count(o, 'ACKED') === 4, 'all four acked');
      assert.equal(await w.interrupt(), 0, w.out);
    }
    assert.deepEqual(events(p.out), events(t.out));
    assert.deepEqual(events(p.out).slice(0, 4), ['RECEIVED    #1 "aaa" (slot 1)', 'RECEIVED    #2 "b" (slot 2)', 'RECEIVED    #3 "cc" (slot 3)',
      'ACKED       #2 "b" (slot 2) done'], p.out);
    assert.equal(summaryOf(p.out), 'summary: received 4, acked 4, lost 0, nacked 0, rejected 0, redelivered seen 0; at most 3 at once (of 3)');
    assert.equal(summaryOf(p.out), summaryOf(t.out));
  });

  test('--concurrency and --block refuse what cannot work, in qprocessor\'s words, before connecting', { skip }, async () => {
    for (const flags of [['--concurrency', '2'], ['--concurrency', '2', '--acknowledge', '--block'], ['--concurrency', '3', '--acknowledge', '--prefetch', '1']]) {
      const p = py(['--queue', 'unused', ...flags], { AMQP_URL: 'amqp://nobody:wrong@127.0.0.1:1' });
      const t = new Worker(process.execPath, ['bin/qprocessor.js', '--queue', 'unused', ...flags], { AMQP_URL: 'amqp://nobody:wrong@127.0.0.1:1' });
      workers.push(t);
      assert.equal(await p.exited, 1, p.out);
      assert.equal(await t.exited, 1, t.out);
      assert.equal(p.out.trim().replace(/^qprocessor\.py: /, ''), t.out.trim().replace(/^qprocessor: /, ''));
    }
  });

  test('--block: work longer than the heartbeats gets the worker dropped, and it says so; without it the heartbeats flow', { skip }, async () => {
    const q = broker.name('qp-block');
    const flags = ['--queue', q, '--acknowledge', '--heartbeat', '1', '--delay-per-char', '1'];
    const blocked = py([...flags, '--block', '--name', 'A']);
    await blocked.waitFor((o) => /waiting for messages on '.*' \(manual acks, work blocks the process\)/.test(o), 'the worker to start');
    await send(q, ['xxxxxx']);
    assert.equal(await blocked.exited, 1, blocked.out);
    assert.match(blocked.out, /ERROR +#1 "xxxxxx" worked on, but the connection was lost before its ack: never acked/);
    assert.match(blocked.out, /qprocessor\.py: the broker dropped this worker: its work blocked the process for 6\.0s with a heartbeat of 1s, so it missed its heartbeats/);
    assert.doesNotMatch(blocked.out, /ACKED/);
    const threaded = py([...flags, '--delay-per-char', '0.5', '--name', 'B']);
    await threaded.waitFor((o) => /REDELIVERED #1 "xxxxxx"[\s\S]*ACKED +#1 done/.test(o), 'the message redelivered and acked by a worker whose work leaves the heartbeats free');
    assert.equal(await threaded.interrupt(), 0, threaded.out);
    const ch = await channel();
    assert.equal((await ch.checkQueue(q)).messageCount, 0);
  });

  test('a second Ctrl-C stops now, as qprocessor\'s: the message in progress goes back to the queue, exit code 130', { skip }, async () => {
    const q = broker.name('qp-stop-now');
    const w = py(['--queue', q, '--acknowledge', '--delay-per-char', '1', '--name', 'P']);
    await w.waitFor((o) => /waiting for messages/.test(o), 'the worker to start');
    await send(q, ['a long task']);
    await w.waitFor((o) => count(o, 'RECEIVED') === 1, 'the task received');
    w.ctrlC();
    await w.waitFor((o) => /stopping: finishing the current message; Ctrl-C again to stop now/.test(o), 'the first Ctrl-C said');
    assert.equal(await w.interrupt(), 130, w.out);
    assert.match(w.out, /stopped now: the messages in progress were not finished \(unacknowledged ones go back to the queue\)/);
    assert.equal(summaryOf(w.out), 'summary: received 1, acked 0, lost 0, nacked 0, rejected 0, redelivered seen 0');
    const ch = await channel();
    assert.equal((await ch.checkQueue(q)).messageCount, 1, 'the task is back in the queue');
  });
});
