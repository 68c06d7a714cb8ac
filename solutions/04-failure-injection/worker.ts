// Lab 04, worker.ts: a worker whose processing fails on every LOSE_EVERY-th attempt (like
// `qprocessor --lose-every 3`) and still gets every task done: a failed attempt is nacked with
// requeue, so the broker offers the task again instead of it being lost.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'flaky_tasks';
const msPerDot = Number(process.env.DELAY_MS ?? 1000);
const loseEvery = Number(process.env.LOSE_EVERY ?? 3);

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
// One task at a time: a requeued task is not stuck behind others already given to us.
await channel.prefetch(1);
let attempts = 0;
console.log(' [*] Waiting for messages. To exit press CTRL+C');
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const task = msg.content.toString();
  attempts++;
  console.log(` [x] Received ${task}${msg.fields.redelivered ? ' (redelivered)' : ''}`);
  if (loseEvery > 0 && attempts % loseEvery === 0) {
    console.log(` [!] Failed ${task}: requeued`);
    channel.nack(msg, false, true);
    return;
  }
  const dots = task.split('.').length - 1;
  await new Promise((resolve) => setTimeout(resolve, dots * msPerDot));
  console.log(` [x] Done ${task}`);
  channel.ack(msg);
}, { noAck: false });
