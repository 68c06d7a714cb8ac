/**
 * The class view: its model on snapshots of both brokers' management APIs with three students, the
 * last-activity clock, and the view rendered by blessed on fake streams.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import amqp from 'amqplib';
import { forEachBroker } from '../../test/support/brokers.ts';
import { ManagementClient } from '../shared/management-client.ts';
import { ago, ClassActivity, renderClass, type ClassSnapshot } from './class-model.ts';
import { startClassView, takeClassSnapshot, type ClassView } from './class-view.ts';

const vhost = (name: string) => ({ name, message_stats: { publish: 0 } });

test('a row per student vhost, named after the user with rights there who is no administrator; last activity when anything moved', () => {
  const snap: ClassSnapshot = {
    at: 1_000_000,
    vhosts: [vhost('/'), vhost('lab-b'), vhost('ann'), vhost('qlab-grade-1-ab')],
    queues: [
      { name: 'tasks', vhost: 'ann', durable: true, auto_delete: false, exclusive: false, arguments: {}, messages: 5, messages_ready: 3, messages_unacknowledged: 2, consumers: 1 },
      { name: 'hello', vhost: 'lab-b', durable: false, auto_delete: false, exclusive: false, arguments: {}, messages: 0, consumers: 0 },
    ],
    connections: [{ name: 'c1', user: 'ann', vhost: 'ann', connected_at: 990_000 } as ClassSnapshot['connections'][number]],
    permissions: [
      { user: 'guest', vhost: 'ann', configure: '.*', write: '.*', read: '.*' },
      { user: 'ann', vhost: 'ann', configure: '.*', write: '.*', read: '.*' },
      { user: 'ben', vhost: 'lab-b', configure: '.*', write: '.*', read: '.*' },
    ],
    admins: ['guest'],
  };
  const activity = new ClassActivity();
  assert.deepEqual(activity.rows(snap), [
    { student: 'ann', vhost: 'ann', connections: 1, queues: 1, ready: 3, unacked: 2, consumers: 1, lastActivity: 990_000 },
    { student: 'ben', vhost: 'lab-b', connections: 0, queues: 1, ready: 0, unacked: 0, consumers: 0 },
  ]);
  // Nothing moved: the clock stays; ben publishes: his clock is this snapshot's.
  assert.equal(activity.rows({ ...snap, at: 1_005_000 })[0]!.lastActivity, 990_000);
  const later = { ...snap, at: 1_010_000, vhosts: snap.vhosts.map((v) => (v.name === 'lab-b' ? { name: 'lab-b', message_stats: { publish: 1 } } : v)) };
  assert.equal(activity.rows(later)[1]!.lastActivity, 1_010_000);
  assert.equal(ago(1_070_000, 1_010_000), '1m ago');
  assert.deepEqual(renderClass(activity.rows(later), 1_012_000), [
    'class: 2 students, 1 connected',
    '  student  conns  queues  ready  unacked  consumers  last activity',
    '● ann          1       1      3        2          1  22s ago',
    '○ ben          0       1      0        0          0  2s ago',
  ]);
});

function fakeTerminal(columns = 120, rows = 80): { input: PassThrough; output: PassThrough } {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { columns, rows, isTTY: true });
  output.resume();
  return { input, output };
}

forEachBroker('qtop --class with three students', (broker) => {
  const views: ClassView[] = [];
  const conns: amqp.ChannelModel[] = [];
  const p = `h-hclass-${randomBytes(2).toString('hex')}-`;
  const students = ['ann', 'ben', 'cat'].map((s) => p + s);
  /** Each student's vhost is named apart from them: the row must name the user who has rights there. */
  const vhostOf = (student: string): string => `${student}-lab`;
  let admin: ManagementClient;
  after(async () => {
    for (const v of views) v.stop();
    for (const c of conns) await c.close().catch(() => {});
    for (const s of students) {
      await admin?.deleteVhost(vhostOf(s)).catch(() => {});
      await admin?.deleteUser(s).catch(() => {});
    }
  });

  test('connected or not, queues, ready and unacked messages, consumers, on the screen', async () => {
    admin = new ManagementClient({ url: broker.managementUrl!, timeoutMs: 3000 });
    for (const s of students) {
      await admin.putVhost(vhostOf(s));
      await admin.putUser(s, 'pw', ['management']);
      await admin.putPermissions(vhostOf(s), s, { configure: '.*', write: '.*', read: '.*' });
    }
    const url = (student: string): string => {
      const u = new URL(broker.url);
      u.username = student; u.password = 'pw'; u.pathname = `/${vhostOf(student)}`;
      return u.toString();
    };
    // ann works: a queue with 3 ready and 1 unacked, her consumer holding it; ben has a queue; cat is away.
    const ann = await amqp.connect(url(students[0]!));
    conns.push(ann);
    const ch = await ann.createChannel();
    await ch.assertQueue('tasks');
    for (const m of ['a', 'b', 'c', 'd']) ch.sendToQueue('tasks', Buffer.from(m));
    await ch.prefetch(1);
    await ch.consume('tasks', () => {}, { noAck: false });
    const ben = await amqp.connect(url(students[1]!));
    conns.push(ben);
    await (await ben.createChannel()).assertQueue('hello');

    const { input, output } = fakeTerminal();
    const view = startClassView({ client: admin, source: broker.managementUrl!, intervalMs: 60_000, input, output, onQuit: () => {} });
    views.push(view);
    const want = [
      new RegExp(`^● ${students[0]} +1 +1 +3 +1 +1  \\d+s ago$`, 'm'),
      new RegExp(`^● ${students[1]} +1 +1 +0 +0 +0  \\d+s ago$`, 'm'),
      new RegExp(`^○ ${students[2]} +0 +0 +0 +0 +0  —$`, 'm'),
    ];
    // RabbitMQ's counts follow its statistics, collected every few seconds.
    const deadline = Date.now() + 20_000;
    let text = '';
    for (;;) {
      await view.refresh();
      text = view.text().join('\n');
      if (want.every((w) => w.test(text)) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    for (const w of want) assert.match(text, w);
    const rows = new ClassActivity().rows(await takeClassSnapshot(admin)).filter((r) => students.includes(r.student));
    assert.deepEqual(rows.map((r) => [r.student, r.vhost, r.connections]), students.map((s, i) => [s, vhostOf(s), i < 2 ? 1 : 0]));
  });
});
