/**
 * Lab 04 — a worker that must survive its own failures. Every LOSE_EVERY-th message (default 3)
 * the "work" fails, like `qprocessor --lose-every 3`. Right now a failed task is simply LOST.
 */
import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'task_queue';
const delayMs = Number(process.env.DELAY_MS ?? 1000);
const loseEvery = Number(process.env.LOSE_EVERY ?? 3);

let attempts = 0;
/** The fake work: fails on every loseEvery-th attempt, whatever the message. Leave it as it is. */
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
    // TODO (step 4): acknowledge the finished task.
  } catch (err) {
    console.log(` [!] LOST ${body} (${(err as Error).message})`);
    // TODO (step 4): give the failed task back to the broker so it is delivered again:
    //       channel.nack(msg, false, true)   (requeue = true)
  }
}, { noAck: true }); // TODO (step 4): manual acks, as in lab 03
process.once('SIGINT', () => { void connection.close().then(() => process.exit(0)); });
