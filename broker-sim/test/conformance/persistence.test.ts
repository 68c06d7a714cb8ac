/**
 * Persistence across a crash. broker-sim only: the test kills the broker process with SIGKILL and
 * starts it again on the same database file, which a shared RabbitMQ cannot be put through here.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GetMessage } from 'amqplib';
import { closeAll, connect } from './support/amqp.ts';
import { scratchDir, startSimProcess, type SimProcess } from '../../../test/support/sim-process.ts';

describe('persistence across kill -9 [sim only: needs a broker process to kill]', () => {
  const running: SimProcess[] = [];
  after(async () => {
    await closeAll();
    for (const p of running) await p.stop('SIGKILL');
  });

  test('every confirmed persistent message in a durable queue is there after kill -9; transient state is gone', async () => {
    const dir = scratchDir();
    const first = await startSimProcess(dir);
    running.push(first);
    const conn = await connect(first.url);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue('tasks', { durable: true });
    await ch.assertQueue('scratch', { durable: false });
    for (let i = 0; i < 500; i++) ch.sendToQueue('tasks', Buffer.from(`task ${i}`), { persistent: true });
    ch.sendToQueue('tasks', Buffer.from('transient in a durable queue'), { persistent: false });
    ch.sendToQueue('scratch', Buffer.from('in a transient queue'), { persistent: true });
    await ch.waitForConfirms();
    // An acked message must not come back.
    const taken = (await ch.get('tasks')) as GetMessage;
    assert.equal(taken.content.toString(), 'task 0');
    ch.ack(taken);
    await ch.assertQueue('tasks', { durable: true }); // a round trip: the ack has been processed
    await first.stop('SIGKILL');

    const second = await startSimProcess(dir);
    running.push(second);
    const conn2 = await connect(second.url);
    const ch2 = await conn2.createChannel();
    ch2.on('error', () => {});
    const q = await ch2.checkQueue('tasks');
    assert.equal(q.messageCount, 499, 'the 499 confirmed, unacked persistent messages survived');
    const bodies: string[] = [];
    for (;;) {
      const m = await ch2.get('tasks', { noAck: true });
      if (!m) break;
      bodies.push(m.content.toString());
    }
    assert.deepEqual(bodies, Array.from({ length: 499 }, (_, i) => `task ${i + 1}`), 'in their original order');
    await assert.rejects(ch2.checkQueue('scratch'), /404/, 'the non-durable queue is gone');
  });

  test('users and vhosts added with the CLI survive a restart', async () => {
    const dir = scratchDir();
    const { spawnSync } = await import('node:child_process');
    const bin = new URL('../../../bin/broker-sim.js', import.meta.url).pathname;
    const add = spawnSync(process.execPath, [bin, 'user', 'add', 'alice', '--password', 's3cret', '--vhost', 'alice', '--db', `${dir}/broker.db`], { encoding: 'utf8' });
    assert.equal(add.status, 0, add.stderr);
    const sim = await startSimProcess(dir);
    running.push(sim);
    const url = new URL(sim.url);
    const alice = await connect(`amqp://alice:s3cret@${url.host}/alice`);
    const ch = await alice.createChannel();
    await ch.assertQueue('homework');
    await assert.rejects(connect(`amqp://alice:s3cret@${url.host}/%2F`), /ConnectionClose/, "alice has no rights on '/'");
    await assert.rejects(connect(`amqp://alice:wrong@${url.host}/alice`), /ACCESS_REFUSED/);
  });

  test('durable exchanges and their bindings survive kill -9; transient ones do not', async () => {
    const dir = scratchDir();
    const first = await startSimProcess(dir);
    running.push(first);
    const ch = await (await connect(first.url)).createConfirmChannel();
    await ch.assertExchange('logs', 'topic', { durable: true });
    await ch.assertExchange('audit', 'fanout', { durable: true });
    await ch.assertExchange('temp', 'fanout', { durable: false });
    await ch.assertQueue('errors', { durable: true });
    await ch.bindQueue('errors', 'logs', '*.error');
    await ch.bindExchange('audit', 'logs', 'login.#');
    await ch.bindQueue('errors', 'audit', '');
    await ch.assertQueue('errors', { durable: true }); // a round trip: the bindings are in
    await first.stop('SIGKILL');

    const second = await startSimProcess(dir);
    running.push(second);
    const conn2 = await connect(second.url);
    const ch2 = await conn2.createConfirmChannel();
    ch2.publish('logs', 'db.error', Buffer.from('via queue binding'), { persistent: true });
    ch2.publish('logs', 'login.failed', Buffer.from('via exchange binding'), { persistent: true });
    ch2.publish('logs', 'db.info', Buffer.from('unrouted'), { persistent: true });
    await ch2.waitForConfirms();
    const got: string[] = [];
    for (let m = await ch2.get('errors', { noAck: true }); m; m = await ch2.get('errors', { noAck: true })) got.push(m.content.toString());
    assert.deepEqual(got, ['via queue binding', 'via exchange binding']);
    const probe = await conn2.createChannel();
    probe.on('error', () => {});
    await assert.rejects(probe.checkExchange('temp'), /404/);
  });
});
