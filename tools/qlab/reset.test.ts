/**
 * `qlab reset 11` removes lab 11's queues (its quorum queue with delivery limit 0 among them) and
 * says so; nothing of another lab is touched; a second reset has nothing to remove. On both brokers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { forEachBroker } from '../../test/support/brokers.ts';

const root = new URL('../../', import.meta.url).pathname;

function qlab(args: string[], url: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/qlab.js'), ...args], { env: { ...process.env, AMQP_URL: url, QUEUELAB_HOME: mkdtempSync(join(tmpdir(), 'ql-reset-')) } },
      (err, stdout, stderr) => resolve({ code: err ? (err.code as number) : 0, out: stdout + stderr }));
  });
}

forEachBroker('qlab reset', (broker) => {
  test('removes the lab\'s queues and says what it removed, and nothing of another lab', async () => {
    const conn = await amqp.connect(broker.url);
    try {
      const ch = await conn.createChannel();
      await ch.assertQueue('tasks', { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 0, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'tasks.failed' } });
      await ch.assertQueue('tasks.failed', { durable: true });
      await ch.assertQueue('inspect_tasks', { durable: false });
      ch.sendToQueue('tasks', Buffer.from('left over'));
      await ch.close();
      const deadline = Date.now() + 10_000;
      const check = await conn.createChannel();
      while ((await check.checkQueue('tasks')).messageCount < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await check.close();

      const first = await qlab(['reset', '11'], broker.url);
      assert.equal(first.code, 0, first.out);
      assert.match(first.out, broker.kind === 'sim' ? /^connected to broker-sim at / : /^connected to RabbitMQ /);
      assert.match(first.out, /lab 11: removed queue tasks \(1 message\)/);
      assert.match(first.out, /lab 11: removed queue tasks\.failed \(0 messages\)/);
      assert.doesNotMatch(first.out, /slow/, 'a queue that is not there is not named');

      const after = await conn.createChannel();
      after.on('error', () => {});
      await assert.rejects(after.checkQueue('tasks'), /NOT_FOUND/);
      const other = await conn.createChannel();
      assert.equal((await other.checkQueue('inspect_tasks')).messageCount, 0, 'lab 13\'s queue is not lab 11\'s to remove');
      await other.deleteQueue('inspect_tasks');

      const second = await qlab(['reset', '11'], broker.url);
      assert.match(second.out, /nothing to remove: none of lab 11's queues or exchanges are in vhost \//);
      assert.equal((await qlab(['reset', '99'], broker.url)).code, 1);
    } finally {
      await conn.close().catch(() => {});
    }
  });
});
