/**
 * `broker-sim user …`, `broker-sim vhost …` and `broker-sim policy …`, run as argv through the real command line (no
 * process.argv, no exit) on a database file of their own.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { buildCli } from '../../src/cli/build-cli.ts';
import { startBrokerSim } from '../../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'queuelab-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'broker.db');

/** Runs one command line; returns what it printed, or throws its one-line error. */
async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => { lines.push(a.join(' ')); };
  try {
    await buildCli([...argv, '--db', db]).exitProcess(false).fail((msg, err) => { throw err ?? new Error(msg); }).parseAsync();
  } finally {
    console.log = log;
  }
  return lines;
}

test('user add gives a user full rights on each --vhost, creating it; user list shows them', async () => {
  assert.deepEqual(await cli('user', 'add', 'alice', '--password', 's3cret', '--vhost', 'alice', '--vhost', 'shared'),
    ["user 'alice' saved with rights on 'alice', 'shared'"]);
  assert.deepEqual(await cli('user', 'add', 'bob', '--password', 'pw', '--tags', 'administrator'), ["user 'bob' saved"]);
  const users = await cli('user', 'list');
  assert.ok(users.includes('alice\t[management]\talice, shared'), users.join('\n'));
  assert.ok(users.includes('bob\t[administrator]\t'), users.join('\n'));
  const vhosts = await cli('vhost', 'list');
  assert.deepEqual(['alice', 'shared'].filter((v) => vhosts.includes(v)), ['alice', 'shared']);
});

test('vhost add and delete; deleting what is not there is an error naming it', async () => {
  assert.deepEqual(await cli('vhost', 'add', 'lab-13'), ["vhost 'lab-13' added"]);
  assert.ok((await cli('vhost', 'list')).includes('lab-13'));
  assert.deepEqual(await cli('vhost', 'delete', 'lab-13'), ["vhost 'lab-13' deleted"]);
  assert.ok(!(await cli('vhost', 'list')).includes('lab-13'));
  await assert.rejects(cli('vhost', 'delete', 'lab-13'), /^Error: no vhost 'lab-13'$/);
});

test('user delete removes the user; a second delete is an error', async () => {
  await cli('user', 'add', 'carol', '--password', 'pw');
  assert.deepEqual(await cli('user', 'delete', 'carol'), ["user 'carol' deleted"]);
  assert.ok(!(await cli('user', 'list')).some((l) => l.startsWith('carol\t')));
  await assert.rejects(cli('user', 'delete', 'carol'), /no user 'carol'/);
});

test('a user needs a password, and a command needs an action', async () => {
  await assert.rejects(cli('user', 'add', 'dave'), /Missing required argument: password/);
  await assert.rejects(cli('user'), /Not enough non-option arguments/);
});

test('policy set, list and clear; a stored policy applies to a queue declared when the broker starts on the file', async () => {
  assert.deepEqual(await cli('policy', 'set', 'short', '^lab\\.', '{"max-length": 2}', '--apply-to', 'queues', '--priority', '3'),
    ["policy 'short' set in vhost '/'"]);
  assert.deepEqual(await cli('policy', 'list', '--vhost', '/'), ['/\tshort\t^lab\\.\tqueues\t3\t{"max-length":2}']);
  const sim = await startBrokerSim({ port: 0, dbPath: db });
  try {
    const conn = await amqp.connect(sim.url);
    const ch = await conn.createChannel();
    await ch.assertQueue('lab.q', { durable: false });
    for (const b of ['1', '2', '3']) ch.sendToQueue('lab.q', Buffer.from(b));
    const m = await ch.get('lab.q', { noAck: true });
    assert.equal(m && m.content.toString(), '2', 'the policy\'s max-length dropped the oldest');
    await conn.close();
  } finally {
    await sim.close();
  }
  assert.deepEqual(await cli('policy', 'clear', 'short'), ["policy 'short' cleared in vhost '/'"]);
  assert.deepEqual(await cli('policy', 'list'), []);
  await assert.rejects(cli('policy', 'clear', 'short'), /^Error: no policy 'short' in vhost '\/'$/);
});

test('a policy RabbitMQ would refuse is refused with its reason, on one line', async () => {
  await assert.rejects(cli('policy', 'set', 'p', 'x', '{"max-length": "a"}'), /^Error: policy refused: <<"a">> is not a valid maximum length$/);
  await assert.rejects(cli('policy', 'set', 'p', 'x', '{"nope": 1}'), /^Error: policy refused: \[\{<<"nope">>,1\}\] are not recognised policy settings$/);
  await assert.rejects(cli('policy', 'set', 'p', 'x', '{max-length'), /^Error: the definition is not JSON: /);
  await assert.rejects(cli('policy', 'set', 'p', 'x', '{"max-length": 1}', '--vhost', 'nowhere'), /^Error: no vhost 'nowhere'$/);
  assert.deepEqual(await cli('policy', 'list'), []);
});
