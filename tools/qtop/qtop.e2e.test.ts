/**
 * qtop and `npm start`'s dashboard in real tmux panes of 80×24: broker-sim runs with its dashboard
 * in one pane, qtop watches it from another, a publisher and a consumer act, and capture-pane shows
 * the new counts in both. Ctrl-C in the broker's pane stops the broker, and says where its data is.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import amqp from 'amqplib';
import { listDiscoveries } from '../../broker-sim/src/discovery.ts';
import { scratchDir } from '../../test/support/sim-process.ts';
import { hasTmux, TmuxSession } from '../../test/support/tmux.ts';

const sessions: TmuxSession[] = [];
const dirs: string[] = [];
after(() => {
  for (const s of sessions) s.kill();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('npm start shows the dashboard; qtop in another pane shows the same counts move', { skip: hasTmux ? false : 'tmux is not installed (apt-get install tmux)' }, async () => {
  const dir = scratchDir();
  dirs.push(dir);
  const tmux = new TmuxSession(80, 24);
  sessions.push(tmux);
  const env = { QUEUELAB_HOME: dir, LANG: 'C.UTF-8' };
  const brokerPane = await tmux.pane(`node bin/broker-sim.js --any-port --port 5800 --http-port 15800 --db ${join(dir, 'q.db')}`, env);
  await tmux.waitFor(brokerPane, /qtop \| broker-sim/, 20_000);
  const discovery = listDiscoveries({ QUEUELAB_HOME: dir })[0]!;
  const header = await tmux.waitFor(brokerPane, /AMQP_URL=amqp:\/\/guest:guest@127\.0\.0\.1:\d+/);
  assert.ok(header.includes(`AMQP_URL=${discovery.amqpUrl}`), 'the dashboard shows the URL students should use');

  const qtopPane = await tmux.pane('node bin/qtop.js', env);
  await tmux.waitFor(qtopPane, /qtop \| broker-sim/, 20_000);

  const c = await amqp.connect(discovery.amqpUrl);
  try {
    const ch = await c.createChannel();
    await ch.assertQueue('e2e-tasks', { durable: false });
    for (let i = 0; i < 7; i++) ch.sendToQueue('e2e-tasks', Buffer.from(`task ${i}`));
    const worker = await c.createChannel();
    await worker.prefetch(3);
    await worker.consume('e2e-tasks', () => {}, { consumerTag: 'e2e-worker' });
    // Within two seconds of the truth: 4 ready, 3 unacked, 1 consumer.
    const row = /e2e-tasks\s+4\s+3\s+1\s/;
    const inQtop = await tmux.waitFor(qtopPane, row, 5000);
    await tmux.waitFor(brokerPane, row, 5000);
    assert.match(inQtop, /e2e-worker/);
    for (const line of inQtop.split('\n')) assert.ok(line.length <= 80, `fits 80 columns: ${line}`);
  } finally {
    await c.close();
  }
  await tmux.keys(brokerPane, 'C-c');
  const stopped = await tmux.waitFor(brokerPane, /\[exit 0\]/, 10_000);
  assert.ok(stopped.includes(`broker-sim stopped; its data is in ${join(dir, 'q.db')}`), stopped);
  await tmux.waitFor(qtopPane, /broker-sim stopped — waiting/, 10_000);
});

test('qtop\'s lease line names the worker that holds the message (qprocessor --name), the message and its time left', { skip: hasTmux ? false : 'tmux is not installed (apt-get install tmux)' }, async () => {
  const dir = scratchDir();
  dirs.push(dir);
  const tmux = new TmuxSession(100, 100); // four panes of 25 lines
  sessions.push(tmux);
  const env = { QUEUELAB_HOME: dir, LANG: 'C.UTF-8' };
  const brokerPane = await tmux.pane(`node bin/broker-sim.js --any-port --port 5810 --http-port 15810 --no-tui --consumer-timeout 5m --db ${join(dir, 'q.db')}`, env);
  await tmux.waitFor(brokerPane, /broker-sim listening on/, 20_000);
  const workerPane = await tmux.pane('node bin/qprocessor.js -q e2e-leases --acknowledge --delay-per-char 10 --name alice', env);
  await tmux.waitFor(workerPane, /waiting for messages/, 20_000);
  const sendPane = await tmux.pane('node bin/qsend.js -q e2e-leases "resize photo"', env);
  await tmux.waitFor(sendPane, /\[exit 0\]/, 20_000);
  const qtopPane = await tmux.pane('node bin/qtop.js', env);
  const text = await tmux.waitFor(qtopPane, /lease: #\d+ "resize photo" held by alice for \d+s, \d+s left/, 20_000);
  assert.match(text, /alice \(amq\.ctag-[^)]+\) ch \d+ {2}prefetch ∞ {2}unacked 1/);
});
