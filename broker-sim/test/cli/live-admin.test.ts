/**
 * The admin commands while broker-sim runs on the database: they go through the running broker's
 * management API with its local admin token, so a change takes effect at once — a new user logs in
 * on the next connection, a deleted user's connection is closed, a deleted vhost's durable
 * exchanges are gone for good. With no broker running, the same commands write the database.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import amqp from 'amqplib';
import { adminTokenPath } from '../../src/admin-token.ts';
import { listDiscoveries } from '../../src/discovery.ts';
import { authenticate } from '../../src/http/auth.ts';
import { HttpError } from '../../src/http/errors.ts';
import { cliOn } from './support.ts';
import { scratchDir, startSimProcess, type SimProcess } from '../../../tools/shared/brokers/index.ts';
import { closeAll, connect, refusal, within } from '../conformance/support/amqp.ts';

const dir = scratchDir();
const db = join(dir, 'broker.db');
// The commands find the broker through discovery, as in the child's QUEUELAB_HOME.
process.env.QUEUELAB_HOME = dir;
let sim: SimProcess;

const cli = cliOn(db);

const start = (): Promise<SimProcess> => startSimProcess(dir, ['--http-port', '0', '--no-tui']);

function url(user: string, password: string, vhost: string): string {
  const u = new URL(sim.url);
  u.username = user;
  u.password = password;
  u.pathname = `/${encodeURIComponent(vhost)}`;
  return u.toString();
}

function managementUrl(): string {
  const url = listDiscoveries().find((d) => d.pid === sim.pid)?.managementUrl;
  if (!url) throw new Error('the broker has no discovery entry with a management URL');
  return url;
}

/** The running broker's management API as guest. */
async function guest(method: string, path: string): Promise<number> {
  const res = await fetch(`${managementUrl()}/api${path}`, { method, headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
  await res.arrayBuffer();
  return res.status;
}

before(async () => { sim = await start(); });
after(async () => {
  await closeAll();
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the running broker writes its admin token next to the database, readable by its owner only', () => {
  const mode = statSync(adminTokenPath(db)).mode & 0o777;
  assert.equal(mode.toString(8), '600');
  const token = JSON.parse(readFileSync(adminTokenPath(db), 'utf8'));
  assert.equal(token.pid, sim.pid);
});

test('a user added while the broker runs logs in on the very next connection', async () => {
  assert.deepEqual(await cli('user', 'add', 'bob', '--password', 'pw', '--vhost', 'bob'),
    [`user 'bob' saved with rights on 'bob' on the running broker-sim (pid ${sim.pid})`]);
  const c = await amqp.connect(url('bob', 'pw', 'bob'));
  await c.close();
});

test("a user deleted while connected has the connection closed: 320 CONNECTION_FORCED, RabbitMQ's text", async () => {
  await cli('user', 'add', 'carol', '--password', 'pw', '--vhost', 'carol');
  const conn = await connect(url('carol', 'pw', 'carol'));
  const closed = within(5000, "carol's connection to be closed", new Promise<Error>((resolve) => conn.once('close', resolve)));
  assert.deepEqual(await cli('user', 'delete', 'carol'), [`user 'carol' deleted on the running broker-sim (pid ${sim.pid})`]);
  assert.match(String(await closed), /CONNECTION_FORCED - user 'carol' is deleted/);
  assert.match(await refusal(url('carol', 'pw', 'carol')), /ACCESS_REFUSED|403/);
});

test('permission set and clear take effect on the running broker; list shows them', async () => {
  await cli('user', 'add', 'dave', '--password', 'pw');
  await cli('vhost', 'add', 'shared');
  assert.match(await refusal(url('dave', 'pw', 'shared')), /ConnectionClose/);
  await cli('permission', 'set', 'dave', 'shared', '--configure', '^dave-.*');
  assert.ok((await cli('permission', 'list', '--vhost', 'shared')).includes('dave\tshared\t^dave-.*\t.*\t.*'));
  assert.equal(await refusal(url('dave', 'pw', 'shared')), 'connected');
  await cli('permission', 'clear', 'dave', 'shared');
  assert.match(await refusal(url('dave', 'pw', 'shared')), /ConnectionClose/);
  await assert.rejects(cli('permission', 'clear', 'dave', 'shared'), /'dave' has no permissions on 'shared'/);
});

test('vhost limit set takes effect on the running broker: a queue over max-queues is refused', async () => {
  await cli('user', 'add', 'erin', '--password', 'pw', '--vhost', 'erin');
  assert.deepEqual(await cli('vhost', 'limit', 'set', 'erin', 'max-queues', '1'),
    [`vhost 'erin': max-queues 1 on the running broker-sim (pid ${sim.pid})`]);
  assert.deepEqual(await cli('vhost', 'limit', 'list'), ['erin\tmax-queues=1']);
  const conn = await connect(url('erin', 'pw', 'erin'));
  const ch = await conn.createChannel();
  ch.on('error', () => {});
  await ch.assertQueue('one');
  await assert.rejects(ch.assertQueue('two'), /PRECONDITION_FAILED - cannot declare queue 'two': queue limit in vhost 'erin' \(1\) is reached/);
  await conn.close();
  await cli('vhost', 'limit', 'clear', 'erin', 'max-queues');
  assert.deepEqual(await cli('vhost', 'limit', 'list'), []);
});

test('policy set and clear take effect on the running broker: a queue that exists gets the policy at once', async () => {
  await cli('user', 'add', 'ivy', '--password', 'pw', '--vhost', 'ivy');
  const conn = await connect(url('ivy', 'pw', 'ivy'));
  const ch = await conn.createConfirmChannel();
  await ch.assertQueue('lab.q', { durable: false });
  assert.deepEqual(await cli('policy', 'set', 'short', '^lab\\.', '{"max-length": 1}', '--vhost', 'ivy'),
    [`policy 'short' set in vhost 'ivy' on the running broker-sim (pid ${sim.pid})`]);
  assert.deepEqual(await cli('policy', 'list', '--vhost', 'ivy'), ['ivy\tshort\t^lab\\.\tall\t0\t{"max-length":1}']);
  for (const b of ['1', '2']) ch.sendToQueue('lab.q', Buffer.from(b));
  await ch.waitForConfirms();
  assert.equal((await ch.checkQueue('lab.q')).messageCount, 1, "the policy's max-length holds the queue to one message");
  await assert.rejects(cli('policy', 'set', 'bad', 'x', '{"max-length": "a"}', '--vhost', 'ivy'), /^Error: policy refused: <<"a">> is not a valid maximum length$/);
  assert.deepEqual(await cli('policy', 'clear', 'short', '--vhost', 'ivy'), [`policy 'short' cleared in vhost 'ivy' on the running broker-sim (pid ${sim.pid})`]);
  await assert.rejects(cli('policy', 'clear', 'short', '--vhost', 'ivy'), /^Error: no policy 'short' in vhost 'ivy'$/);
  await conn.close();
});

test("a vhost deleted while the broker runs: its durable exchanges and bindings do not come back after a restart", async () => {
  await cli('user', 'add', 'fay', '--password', 'pw', '--vhost', 'fay');
  const conn = await connect(url('fay', 'pw', 'fay'));
  const ch = await conn.createChannel();
  await ch.assertExchange('orders', 'topic', { durable: true });
  await ch.assertQueue('orders.q', { durable: true });
  await ch.bindQueue('orders.q', 'orders', '#');
  const closed = within(5000, "fay's connection to be closed", new Promise<Error>((resolve) => conn.once('close', resolve)));
  assert.deepEqual(await cli('vhost', 'delete', 'fay'), [`vhost 'fay' deleted on the running broker-sim (pid ${sim.pid})`]);
  assert.match(String(await closed), /CONNECTION_FORCED - vhost 'fay' is deleted/);
  await cli('vhost', 'add', 'fay');
  await sim.stop();
  sim = await start();
  // The vhost is there again (made anew), so a 404 says the exchange and queue are gone, not the vhost.
  assert.equal(await guest('GET', '/vhosts/fay'), 200);
  assert.equal(await guest('GET', '/exchanges/fay/orders'), 404);
  assert.equal(await guest('GET', '/queues/fay/orders.q'), 404);
});

test('with no broker running, the same commands write the database, and the next broker has them', async () => {
  await sim.stop();
  assert.deepEqual(await cli('user', 'add', 'gus', '--password', 'pw', '--vhost', 'gus'), ["user 'gus' saved with rights on 'gus'"]);
  assert.deepEqual(await cli('vhost', 'limit', 'set', 'gus', 'max-connections', '1'), ["vhost 'gus': max-connections 1"]);
  sim = await start();
  const first = await connect(url('gus', 'pw', 'gus'));
  assert.match(await refusal(url('gus', 'pw', 'gus')), /ConnectionClose/);
  await first.close();
});

test('the admin token is taken from loopback only, and a wrong one never', async () => {
  const { token } = JSON.parse(readFileSync(adminTokenPath(db), 'utf8')) as { token: string };
  const wrong = await fetch(`${managementUrl()}/api/users`, { headers: { authorization: `Bearer ${token}x` } });
  assert.equal(wrong.status, 401);
  const right = await fetch(`${managementUrl()}/api/users`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(right.status, 200);
  const { Broker } = await import('../../src/core/broker.ts');
  const { systemClock } = await import('../../src/core/clock.ts');
  const { MemoryStorage } = await import('../core/memory-storage.ts');
  const broker = new Broker(new MemoryStorage(), systemClock);
  await assert.rejects(authenticate(broker, `Bearer ${token}`, false, token), (e) => e instanceof HttpError && e.status === 401);
  assert.equal((await authenticate(broker, `Bearer ${token}`, true, token)).admin, true);
});

test('a broker running on the database without its API is not written behind its back: one line, nothing changed', async () => {
  await sim.stop();
  sim = await startSimProcess(dir, ['--no-http', '--no-tui']);
  await assert.rejects(cli('user', 'add', 'hal', '--password', 'pw'),
    new RegExp(`^Error: broker-sim \\(pid ${sim.pid}, .*\\) runs on .*broker\\.db without its management API \\(started with --no-http, or its port was taken\\).*--http-port N`));
  await sim.stop();
  sim = await start();
  assert.ok(!(await cli('user', 'list')).some((l) => l.startsWith('hal\t')));
});
