// Lab 03, worker.ts: manual acknowledgements. The broker keeps each message, unacked, until the
// worker says it is done; a worker killed mid-task never acks, so the message goes to another worker.
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
  // Ack only after the work is done: until then the message is not lost if we die.
  channel.ack(msg);
}, { noAck: false });
