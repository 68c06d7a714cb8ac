/**
 * Lab 06 — the worker for the durable queue: same as lab 03's, but it declares the queue durable,
 * exactly as the producer does.
 */
import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'durable_queue';
const delayMs = Number(process.env.DELAY_MS ?? 1000);

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
// Must match the producer's declaration, or the broker closes the channel with 406.
await channel.assertQueue(queue, { durable: true });
await channel.prefetch(1);
console.log(` [*] Waiting for messages in ${queue}. To exit press CTRL+C`);
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const body = msg.content.toString();
  console.log(` [x] Received ${body}${msg.fields.redelivered ? ' (redelivered)' : ''}`);
  await sleep((body.split('.').length - 1) * delayMs);
  console.log(' [x] Done');
  channel.ack(msg);
}, { noAck: false });
process.once('SIGINT', () => { void connection.close().then(() => process.exit(0)); });
