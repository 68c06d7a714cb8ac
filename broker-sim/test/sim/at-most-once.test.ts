/**
 * broker-sim's own modes, beyond RabbitMQ: --at-most-once (with kill -9 in the middle), the
 * `requeue` command that relaunches failed messages, --time-scale, and the event log in SQLite.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Channel } from 'amqplib';
import { startPrivateSim } from '../../../test/support/brokers.ts';
import { scratchDir, startSimProcess, type SimProcess } from '../../../test/support/sim-process.ts';
import { body, channel, closeAll, connect, eventually, within } from '../conformance/support/amqp.ts';

const run = promisify(execFile);
const root = new URL('../../../', import.meta.url).pathname;
const dirs: string[] = [];
const sims: SimProcess[] = [];
after(async () => {
  await closeAll();
  for (const s of sims) await s.stop('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function sim(dir: string, extra: string[]): Promise<SimProcess> {
  const s = await startSimProcess(dir, extra);
  sims.push(s);
  return s;
}

function firstDelivery(ch: Channel, q: string): Promise<string> {
  return within(5000, `a delivery from ${q}`, new Promise((resolve) => {
    void ch.consume(q, (m) => { if (m) resolve(body(m)); });
  }));
}

test('--at-most-once: a task whose worker dies, or whose broker is killed -9 while it runs, is never run again', async () => {
  const dir = scratchDir();
  dirs.push(dir);
  let broker = await sim(dir, ['--at-most-once']);
  const { ch } = await channel(broker.url);
  await ch.assertQueue('tasks', { durable: true });
  const failed = await ch.checkQueue('tasks.failed');
  assert.equal(failed.messageCount, 0, 'tasks.failed is declared with tasks');
  for (const t of ['dies', 'killed', 'fine']) ch.sendToQueue('tasks', Buffer.from(t), { persistent: true });

  const w1 = await connect(broker.url);
  const c1 = await w1.createChannel();
  await c1.prefetch(1);
  assert.equal(await firstDelivery(c1, 'tasks'), 'dies');
  await w1.close(); // the worker dies without acking

  const w2 = await connect(broker.url);
  const c2 = await w2.createChannel();
  c2.on('error', () => {});
  await c2.prefetch(1);
  assert.equal(await firstDelivery(c2, 'tasks'), 'killed');
  await broker.stop('SIGKILL'); // the whole broker dies while 'killed' is being worked on

  broker = await sim(dir, ['--at-most-once']);
  const { ch: after } = await channel(broker.url);
  const w3 = await connect(broker.url);
  const c3 = await w3.createChannel();
  const seen: string[] = [];
  await c3.consume('tasks', (m) => { if (m) { seen.push(`${body(m)}:${m.fields.redelivered}`); c3.ack(m); } });
  await eventually('fine to be done', async () => seen.length, (n) => n >= 1);
  const dead: string[] = [];
  for (let m = await after.get('tasks.failed', { noAck: true }); m; m = await after.get('tasks.failed', { noAck: true })) {
    dead.push(`${body(m)}:${m.properties.headers?.['x-first-death-reason']}`);
  }
  // Marked redelivered as every stored message after a crash, as on RabbitMQ; it still runs once.
  assert.deepEqual(seen, ['fine:true'], 'only the task never handed out is run');
  assert.deepEqual(dead.sort(), ['dies:delivery_limit', 'killed:delivery_limit']);
});

test('broker-sim requeue relaunches failed messages on purpose, keeping their x-death story', async () => {
  const dir = scratchDir();
  dirs.push(dir);
  const broker = await sim(dir, ['--at-most-once']);
  const { ch } = await channel(broker.url);
  await ch.assertQueue('jobs', { durable: true });
  for (const t of ['a', 'b', 'c']) ch.sendToQueue('jobs', Buffer.from(t), { persistent: true });
  const w = await connect(broker.url);
  const wch = await w.createChannel();
  await wch.prefetch(3);
  let n = 0;
  await within(5000, 'three deliveries', new Promise<void>((resolve) => {
    void wch.consume('jobs', (m) => { if (m && ++n === 3) resolve(); });
  }));
  await w.close();
  await eventually('three failed', () => ch.checkQueue('jobs.failed'), (r) => r.messageCount === 3);

  const cli = (args: string[]) => run(process.execPath, [join(root, 'bin/broker-sim.js'), ...args],
    { env: { ...process.env, QUEUELAB_HOME: dir, AMQP_URL: '' } });
  const out = await cli(['requeue', '--from', 'jobs.failed', '--to', 'jobs', '--count', '2']);
  assert.match(out.stdout, /requeued 2 messages from jobs\.failed to jobs/);
  const relaunched = [];
  for (let m = await ch.get('jobs', { noAck: true }); m; m = await ch.get('jobs', { noAck: true })) relaunched.push(m);
  assert.deepEqual(relaunched.map(body), ['a', 'b']);
  assert.equal(relaunched[0]!.properties.headers?.['x-first-death-reason'], 'delivery_limit');
  assert.equal((await ch.checkQueue('jobs.failed')).messageCount, 1);

  const bad = await cli(['requeue', '--from', 'nope.failed', '--to', 'jobs']).catch((e: { stderr: string; code: number }) => e);
  assert.equal((bad as { code: number }).code, 1);
  assert.match((bad as { stderr: string }).stderr, /^broker-sim: no queue 'nope\.failed'\n$/);
});

test('--time-scale makes the default 30-minute consumer timeout run out in seconds', async () => {
  const s = await startPrivateSim({ timeScale: 1200 }); // 30 min / 1200 = 1.5 s
  try {
    const { ch: pub } = await channel(s.url);
    await pub.assertQueue('slow', { durable: false });
    pub.sendToQueue('slow', Buffer.from('x'));
    const { ch } = await channel(s.url);
    const closed = within(10_000, 'the scaled lease to run out', new Promise<string>((resolve) => {
      ch.once('error', (e: Error) => resolve(e.message));
    }));
    assert.equal(await firstDelivery(ch, 'slow'), 'x');
    assert.match(await closed, /Timeout value used: 1800000 ms/);
  } finally {
    await s.close();
  }
});

test('the event log keeps expired leases and dead-lettering in SQLite across a restart', async () => {
  const dir = scratchDir();
  dirs.push(dir);
  let broker = await sim(dir, ['--consumer-timeout', '300']);
  const { ch: pub } = await channel(broker.url);
  await pub.assertQueue('evq', { durable: true });
  pub.sendToQueue('evq', Buffer.from('late'), { persistent: true });
  const { ch } = await channel(broker.url);
  const closed = within(10_000, 'the lease to run out', new Promise<void>((resolve) => ch.once('error', () => resolve())));
  await firstDelivery(ch, 'evq');
  await closed;
  await broker.stop('SIGTERM');
  const db = new Database(join(dir, 'broker.db'), { readonly: true });
  try {
    const rows = db.prepare("SELECT kind, queue FROM events WHERE queue = 'evq' ORDER BY id").all() as { kind: string; queue: string }[];
    assert.deepEqual(rows.map((r) => r.kind), ['lease.expired', 'lease.released']);
  } finally {
    db.close();
  }
  broker = await sim(dir, []);
  void broker;
});

test('a TTL deadline survives kill -9: a message that expired while the broker was down is dead-lettered at start-up', async () => {
  const dir = scratchDir();
  dirs.push(dir);
  let broker = await sim(dir, []);
  const { ch } = await channel(broker.url);
  await ch.assertQueue('ttl.dead', { durable: true });
  await ch.assertQueue('ttl.src', { durable: true, arguments: { 'x-message-ttl': 600, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'ttl.dead' } });
  const conf = await (await connect(broker.url)).createConfirmChannel();
  await new Promise<void>((resolve, reject) => conf.sendToQueue('ttl.src', Buffer.from('stale'), { persistent: true }, (e) => (e ? reject(e) : resolve())));
  await broker.stop('SIGKILL');
  await new Promise((r) => setTimeout(r, 800));
  broker = await sim(dir, []);
  const { ch: after } = await channel(broker.url);
  await eventually('the expired message in ttl.dead', () => after.checkQueue('ttl.dead'), (r) => r.messageCount === 1);
  const m = await after.get('ttl.dead', { noAck: true });
  assert.ok(m);
  assert.equal(m.properties.headers?.['x-first-death-reason'], 'expired');
  assert.equal((await after.checkQueue('ttl.src')).messageCount, 0);
});

test('listening beyond loopback with only guest prints a warning; with a real user it does not', async () => {
  const dir = scratchDir();
  dirs.push(dir);
  const db = join(dir, 'w.db');
  const serve = (): Promise<string> => new Promise((resolve) => {
    const child = execFile(process.execPath, [join(root, 'bin/broker-sim.js'), '--host', '0.0.0.0', '--port', '0', '--no-http', '--db', db],
      { env: { ...process.env, QUEUELAB_HOME: dir } });
    let out = '';
    const collect = (d: Buffer | string) => {
      out += d;
      if (/listening on/.test(out)) setTimeout(() => { child.kill('SIGTERM'); }, 300);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', () => resolve(out));
  });
  assert.match(await serve(), /warning: listening on 0\.0\.0\.0 but the only user is guest/);
  await run(process.execPath, [join(root, 'bin/broker-sim.js'), 'user', 'add', 'alice', '--password', 'pw', '--vhost', 'alice', '--db', db]);
  assert.doesNotMatch(await serve(), /warning: listening on/);
});
