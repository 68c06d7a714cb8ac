// Lab 02, worker.ts: print each task, "work" DELAY_MS (default 1000 ms) per dot in it, print Done.
// Start two or three in tmux panes: the broker hands the tasks out to them in turn (round-robin).
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'task_queue';
const msPerDot = Number(process.env.DELAY_MS ?? 1000);

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
console.log(' [*] Waiting for messages. To exit press CTRL+C');
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const task = msg.content.toString();
  console.log(` [x] Received ${task}`);
  const dots = task.split('.').length - 1;
  await new Promise((resolve) => setTimeout(resolve, dots * msPerDot));
  console.log(` [x] Done ${task}`);
}, { noAck: true }); // auto-ack, as in the sheet; lab 03 shows what that costs when a worker dies
