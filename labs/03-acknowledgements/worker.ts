// Lab 03, worker.ts: make the worker safe to kill: no task may be lost.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'ack_tasks';
const msPerDot = Number(process.env.DELAY_MS ?? 1000);

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
console.log(' [*] Waiting for messages. To exit press CTRL+C');
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const task = msg.content.toString();
  console.log(` [x] Received ${task}${msg.fields.redelivered ? ' (redelivered)' : ''}`);
  const dots = task.split('.').length - 1;
  await new Promise((resolve) => setTimeout(resolve, dots * msPerDot));
  console.log(` [x] Done ${task}`);
  // TODO: acknowledge the message here, once the work is done (channel.ack).
// TODO: turn off auto-ack, so the broker waits for our ack.
}, { noAck: true });
