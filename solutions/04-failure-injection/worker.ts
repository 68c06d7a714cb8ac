/**
 * Lab 04 — a worker that survives its own failures. Every LOSE_EVERY-th message (default 3) the
 * "work" fails, like `qprocessor --lose-every 3`. With manual acks, a failed message is handed
 * back with nack(requeue) and comes round again marked redelivered, so nothing is lost.
 */
import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'task_queue';
const delayMs = Number(process.env.DELAY_MS ?? 1000);
const loseEvery = Number(process.env.LOSE_EVERY ?? 3);

let attempts = 0;
/** The fake work: fails on every loseEvery-th attempt, whatever the message. */
async function work(body: string): Promise<void> {
  attempts += 1;
  const dots = body.split('.').length - 1;
  await sleep(dots * delayMs);
  if (loseEvery > 0 && attempts % loseEvery === 0) throw new Error(`attempt ${attempts} failed`);
}

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
await channel.assertQueue(queue);
console.log(` [*] Waiting for messages in ${queue} (failing every ${loseEvery}). To exit press CTRL+C`);
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const body = msg.content.toString();
  console.log(` [x] Received ${body}${msg.fields.redelivered ? ' (redelivered)' : ''}`);
  try {
    await work(body);
    console.log(` [x] Done ${body}`);
    channel.ack(msg);
  } catch (err) {
    // Catching keeps the worker alive; nack with requeue=true gives the task back to the broker,
    // which delivers it again (to us or another worker) with redelivered set.
    console.log(` [!] FAILED ${body} (${(err as Error).message}) — returned to the queue`);
    channel.nack(msg, false, true);
  }
}, { noAck: false });
process.once('SIGINT', () => { void connection.close().then(() => process.exit(0)); });
