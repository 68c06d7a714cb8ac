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
import { startBrokerSim } from '../../src/index.ts';
import { cliOn } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'queuelab-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'broker.db');

const cli = cliOn(db);

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

test('vhost limit set, list and clear on the database; a wrong name or value is one line', async () => {
  await cli('vhost', 'add', 'lim');
  assert.deepEqual(await cli('vhost', 'limit', 'set', 'lim', 'max-queues', '20'), ["vhost 'lim': max-queues 20"]);
  assert.deepEqual(await cli('vhost', 'limit', 'list'), ['lim\tmax-queues=20']);
  await assert.rejects(cli('vhost', 'limit', 'set', 'lim', 'max-foo', '3'), /^Error: the limit must be max-connections or max-queues, got 'max-foo'$/);
  await assert.rejects(cli('vhost', 'limit', 'set', 'lim', 'max-queues', '1.5'), /the value must be a whole number, -1 or more, got 1.5/);
  await assert.rejects(cli('vhost', 'limit', 'set', 'nowhere', 'max-queues', '1'), /^Error: no vhost 'nowhere'$/);
  assert.deepEqual(await cli('vhost', 'limit', 'clear', 'lim', 'max-queues'), ["vhost 'lim': max-queues cleared"]);
  assert.deepEqual(await cli('vhost', 'limit', 'list'), []);
});

test('permission set, list and clear on the database; unknown users and bad regexes are one line', async () => {
  await cli('user', 'add', 'erin', '--password', 'pw');
  await cli('vhost', 'add', 'team');
  await cli('permission', 'set', 'erin', 'team', '--read', '^in$');
  assert.deepEqual(await cli('permission', 'list', '--vhost', 'team'), ['erin\tteam\t.*\t.*\t^in$']);
  await assert.rejects(cli('permission', 'set', 'nobody', 'team'), /^Error: no user 'nobody'$/);
  await assert.rejects(cli('permission', 'set', 'erin', 'team', '--write', '('), /--write is not a valid regex/);
  assert.deepEqual(await cli('permission', 'clear', 'erin', 'team'), ["permissions of 'erin' on 'team' cleared"]);
  assert.deepEqual(await cli('permission', 'list', '--vhost', 'team'), []);
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
