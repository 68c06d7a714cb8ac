/**
 * A class server's isolation: each student opens only their own vhost, and does only what their
 * configure/write/read patterns allow (RabbitMQ's regex model); guest logs in from this machine
 * only. The same assertions against broker-sim (users made with its admin API) and RabbitMQ (made
 * with rabbitmqctl, skipped with the reason where that is not allowed).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import amqp from 'amqplib';
import { availableBrokers } from '../../../test/support/brokers.ts';
import { closeAll, connect, refusal, within } from './support/amqp.ts';
import { cannotRun, rabbitmqctl } from './support/rabbitmqctl.ts';

interface Perm { configure: string; write: string; read: string }
interface Admin {
  url(user: string, password: string, vhost: string): string;
  addUser(user: string, password: string, vhost: string, perm: Perm): Promise<void>;
  host: string;
  close(): Promise<void>;
}

function rabbitAdmin(): Admin | string {
  const cannot = cannotRun('rabbitmqctl', 'list_vhosts');
  if (cannot) return cannot;
  const made: { users: string[]; vhosts: string[] } = { users: [], vhosts: [] };
  const base = new URL(process.env.RABBITMQ_URL!);
  return {
    host: base.hostname,
    url: (u, p, v) => `amqp://${u}:${p}@${base.host}/${encodeURIComponent(v)}`,
    async addUser(user, password, vhost, perm) {
      if (!made.vhosts.includes(vhost)) { rabbitmqctl('add_vhost', vhost); made.vhosts.push(vhost); }
      rabbitmqctl('add_user', user, password);
      made.users.push(user);
      rabbitmqctl('set_permissions', '-p', vhost, user, perm.configure, perm.write, perm.read);
    },
    async close() {
      for (const u of made.users) { try { rabbitmqctl('delete_user', u); } catch { /* gone */ } }
      for (const v of made.vhosts) { try { rabbitmqctl('delete_vhost', v); } catch { /* gone */ } }
    },
  };
}

