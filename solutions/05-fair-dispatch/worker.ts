// Lab 05, worker.ts: fair dispatch. With prefetch 1 the broker gives a worker a new task only once
// it has acked the last one, so a worker stuck on a long task is not handed more.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'fair_tasks';
const msPerDot = Number(process.env.DELAY_MS ?? 1000);

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
await channel.prefetch(1);
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
