/**
 * Flow control as RabbitMQ does it, the same assertions on both brokers. A consumer that stops
 * reading holds no producer back: its messages wait, ready, in the queue. Publishers are blocked
 * only by the broker's resource alarms: above its memory limit a publisher is told with
 * connection.blocked and is not read, consumers go on draining, the health checks answer 503, and
 * once the alarm clears the publisher is unblocked and nothing it sent is lost.
 *
 * The alarm is raised for real on each broker: broker-sim runs with a memory limit a few MiB above
 * what it uses, so the test's own messages cross it and consuming them clears it; RabbitMQ gets a
 * tiny vm_memory_high_watermark for the moment the test needs (rabbitmqctl), put back right after
 * — skipped, with the reason, where rabbitmqctl cannot.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import type { ConfirmChannel } from 'amqplib';
import { forEachBroker, startPrivateSim } from '../../../test/support/brokers.ts';
import type { HealthCheck, NodeInfo } from '../../src/http/contract.ts';
import { channel, closeAll, connect, eventually, sleep, within } from './support/amqp.ts';
import { cannotRun, rabbitmqEval } from './support/rabbitmqctl.ts';

const script = new URL('./support/frozen-consumer.ts', import.meta.url).pathname;
const MiB = 1024 * 1024;

function waitForLine(child: ChildProcess, text: string): Promise<void> {
  let out = '';
  return within(10_000, `"${text}" from the consumer`, new Promise((resolve) => {
    child.stdout!.on('data', (d: Buffer) => { out += d; if (out.includes(text)) resolve(); });
  }));
}

/** A management API GET: its status and JSON. */
async function get<T>(managementUrl: string, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${managementUrl}${path}`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
  return { status: res.status, body: await res.json() as T };
}

forEachBroker('flow control and the memory alarm', (broker) => {
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children) { c.kill('SIGCONT'); c.kill('SIGKILL'); }
    await closeAll();
  });

  test('a consumer that stops reading holds no producer back: every message is confirmed and waits ready', { timeout: 120_000 }, async () => {
    const count = 20_000;
    const { ch } = await channel(broker.url);
    const q = broker.name('frozen-consumer');
    await ch.assertQueue(q, { durable: false });
    const child = spawn(process.execPath, ['--import', 'tsx', script, broker.url, q], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    await waitForLine(child, 'READY');
    ch.sendToQueue(q, Buffer.from('held'));
    await waitForLine(child, 'GOT held');
    child.kill('SIGSTOP');
    const pub = await (await connect(broker.url)).createConfirmChannel();
    const body = Buffer.alloc(64, 'p');
    for (let i = 0; i < count; i++) {
      if (!pub.sendToQueue(q, body)) await within(30_000, `the socket to drain after ${i} messages`, new Promise((r) => pub.once('drain', r)));
    }
    await within(60_000, `${count} publishes to be confirmed`, pub.waitForConfirms());
    const state = await eventually('the messages to be counted', () => ch.checkQueue(q), (r) => r.messageCount === count);
    assert.deepEqual(state, { queue: q, messageCount: count, consumerCount: 1 }, 'all ready, the frozen consumer still attached');
    child.kill('SIGKILL');
    await ch.deleteQueue(q);
  });

  const skip = broker.kind === 'rabbitmq'
    ? cannotRun('rabbitmqctl eval', 'eval', 'vm_memory_monitor:get_vm_memory_high_watermark().') : undefined;

  test('above its memory limit the broker blocks a publisher with connection.blocked; consumers drain; it is unblocked and nothing is lost',
    { skip, timeout: 120_000 }, async () => {
      // broker-sim: a private one whose limit is a few MiB above what it uses. RabbitMQ: its watermark, for a moment.
      const sim = broker.kind === 'sim' ? await startPrivateSim({ maxMemory: process.memoryUsage.rss() + 24 * MiB }) : undefined;
      const url = sim?.url ?? broker.url;
      const managementUrl = sim?.managementUrl ?? broker.managementUrl!;
      const watermark = sim ? undefined : rabbitmqEval('vm_memory_monitor:get_vm_memory_high_watermark().');
      const restoreWatermark = (): void => {
        if (watermark !== undefined) rabbitmqEval(`vm_memory_monitor:set_vm_memory_high_watermark(${watermark}).`);
      };
      try {
        const q = broker.name('alarm');
        const { ch: admin } = await channel(url);
        await admin.assertQueue(q, { durable: false });
        const pubConn = await connect(url);
        const events: string[] = [];
        const blocked = new Promise<string>((resolve) => pubConn.on('blocked', (reason: string) => { events.push('blocked'); resolve(reason); }));
        const unblocked = new Promise<void>((resolve) => pubConn.on('unblocked', () => { events.push('unblocked'); resolve(); }));
        const pub: ConfirmChannel = await pubConn.createConfirmChannel();
        // Messages that wait before the alarm: what a consumer drains while it is in effect.
        const body = Buffer.alloc(1024, 'm');
        for (let i = 0; i < 100; i++) pub.sendToQueue(q, body);
        await pub.waitForConfirms();
        let published = 100;
        if (!sim) rabbitmqEval('vm_memory_monitor:set_vm_memory_high_watermark(0.0000001).');

        // Publish until the broker says the publisher is blocked.
        let isBlocked = false;
        void blocked.then(() => { isBlocked = true; });
        while (!isBlocked) {
          assert.ok(published < 200_100, 'the publisher was blocked before 200,000 messages');
          pub.sendToQueue(q, body);
          if (++published % 100 === 0) await sleep(1);
        }
        assert.equal(await blocked, 'low on memory');
        // Sent once the publisher knows it is blocked: confirmed only after it is unblocked.
        pub.sendToQueue(q, Buffer.from('after blocked'), {}, (err) => { if (!err) events.push('confirmed after blocked'); });
        published++;

        const alarms = await get<HealthCheck>(managementUrl, '/api/health/checks/alarms');
        assert.equal(alarms.status, 503);
        assert.deepEqual([alarms.body.status, alarms.body.reason, alarms.body.alarms?.map((a) => a.resource)],
          ['failed', 'There are alarms in effect in the cluster', ['memory']]);
        assert.match(alarms.body.alarms![0]!.node, /@/);
        const local = await get<HealthCheck>(managementUrl, '/api/health/checks/local-alarms');
        assert.deepEqual([local.status, local.body.status, local.body.reason], [503, 'failed', 'There are alarms in effect on the node']);
        // RabbitMQ refreshes node statistics every 5 s.
        const nodes = await eventually('the node to report the alarm', () => get<NodeInfo[]>(managementUrl, '/api/nodes'),
          (r) => r.body[0]?.mem_alarm === true, 15_000);
        const node = nodes.body[0]!;
        assert.deepEqual([node.mem_alarm, node.disk_free_alarm, typeof node.mem_limit], [true, false, 'number']);

        // A consumer (on a connection that does not publish) drains while the alarm is in effect.
        const { ch: consumer } = await channel(url);
        await consumer.prefetch(200);
        let received = 0;
        let gotLast = false;
        const someDrained = new Promise<void>((resolve) => {
          void consumer.consume(q, (m) => {
            if (!m) return;
            received++;
            if (m.content.toString() === 'after blocked') gotLast = true;
            consumer.ack(m);
            resolve();
          });
        });
        await within(20_000, 'the consumer to drain during the alarm', someDrained);
        assert.deepEqual(events, ['blocked'], 'still blocked while it drains');
        restoreWatermark(); // RabbitMQ: the alarm clears now; broker-sim: it cleared as the consumer drained
        await within(30_000, 'connection.unblocked', unblocked);
        await within(30_000, 'every message to reach the consumer', (async () => {
          while (received < published || !gotLast) await sleep(20);
        })());
        await pub.waitForConfirms();
        assert.deepEqual(events, ['blocked', 'unblocked', 'confirmed after blocked']);
        assert.equal(received, published, 'nothing was lost');
        const ok = await eventually('the health check to pass', () => get<HealthCheck>(managementUrl, '/api/health/checks/alarms'),
          (r) => r.status === 200);
        assert.deepEqual(ok.body, { status: 'ok' });
        await admin.deleteQueue(q);
      } finally {
        restoreWatermark();
        await closeAll();
        await sim?.close();
      }
    });
});
