// Lab 05, worker.ts: a worker busy with a long task should not be handed more tasks.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'fair_tasks';
const msPerDot = Number(process.env.DELAY_MS ?? 1000);

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
// TODO: ask the broker for at most one unacknowledged task at a time (channel.prefetch).
console.log(' [*] Waiting for messages. To exit press CTRL+C');
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const task = msg.content.toString();
  console.log(` [x] Received ${task}`);
  const dots = task.split('.').length - 1;
  await new Promise((resolve) => setTimeout(resolve, dots * msPerDot));
  console.log(` [x] Done ${task}`);
  channel.ack(msg);
}, { noAck: false });
