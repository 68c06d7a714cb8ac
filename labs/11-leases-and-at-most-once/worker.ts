// Lab 11, worker.ts: make every task run at most once. Today a task whose worker dies is given to
// another worker and runs again (at least once).
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'tasks';
const msPerDot = Number(process.env.DELAY_MS ?? 1000);
const failed = `${queue}.failed`;

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(failed, { durable: true });
// TODO: declare the queue as a quorum queue ('x-queue-type') that hands a task out only once
// ('x-delivery-limit') and dead-letters what comes back to the failed queue
// ('x-dead-letter-exchange' '' and 'x-dead-letter-routing-key' failed). Note: a queue's arguments
// cannot change; delete the old queue first (see the README).
await channel.assertQueue(queue, { durable: true });
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
