/**
 * Lab 03 — a worker with manual acknowledgements: the broker keeps each message (unacked) until
 * the worker says it is done, so a worker killed mid-task loses nothing — the message goes back
 * to the queue and another worker gets it, marked redelivered.
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
  // fields.redelivered is the broker telling us an earlier attempt may have been made.
  console.log(` [x] Received ${body}${msg.fields.redelivered ? ' (redelivered)' : ''}`);
  const dots = body.split('.').length - 1;
  await sleep(dots * delayMs);
  console.log(' [x] Done');
  // TODO (step 3): acknowledge the message here, after the work is done: channel.ack(msg)
}, { noAck: true }); // TODO (step 2): turn automatic acks off ({ noAck: false }) so the broker waits for our ack
process.once('SIGINT', () => { void connection.close().then(() => process.exit(0)); });
