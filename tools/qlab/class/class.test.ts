import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { availableBrokers } from '../../../test/support/brokers.ts';
import { runQlab } from '../../../test/support/qlab.ts';
import { startBroker } from '../../shared/brokers/index.ts';
import { ManagementClient, ManagementError } from '../../shared/management-client.ts';
import { listClass } from './class-api.ts';
import { classDefinitions } from './definitions.ts';
import { parseRoster } from './roster.ts';

/** qlab with no AMQP_URL of the test run's: the commands are told their broker. */
const qlab = (args: string[]) => runQlab(args, { env: { ...process.env, AMQP_URL: '' } });

test('a roster is checked whole: every bad row by its line, and defaults for password and vhost', () => {
  assert.deepEqual(parseRoster('user,password,vhost\nann\n\n# late\nben,pw2,lab-b\n', 'pw'), [
    { user: 'ann', password: 'pw', vhost: 'ann', line: 2 }, { user: 'ben', password: 'pw2', vhost: 'lab-b', line: 5 },
  ]);
  assert.throws(() => parseRoster('ann\nb c\nann\nd,,ann\ne,1,2,3\n', 'pw', 'class.csv'), {
    message: "class.csv line 2: 'b c' is not a user name (letters, digits and . _ @ + -, starting with a letter or digit); "
      + "class.csv line 3: 'ann' is already on line 1; class.csv line 4: vhost 'ann' is already ann's (line 1); "
      + 'class.csv line 5: 4 columns, expected user[,password[,vhost]] (nothing was made)',
  });
  assert.throws(() => parseRoster('ann\n', undefined, 'class.csv'), { message: "class.csv line 1: no password for 'ann': give one in the row or --password (nothing was made)" });
});

test('the definitions document gives each student a user, a vhost, full rights and the vhost limits', () => {
  assert.deepEqual(classDefinitions([{ user: 'ann', password: 'pw', vhost: 'ann', line: 1 }]).parameters,
    [{ vhost: 'ann', component: 'vhost-limits', name: 'limits', value: { 'max-queues': 100, 'max-connections': 50 } }]);
  const d = classDefinitions([{ user: 'ann', password: 'pw', vhost: 'ann', line: 1 }], { 'max-queues': 5, 'max-connections': -1 });
  assert.deepEqual(d.users, [{ name: 'ann', password: 'pw', tags: 'management' }]);
  assert.deepEqual(d.permissions, [{ user: 'ann', vhost: 'ann', configure: '.*', write: '.*', read: '.*' }]);
  assert.deepEqual(d.parameters, [{ vhost: 'ann', component: 'vhost-limits', name: 'limits', value: { 'max-queues': 5 } }]);
});

/** A student's AMQP URL on the broker at `url`. */
function studentUrl(url: string, user: string, password: string, vhost: string): string {
  const u = new URL(url);
  u.username = user; u.password = password; u.pathname = `/${encodeURIComponent(vhost)}`;
  return u.toString();
}


