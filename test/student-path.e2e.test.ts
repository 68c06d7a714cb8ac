/**
 * A student's path in real tmux panes, as the lab sheet has it, with a RabbitMQ on 5672 when there is
 * one and broker-sim on another port: with no export, the lab 02 worker and qsend meet on broker-sim;
 * `--host` alone reaches port 5672; `qlab reset 11` says what it removed, and lab 13's steps then show
 * what its README says (held tasks per worker; a stopped worker's tasks back in ready).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import amqp from 'amqplib';
import { listDiscoveries, type Discovery } from '../broker-sim/src/discovery.ts';
import { scratchDir } from './support/sim-process.ts';
import { hasTmux, TmuxSession } from './support/tmux.ts';

const skip = hasTmux ? false : 'tmux is not installed (apt-get install tmux)';
const dir = scratchDir();
const tmux = new TmuxSession(200, 100);
/** As a student's shell: nothing exported but where the kit keeps its discovery entries. */
const env = { QUEUELAB_HOME: dir, AMQP_URL: '', MANAGEMENT_URL: '' };
let sim: Discovery;

before(async () => {
  if (skip) return;
  const pane = await tmux.pane(`node bin/broker-sim.js --no-tui --any-port --db ${join(dir, 'queuelab.db')}`, env);
  await tmux.waitFor(pane, /listening on amqp:\/\//, 20_000);
  sim = listDiscoveries(env)[0]!;
});
after(() => {
  tmux.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits for a pane's program to end: Ctrl-C stops the pane's shell too, and the pane closes. */
async function stopped(pane: string): Promise<void> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const text = await tmux.capture(pane).catch(() => undefined);
    if (text === undefined || /\[exit/.test(text)) return;
  }
  throw new Error(`pane ${pane} still runs: ${await tmux.capture(pane)}`);
}

/** A line naming broker-sim and its port: the program found it without AMQP_URL. */
const onSim = (): RegExp => new RegExp(`connected to broker-sim at amqp://guest:\\*\\*\\*@127\\.0\\.0\\.1:${new URL(sim.amqpUrl).port}`);

test('the lab 02 worker and qsend meet on the running broker-sim with nothing exported', { skip }, async () => {
  const worker = await tmux.pane('node --import tsx solutions/02-work-queues/worker.ts', { ...env, DELAY_MS: '10' });
  await tmux.waitFor(worker, onSim(), 20_000);
  const send = await tmux.pane('node bin/qsend.js -q task_queue "First message." "Second message.."', env);
  await tmux.waitFor(send, /\[exit 0\]/, 20_000);
  assert.match(await tmux.capture(send), onSim());
  await tmux.waitFor(worker, /Done[\s\S]*Received Second message\.\.[\s\S]*Done/, 20_000);
});

test('--host without --port means port 5672 on that host, not the running broker-sim\'s port', { skip }, async () => {
  const queue = `student-path.host.${process.pid}`;
  const pane = await tmux.pane(`node bin/qprocessor.js -q ${queue} --host 127.0.0.1`, env);
  const text = await tmux.waitFor(pane, /connected to .* at amqp:\/\/guest:\*\*\*@127\.0\.0\.1:\d+|cannot connect/, 20_000);
  assert.match(text, /connected to (RabbitMQ [\d.]+|broker-sim) at amqp:\/\/guest:\*\*\*@127\.0\.0\.1:5672[\s(]/);
  await tmux.keys(pane, 'C-c');
  await stopped(pane);
  const c = await amqp.connect('amqp://guest:guest@127.0.0.1:5672');
  await (await c.createChannel()).deleteQueue(queue);
  await c.close();
});

test('qlab reset 11 says what it removed; then lab 13 shows who holds what, as its README says', { skip }, async () => {
  // What lab 11 leaves behind: its quorum queue with delivery limit 0.
  const c = await amqp.connect(sim.amqpUrl);
  const ch = await c.createChannel();
  await ch.assertQueue('tasks', { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 0 } });
  await c.close();
  const reset = await tmux.pane('node bin/qlab.js reset 11', env);
  await tmux.waitFor(reset, /\[exit 0\]/, 20_000);
  assert.match(await tmux.capture(reset), /lab 11: removed queue tasks \(0 messages\)/);

  // Lab 13, step 1: two workers holding two tasks each, twenty tasks sent.
  const flags = '-q inspect_tasks --acknowledge --prefetch 2 --delay-per-char 1';
  await tmux.pane(`node bin/qprocessor.js ${flags} --name alice`, env);
  const bob = await tmux.pane(`node bin/qprocessor.js ${flags} --name bob`, env);
  await tmux.waitFor(bob, /waiting for messages/, 20_000);
  const send = await tmux.pane('node bin/qsend.js -q inspect_tasks --count 20 --body "task {i} ........"', env);
  await tmux.waitFor(send, /\[exit 0\]/, 20_000);

  // Step 3: inspect.ts (the solution) reads the API of the broker it finds.
  const inspect = 'node --import tsx solutions/13-inside-the-broker/inspect.ts';
  const first = await tmux.pane(inspect, env);
  const seen = await tmux.waitFor(first, /\[exit 0\]/, 20_000);
  assert.match(seen, new RegExp(`management API at ${sim.managementUrl!.replace(/[.]/g, '\\.')}`));
  assert.match(seen, /queue inspect_tasks: ready=16 unacked=4 consumers=2/);
  const consumerLines = (text: string): number => (text.match(/^consumer \S+ on inspect_tasks from .* \(channel \d+\) prefetch=2$/gm) ?? []).length;
  assert.equal(consumerLines(seen), 2, seen);

  // Kill bob: his held tasks are back in ready, and his consumer line is gone.
  // The second Ctrl-C once the first is seen: two sent at once can reach the worker as one signal.
  await tmux.keys(bob, 'C-c');
  await tmux.waitFor(bob, /Ctrl-C again to stop now/, 20_000);
  await tmux.keys(bob, 'C-c');
  await stopped(bob);
  const again = await tmux.pane(inspect, env);
  const later = await tmux.waitFor(again, /\[exit 0\]/, 20_000);
  assert.match(later, /queue inspect_tasks: ready=18 unacked=2 consumers=1/);
  assert.equal(consumerLines(later), 1, later);
});
