/**
 * A backlog lives in the database, not in memory: 100,000 persistent 1 KiB messages published with
 * confirms into a durable queue with no consumer leave the broker holding one window of them
 * (its own account, as the management API reports it: message_bytes_ram, messages_paged_out);
 * after a restart it holds none until a consumer comes, and the consumer gets every message, once,
 * in order. A ceiling on the broker's accounting, not a timing: the bench measures RSS and rates.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrokerSim, type BrokerSim } from '../../src/index.ts';
import { WINDOW_BYTES, WINDOW_MESSAGES } from '../../src/core/ready-list.ts';
import { ManagementClient } from '../../../tools/shared/management-client.ts';
import { closeAll, connect, within } from '../conformance/support/amqp.ts';

const dir = mkdtempSync(join(tmpdir(), 'queuelab-backlog-'));
const dbPath = join(dir, 'broker.db');
after(async () => {
  await closeAll();
  rmSync(dir, { recursive: true, force: true });
});

const COUNT = 100_000;
const BODY = 1024;

const start = (): Promise<BrokerSim> => startBrokerSim({ port: 0, httpPort: 0, dbPath });

async function memoryOf(sim: BrokerSim, queue: string) {
  const q = await new ManagementClient({ url: sim.managementUrl! }).getQueue('/', queue);
  return { ready: q.messages_ready, ram: q.messages_ram, bytesRam: q.message_bytes_ram, pagedOut: q.messages_paged_out };
}

test('100,000 persistent messages wait in the database: memory holds a window before a restart and none after it', { timeout: 300_000 }, async () => {
  let sim = await start();
  try {
    const conn = await connect(sim.url);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue('backlog', { durable: true });
    for (let sent = 0; sent < COUNT; sent += 5_000) {
      for (let i = sent; i < sent + 5_000; i++) {
        const body = Buffer.alloc(BODY, ' ');
        body.write(String(i));
        if (!ch.sendToQueue('backlog', body, { persistent: true })) await new Promise((r) => ch.once('drain', r));
      }
      await within(60_000, 'the confirms', ch.waitForConfirms());
    }
    await conn.close();
    const before = await memoryOf(sim, 'backlog');
    assert.equal(before.ready, COUNT);
    assert.ok(before.ram! <= WINDOW_MESSAGES && before.bytesRam! <= WINDOW_BYTES, `a window in memory: ${JSON.stringify(before)}`);
    assert.equal(before.pagedOut, COUNT - before.ram!);
    assert.ok(sim.broker.messageMemory.bytes <= WINDOW_BYTES + WINDOW_MESSAGES * 64, `the broker holds ${sim.broker.messageMemory.bytes} bytes`);

    await sim.close();
    sim = await start();
    assert.equal(sim.broker.messageMemory.messages, 0, 'a restart reads none of the backlog');
    assert.deepEqual(await memoryOf(sim, 'backlog'), { ready: COUNT, ram: 0, bytesRam: 0, pagedOut: COUNT },
      'it counts it, and a look through the management API reads none either');

    const consumer = await (await connect(sim.url)).createChannel();
    await consumer.prefetch(50);
    let next = 0;
    let outOfOrder = 0;
    await within(240_000, `${COUNT} deliveries`, new Promise<void>((resolve) => {
      void consumer.consume('backlog', (m) => {
        if (!m) return;
        if (Number(m.content.toString().trim()) !== next) outOfOrder++;
        next++;
        consumer.ack(m);
        if (next === COUNT) resolve();
      });
    }));
    assert.equal(outOfOrder, 0, 'every message once, in publish order');
    assert.ok(sim.broker.messageMemory.messages <= WINDOW_MESSAGES + 50, 'a window and the prefetch, no more');
  } finally {
    await sim.close();
  }
});

test('after a restart a priority queue and a quorum queue give back their backlogs in their own order', { timeout: 120_000 }, async () => {
  const count = WINDOW_MESSAGES * 2 + 10;
  let sim = await start();
  try {
    const conn = await connect(sim.url);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue('by-priority', { durable: true, arguments: { 'x-max-priority': 3 } });
    await ch.assertQueue('by-quorum', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    for (let i = 0; i < count; i++) {
      ch.sendToQueue('by-priority', Buffer.from(String(i)), { persistent: true, priority: i % 3 });
      ch.sendToQueue('by-quorum', Buffer.from(String(i)), { persistent: true });
    }
    await within(30_000, 'the confirms', ch.waitForConfirms());
    await conn.close();
    await sim.close();
    sim = await start();
    const drain = async (queue: string): Promise<number[]> => {
      const c = await (await connect(sim.url)).createChannel();
      const got: number[] = [];
      for (let m = await c.get(queue, { noAck: true }); m; m = await c.get(queue, { noAck: true })) got.push(Number(m.content.toString()));
      return got;
    };
    const all = Array.from({ length: count }, (_, i) => i);
    assert.deepEqual(await drain('by-quorum'), all);
    assert.deepEqual(await drain('by-priority'), [2, 1, 0].flatMap((p) => all.filter((i) => i % 3 === p)));
  } finally {
    await sim.close();
  }
});
