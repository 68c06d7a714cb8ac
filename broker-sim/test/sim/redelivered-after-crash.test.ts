/**
 * A message delivered and not acked before a crash comes back with redelivered=true, as RabbitMQ
 * marks it (its queue index records deliveries; the docs: "redelivered … set if the message may have
 * been delivered before"); one never delivered comes back with redelivered=false, an acked one not
 * at all. While the broker runs, the database's `held` view says who holds which message.
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

test('after kill -9, messages delivered and not acked come back redelivered, the others not; the held view named their holder', async () => {
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
  assert.deepEqual(back, Array.from({ length: 25 }, (_, k) => ({ body: `task ${k + 5}`, redelivered: k + 5 < 25 })),
    'tasks 5-24 (delivered, not acked) redelivered; 25-29 (never delivered) not; 0-4 (acked) gone');
  assert.deepEqual(heldRows(db), [], 'nothing is held once the holders are gone');
});
