/**
 * After a crash every stored message comes back with redelivered=true, as on RabbitMQ ("may have
 * been delivered before"): measured on a RabbitMQ 3.10.8 node of our own killed with kill -9, the
 * same publishes and deliveries as here came back all 25 redelivered, those never delivered too;
 * an acked one not at all. After a clean stop, only what was delivered is marked (its channel gave
 * it back). While the broker runs, the database's `held` view says who holds which message.
 * broker-sim only: the test kills the broker process with SIGKILL.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import amqp, { type ConsumeMessage } from 'amqplib';
import Database from 'better-sqlite3';
import { closeAll, connect, eventually } from '../conformance/support/amqp.ts';
import { scratchDir, startSimProcess, type SimProcess } from '../../../test/support/sim-process.ts';

const running: SimProcess[] = [];
const opened: amqp.ChannelModel[] = [];
after(async () => {
  for (const c of opened) await c.close().catch(() => {});
  await closeAll();
  for (const p of running) await p.stop('SIGKILL');
});

interface HeldRow { message_id: number; queue: string; client_name: string | null; consumer_tag: string | null; until: string | null }

function heldRows(db: string): HeldRow[] {
  const reader = new Database(db, { readonly: true });
  try {
    return reader.prepare('SELECT message_id, queue, client_name, consumer_tag, until FROM held ORDER BY message_id').all() as HeldRow[];
  } finally {
    reader.close();
  }
}

test('after kill -9 every stored message comes back redelivered, as on RabbitMQ; after a clean stop an undelivered one does not; the held view named the holders', async () => {
  const dir = scratchDir();
  const db = join(dir, 'broker.db');
  const first = await startSimProcess(dir, ['--consumer-timeout', '10m']);
  running.push(first);
  const pub = await (await connect(first.url)).createConfirmChannel();
  await pub.assertQueue('work', { durable: true });
  for (let i = 0; i < 30; i++) pub.sendToQueue('work', Buffer.from(`task ${i}`), { persistent: true });
  await pub.waitForConfirms();

  const worker = await amqp.connect(first.url, { clientProperties: { connection_name: 'alice' } });
  opened.push(worker);
  worker.on('error', () => {}); // the broker is killed under it
  const ch = await worker.createChannel();
  await ch.prefetch(20);
  const got: ConsumeMessage[] = [];
  await ch.consume('work', (m) => { if (m) got.push(m); }, { consumerTag: 'alice-1' });
  await eventually('20 deliveries', async () => got.length, (n) => n === 20, 5000);
  for (const m of got.slice(0, 5)) ch.ack(m); // tasks 0-4 done: their credit takes tasks 20-24
  await eventually('5 deliveries more', async () => got.length, (n) => n === 25, 5000);
  await ch.checkQueue('work'); // a round trip: the acks have been read

  const held = await eventually('the database to show the 20 held messages', async () => heldRows(db), (r) => r.length === 20, 5000);
  assert.ok(held.every((r) => r.queue === 'work' && r.client_name === 'alice' && r.consumer_tag === 'alice-1' && r.until !== null),
    JSON.stringify(held[0]));
  await first.stop('SIGKILL');

  const second = await startSimProcess(dir);
  running.push(second);
  const ch2 = await (await connect(second.url)).createChannel();
  const back: { body: string; redelivered: boolean }[] = [];
  for (let m = await ch2.get('work', { noAck: true }); m; m = await ch2.get('work', { noAck: true })) {
    back.push({ body: m.content.toString(), redelivered: m.fields.redelivered });
  }
  assert.deepEqual(back, Array.from({ length: 25 }, (_, k) => ({ body: `task ${k + 5}`, redelivered: true })),
    'tasks 5-24 (delivered, not acked) and 25-29 (never delivered) redelivered, as RabbitMQ after a crash; 0-4 (acked) gone');
  assert.deepEqual(heldRows(db), [], 'nothing is held once the holders are gone');

  // A clean stop is not a crash: a message published afterwards and never delivered is not marked.
  await ch2.assertQueue('later', { durable: true });
  const pub2 = await (await connect(second.url)).createConfirmChannel();
  pub2.sendToQueue('later', Buffer.from('after'), { persistent: true });
  await pub2.waitForConfirms();
  await second.stop('SIGTERM');
  const third = await startSimProcess(dir);
  running.push(third);
  const m = await (await (await connect(third.url)).createChannel()).get('later', { noAck: true });
  assert.ok(m, 'the message survived the clean stop');
  assert.equal(m.fields.redelivered, false, 'never delivered, after a clean stop: not redelivered');
});
