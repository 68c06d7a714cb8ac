/**
 * Lab 02 — a worker: prints each task, "works" one DELAY_MS (default 1000 ms) per dot in it,
 * then prints Done. Start two or three in tmux panes and the broker hands tasks out in turn.
 */
import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'task_queue';
const delayMs = Number(process.env.DELAY_MS ?? 1000);

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
await channel.assertQueue(queue);
console.log(` [*] Waiting for messages in ${queue}. To exit press CTRL+C`);
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const body = msg.content.toString();
  console.log(` [x] Received ${body}`);
  // TODO: fake the work: sleep delayMs milliseconds for every '.' in the body
  //       (await sleep(ms) from node:timers/promises is already imported).
  console.log(' [x] Done');
}, { noAck: true }); // auto-ack for now: lab 03 shows what that costs when a worker dies.
process.once('SIGINT', () => { void connection.close().then(() => process.exit(0)); });
