/**
 * qprocessor and qsend as students run them: workers in real tmux panes, messages sent with qsend,
 * what each pane shows read back with capture-pane. Against broker-sim, and RabbitMQ when set.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import amqp from 'amqplib';
import { forEachBroker } from '../../test/support/brokers.ts';
import { hasTmux, TmuxSession } from '../../test/support/tmux.ts';

const root = new URL('../../', import.meta.url).pathname;

function runTool(tool: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${root}bin/${tool}.js`, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Bodies a pane shows for an event, in order, e.g. RECEIVED or LOST lines. */
function bodiesOf(text: string, event: string): string[] {
  return [...text.matchAll(new RegExp(`\\] ${event}\\s+#\\d+ "([^"]*)"`, 'g'))].map((m) => m[1]!);
}
const count = (text: string, event: string): number => (text.match(new RegExp(`\\] ${event}\\s`, 'g')) ?? []).length;

forEachBroker('qprocessor and qsend in tmux', (broker) => {
  const sessions: TmuxSession[] = [];
  const conns: amqp.ChannelModel[] = [];
  after(async () => {
    for (const s of sessions) s.kill();
    for (const c of conns) await c.close().catch(() => {});
  });

  async function session(): Promise<TmuxSession> {
    const s = new TmuxSession();
    sessions.push(s);
    return s;
  }
  async function depth(q: string): Promise<{ messageCount: number; consumerCount: number }> {
    const c = await amqp.connect(broker.url);
    conns.push(c);
    const ch = await c.createChannel();
    const r = await ch.checkQueue(q);
    await c.close();
    return r;
  }
  const env = () => ({ AMQP_URL: broker.url });
  const worker = (q: string, flags: string) => `node bin/qprocessor.js -q ${q} --delay-per-char 0 ${flags}`;

  test('two workers in tmux panes share six messages round-robin', async (t) => {
    if (!hasTmux) { t.skip('tmux is not installed (apt-get install tmux)'); return; }
    const q = broker.name('lab-round-robin');
    const s = await session();
    const a = await s.pane(worker(q, '--name A'), env());
    await s.waitFor(a, /waiting for messages/);
    const b = await s.pane(worker(q, '--name B'), env());
    await s.waitFor(b, /waiting for messages/);
    const sent = await runTool('qsend', ['-q', q, 'm1', 'm2', 'm3', 'm4', 'm5', 'm6'], env());
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(sent.stdout, /sent 6/);
    const textA = await s.waitFor(a, (x) => count(x, 'DONE') === 3);
    const textB = await s.waitFor(b, (x) => count(x, 'DONE') === 3);
    assert.deepEqual(bodiesOf(textA, 'RECEIVED'), ['m1', 'm3', 'm5']);
    assert.deepEqual(bodiesOf(textB, 'RECEIVED'), ['m2', 'm4', 'm6']);
  });

  test('--lose-every 3 without --acknowledge loses exactly one message in three, for good', async (t) => {
    if (!hasTmux) { t.skip('tmux is not installed (apt-get install tmux)'); return; }
    const q = broker.name('lab-lose');
    const s = await session();
    const a = await s.pane(worker(q, '--lose-every 3 --name A'), env());
    await s.waitFor(a, /waiting for messages/);
    await runTool('qsend', ['-q', q, '--count', '6', '--body', 'task {i}'], env());
    const text = await s.waitFor(a, (x) => count(x, 'DONE') + count(x, 'LOST') === 6);
    assert.deepEqual(bodiesOf(text, 'LOST'), ['task 3', 'task 6']);
    assert.equal(count(text, 'DONE'), 4);
    assert.match(text, /LOST\s+#3 "task 3" auto-acked, so it is gone for good/);
    await s.keys(a, 'C-c');
    await s.waitFor(a, /summary: received 6, acked 0, lost 2/);
    assert.equal((await depth(q)).messageCount, 0, 'nothing is left to redeliver');
  });

  test('with --acknowledge nothing is lost: the lost messages come back, marked redelivered', async (t) => {
    if (!hasTmux) { t.skip('tmux is not installed (apt-get install tmux)'); return; }
    const q = broker.name('lab-ack');
    const s = await session();
    const a = await s.pane(worker(q, '--acknowledge --lose-every 3 --name A'), env());
    await s.waitFor(a, /waiting for messages/);
    await runTool('qsend', ['-q', q, '--count', '6', '--body', 'task {i}'], env());
    const textA = await s.waitFor(a, (x) => count(x, 'ACKED') + count(x, 'LOST') === 6);
    assert.deepEqual(bodiesOf(textA, 'LOST'), ['task 3', 'task 6']);
    assert.match(textA, /never acked/);
    await s.keys(a, 'C-c');
    await s.waitFor(a, /summary: received 6, acked 4, lost 2/);
    const b = await s.pane(worker(q, '--acknowledge --name B'), env());
    const textB = await s.waitFor(b, (x) => count(x, 'ACKED') === 2);
    assert.deepEqual(bodiesOf(textB, 'REDELIVERED'), ['task 3', 'task 6']);
    assert.equal((await depth(q)).messageCount, 0);
  });

  test('after --crash-every, a second worker sees every message the first did not finish', async (t) => {
    if (!hasTmux) { t.skip('tmux is not installed (apt-get install tmux)'); return; }
    const q = broker.name('lab-crash');
    const s = await session();
    const a = await s.pane(worker(q, '--acknowledge --crash-every 3 --name A'), env());
    await s.waitFor(a, /waiting for messages/);
    await runTool('qsend', ['-q', q, '--count', '5', '--body', 'job {i}'], env());
    const textA = await s.waitFor(a, /\[exit 3\]/);
    assert.match(textA, /CRASH\s+#3/);
    const ackedByA = bodiesOf(textA.replace(/ACKED\s+#(\d+) done/g, ''), 'RECEIVED').slice(0, 2);
    const b = await s.pane(worker(q, '--acknowledge --name B'), env());
    const textB = await s.waitFor(b, (x) => count(x, 'ACKED') === 3);
    const seenByB = [...bodiesOf(textB, 'RECEIVED'), ...bodiesOf(textB, 'REDELIVERED')].sort();
    assert.deepEqual([...ackedByA, ...seenByB].sort(), ['job 1', 'job 2', 'job 3', 'job 4', 'job 5']);
    assert.ok(bodiesOf(textB, 'REDELIVERED').includes('job 3'), 'the crashed one comes back redelivered');
  });

  test('a wrong password gives one clear line and a non-zero exit, no stack trace', async () => {
    const u = new URL(broker.url);
    u.password = 'wrong-password';
    const r = await runTool('qprocessor', ['-q', 'anything', '--url', u.toString()], {});
    assert.equal(r.code, 1);
    const lines = r.stderr.split('\n').filter((l) => l && !l.includes('nodedir'));
    assert.deepEqual(lines, [`qprocessor: login refused for user 'guest' at ${u.hostname}:${u.port}; check --username and --password`]);
  });

  test('a refused connection says the broker is not running', async () => {
    const r = await runTool('qsend', ['-q', 'x', 'hello', '--url', 'amqp://guest:guest@127.0.0.1:1'], {});
    assert.equal(r.code, 1);
    assert.match(r.stderr, /qsend: cannot connect to 127\.0\.0\.1:1: connection refused; is the broker running\?/);
  });
});