async function simAdmin(): Promise<Admin & { dbPath: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-iso-'));
  const dbPath = join(dir, 'broker.db');
  const { startBrokerSim } = await import('../../src/index.ts');
  const sim = await startBrokerSim({ port: 0, host: '0.0.0.0', dbPath });
  return {
    host: '127.0.0.1', dbPath,
    url: (u, p, v) => `amqp://${u}:${p}@127.0.0.1:${sim.port}/${encodeURIComponent(v)}`,
    async addUser(user, password, vhost, perm) {
      sim.broker.addVhost(vhost);
      sim.broker.addUser(user, password, 'management');
      sim.broker.setPermission({ user, vhost, ...perm });
    },
    async close() { await sim.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** This machine's first non-loopback IPv4 address, to log in from "another machine". */
function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

async function channelError(url: string, act: (ch: amqp.Channel) => Promise<unknown>): Promise<{ code: number; message: string } | 'ok'> {
  const c = await connect(url);
  const ch = await c.createChannel();
  const closed = new Promise<{ code: number; message: string }>((resolve) => ch.once('error', (e: Error & { code: number }) => resolve({ code: e.code, message: e.message })));
  try {
    await act(ch);
    await ch.checkExchange('amq.direct'); // a round trip: an asynchronous refusal (publish) arrives first
    return 'ok';
  } catch {
    return within(3000, 'the channel to be closed', closed);
  }
}

for (const kind of availableBrokers()) {
  describe(`isolation and rights [${kind}]`, () => {
    let admin: Admin | undefined;
    let skip: string | undefined;
    const tag = randomBytes(3).toString('hex');
    const alice = `alice-${tag}`;
    const bob = `bob-${tag}`;
    const narrow = `carol-${tag}`;
    before(async () => {
      if (kind === 'sim') admin = await simAdmin();
      else {
        const a = rabbitAdmin();
        if (typeof a === 'string') skip = a; else admin = a;
      }
      if (!admin) return;
      const all = { configure: '.*', write: '.*', read: '.*' };
      await admin.addUser(alice, 'pw-alice', alice, all);
      await admin.addUser(bob, 'pw-bob', bob, all);
      await admin.addUser(narrow, 'pw-carol', narrow, { configure: `^${narrow}-.*`, write: `^${narrow}-.*`, read: `^${narrow}-in$` });
    });
    after(async () => { await closeAll(); await admin?.close(); });

    test('a student opens their own vhost, and no other: 530 NOT_ALLOWED', async (t) => {
      if (skip) return t.skip(skip);
      const c = await amqp.connect(admin!.url(alice, 'pw-alice', alice));
      await c.close();
      for (const other of [bob, '/']) {
        // amqplib reports the broker's connection.close (530 NOT_ALLOWED) in place of open-ok.
        assert.match(await refusal(admin!.url(alice, 'pw-alice', other)), /Expected ConnectionOpenOk; got <ConnectionClose/);
      }
      assert.match(await refusal(admin!.url(alice, 'wrong', alice)), /ACCESS_REFUSED|403/);
    });

    test('configure, write and read rights are regexes on queue and exchange names: 403 outside them', async (t) => {
      if (skip) return t.skip(skip);
      const url = admin!.url(narrow, 'pw-carol', narrow);
      assert.equal(await channelError(url, (ch) => ch.assertQueue(`${narrow}-in`, { durable: false })), 'ok');
      const other = await channelError(url, (ch) => ch.assertQueue('someone-else', { durable: false }));
      assert.notEqual(other, 'ok');
      if (other !== 'ok') {
        assert.equal(other.code, 403);
        assert.match(other.message, new RegExp(`ACCESS_REFUSED - access to queue 'someone-else' in vhost '${narrow}' refused for user '${narrow}'`));
      }
      // Write on the default exchange is needed to publish to it: carol has write on her names only.
      const publish = await channelError(url, async (ch) => { ch.sendToQueue(`${narrow}-in`, Buffer.from('x')); });
      assert.notEqual(publish, 'ok');
      if (publish !== 'ok') {
        assert.equal(publish.code, 403);
        assert.match(publish.message, new RegExp(`ACCESS_REFUSED - access to exchange 'amq.default' in vhost '${narrow}' refused for user '${narrow}'`));
      }
      // Read: she may read ${narrow}-in only.
      assert.equal(await channelError(url, (ch) => ch.assertQueue(`${narrow}-out`, { durable: false })), 'ok');
      const read = await channelError(url, (ch) => ch.get(`${narrow}-out`));
      assert.notEqual(read, 'ok');
      if (read !== 'ok') assert.equal(read.code, 403);
      assert.equal(await channelError(url, (ch) => ch.get(`${narrow}-in`)), 'ok');
    });

    test('guest may log in from this machine only', async (t) => {
      if (skip) return t.skip(skip);
      const ip = externalAddress();
      if (!ip) return t.skip('this machine has no non-loopback address to log in from');
      if (kind === 'rabbitmq' && !['127.0.0.1', 'localhost'].includes(admin!.host)) return t.skip('RabbitMQ is not on this machine');
      const local = await amqp.connect(admin!.url('guest', 'guest', '/'));
      await local.close();
      const remote = admin!.url('guest', 'guest', '/').replace(/@[^/]+\//, (m) => m.replace(/@[^:]+:/, `@${ip}:`));
      const why = await refusal(remote);
      assert.notEqual(why, 'connected', 'guest from a non-loopback address is refused');
      assert.match(why, /ACCESS_REFUSED|403|closed|ECONNREFUSED/);
    });

    if (kind === 'sim') {
      test('passwords are stored salted and hashed, never as they were typed', async () => {
        const db = new Database((admin as Admin & { dbPath: string }).dbPath, { readonly: true });
        try {
          const rows = db.prepare('SELECT name, password_hash FROM users').all() as { name: string; password_hash: string }[];
          const carol = rows.find((r) => r.name === narrow);
          assert.ok(carol, 'the user is stored');
          assert.doesNotMatch(carol.password_hash, /pw-carol/);
          // RabbitMQ's rabbit_password_hashing_sha256: base64 of a 4-byte salt and a SHA-256 digest.
          assert.match(carol.password_hash, /^sha256\$[A-Za-z0-9+/]{48}$/);
        } finally {
          db.close();
        }
      });
    }
  });
}