for (const kind of availableBrokers()) {
  test(`qlab class: a roster on a live broker, a bad row first, then isolation, reset and remove [${kind}]`, async () => {
    const broker = await startBroker(kind);
    const dir = mkdtempSync(join(tmpdir(), 'qlab-class-roster-'));
    const p = `h-hclass-${randomBytes(2).toString('hex')}-`;
    const [ann, ben, cat] = ['ann', 'ben', 'cat'].map((n) => p + n) as [string, string, string];
    const admin = new ManagementClient({ url: broker.managementUrl! });
    const on = ['--url', broker.url, '--management-url', broker.managementUrl!];
    after(async () => {
      for (const u of [ann, ben, cat]) {
        await admin.deleteVhost(u).catch(() => {});
        await admin.deleteUser(u).catch(() => {});
      }
      await broker.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const roster = join(dir, 'class.csv');
    writeFileSync(roster, `${ann}\n`);
    assert.equal((await qlab(['class', 'create', '--roster', roster, '--password', 'pw', ...on])).code, 0);
    // ann is at work while the rest of the class is added.
    const annConn = await amqp.connect(studentUrl(broker.url, ann, 'pw', ann));
    const annCh = await annConn.createChannel();
    await annCh.assertQueue('work');

    writeFileSync(roster, `user,password,vhost\n${ann}\n${ben},benpw\nnot a name\n${cat},,${cat}\n`);
    const bad = await qlab(['class', 'create', '--roster', roster, '--password', 'pw', ...on]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^qlab: .*class\.csv line 4: 'not a name' is not a user name .*\(nothing was made\)\n$/);
    assert.ok(!(await admin.getUsers()).some((u) => u.name === ben), 'a bad row makes nobody');

    writeFileSync(roster, `user,password,vhost\n${ann}\n${ben},benpw\n${cat},,${cat}\n`);
    const good = await qlab(['class', 'create', '--roster', roster, '--password', 'pw', '--max-queues', '2', ...on]);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, new RegExp(`^${ann}: exists \\(vhost ${ann}\\)$`, 'm'));
    assert.match(good.stdout, new RegExp(`^${ben}: created \\(vhost ${ben}\\)$`, 'm'));
    assert.equal((await annCh.checkQueue('work')).queue, 'work', 'ann\'s connection lived through the import');

    // Each student sees their own vhost only, over AMQP and in the management API.
    const benApi = new ManagementClient({ url: broker.managementUrl!, username: ben, password: 'benpw' });
    assert.deepEqual((await benApi.getVhosts()).map((v) => v.name), [ben]);
    assert.deepEqual((await benApi.whoami()).tags, ['management']);
    await assert.rejects(amqp.connect(studentUrl(broker.url, ben, 'benpw', ann)), /ConnectionClose|ACCESS_REFUSED/);
    await assert.rejects(benApi.getQueues(ann), (e: ManagementError) => e.status === 401 || e.status === 403);

    // RabbitMQ lists a connection once its statistics are in: wait for it.
    for (let i = 0; !(await listClass(admin)).some((m) => m.user === ann && m.connections === 1); i++) {
      assert.ok(i < 150, 'ann\'s connection never listed');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual((await admin.getVhostLimits(ben)).map((l) => l.value), [{ 'max-queues': 2, 'max-connections': 50 }]);
    // cat's vhost takes two queues, not three (--max-queues).
    const catConn = await amqp.connect(studentUrl(broker.url, cat, 'pw', cat));
    catConn.on('error', () => {});
    const catCh = await catConn.createChannel();
    catCh.on('error', () => {});
    await catCh.assertQueue('one');
    await catCh.assertQueue('two');
    await assert.rejects(catCh.assertQueue('three'), /max_queues|PRECONDITION_FAILED|NOT_ALLOWED/i);
    await catConn.close().catch(() => {});

    const list = await qlab(['class', 'list', ...on]);
    assert.match(list.stdout, new RegExp(`^${ann} +1  ${ann}$`, 'm'));
    assert.match(list.stdout, new RegExp(`^${cat} +0  ${cat}$`, 'm'));

    await annCh.assertExchange('mine', 'fanout');
    const reset = await qlab(['class', 'reset', ann, ...on]);
    assert.equal(reset.stdout, `${ann}: deleted 1 queue(s) and 1 exchange(s)\n`, reset.stderr);
    assert.deepEqual((await admin.getQueues(ann)).map((q) => q.name), []);

    const closed = new Promise((resolve) => annConn.once('close', resolve));
    annConn.on('error', () => {});
    assert.equal((await qlab(['class', 'remove', ann, ...on])).code, 0);
    await closed; // removing a student closes their connections
    assert.ok(!(await admin.getVhosts()).some((v) => v.name === ann));
    assert.ok(!(await admin.getUsers()).some((u) => u.name === ann));
  });
}

for (const kind of availableBrokers()) {
  test(`the exported definitions make the class (POST /api/definitions), with its queue limit [${kind}]`, async () => {
    const broker = await startBroker(kind);
    const dir = mkdtempSync(join(tmpdir(), 'qlab-class-defs-'));
    const dan = `h-hclass-${randomBytes(2).toString('hex')}-dan`;
    const admin = new ManagementClient({ url: broker.managementUrl! });
    after(async () => {
      await admin.deleteVhost(dan).catch(() => {});
      await admin.deleteUser(dan).catch(() => {});
      await broker.close();
      rmSync(dir, { recursive: true, force: true });
    });
    writeFileSync(join(dir, 'class.csv'), `${dan},danpw\n`);
    const r = await qlab(['class', 'create', '--roster', join(dir, 'class.csv'), '--max-queues', '1', '--export', join(dir, 'defs.json')]);
    assert.equal(r.code, 0, r.stderr);
    const res = await fetch(`${broker.managementUrl}/api/definitions`, {
      method: 'POST', body: readFileSync(join(dir, 'defs.json')),
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` },
    });
    assert.equal(res.status, 204, await res.text());
    const conn = await amqp.connect(studentUrl(broker.url, dan, 'danpw', dan));
    conn.on('error', () => {});
    const ch = await conn.createChannel();
    ch.on('error', () => {});
    await ch.assertQueue('one');
    await assert.rejects(ch.assertQueue('two'), /max_queues|PRECONDITION_FAILED|NOT_ALLOWED/i);
    await conn.close().catch(() => {});
  });
}
