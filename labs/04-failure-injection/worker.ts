// Lab 04, worker.ts: this worker fails on every LOSE_EVERY-th attempt, like
// `qprocessor --lose-every 3`. Make it get every task done all the same.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'flaky_tasks';
const msPerDot = Number(process.env.DELAY_MS ?? 1000);
const loseEvery = Number(process.env.LOSE_EVERY ?? 3);

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
let attempts = 0;
console.log(' [*] Waiting for messages. To exit press CTRL+C');
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const task = msg.content.toString();
  attempts++;
  console.log(` [x] Received ${task}${msg.fields.redelivered ? ' (redelivered)' : ''}`);
  if (loseEvery > 0 && attempts % loseEvery === 0) {
    console.log(` [!] Failed ${task}`);
    // TODO: a failed attempt must not lose the task: give it back to the broker (channel.nack
    //       with requeue) instead of returning.
    return;
  }
  const dots = task.split('.').length - 1;
  await new Promise((resolve) => setTimeout(resolve, dots * msPerDot));
  console.log(` [x] Done ${task}`);
  // TODO: ack the task once it is done.
// TODO: use manual acks (noAck: false) and take one task at a time (channel.prefetch(1)).
}, { noAck: true });
