// Lab 11, worker.ts: a task worker for tasks that must run at most once. Its queue is a quorum
// queue with x-delivery-limit 0: a task handed out once and given back (the worker died, its lease
// ran out, it asked for a requeue) is not run again but dead-lettered to <queue>.failed.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'tasks';
const msPerDot = Number(process.env.DELAY_MS ?? 1000);
const failed = `${queue}.failed`;

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(failed, { durable: true });
await channel.assertQueue(queue, {
  durable: true,
  arguments: {
    'x-queue-type': 'quorum',
    'x-delivery-limit': 0,
    'x-dead-letter-exchange': '',
    'x-dead-letter-routing-key': failed,
  },
});
await channel.prefetch(1);
console.log(` [*] Waiting for tasks on ${queue}; failures go to ${failed}. To exit press CTRL+C`);
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const task = msg.content.toString();
  console.log(` [x] Received ${task}`);
  const dots = task.split('.').length - 1;
  await new Promise((resolve) => setTimeout(resolve, dots * msPerDot));
  console.log(` [x] Done ${task}`);
  channel.ack(msg);
}, { noAck: false });
