// Lab 16, consumer.ts: takes the orders one at a time (prefetch 1), works DELAY_MS on each, acks,
// and prints it. Connected to a node that stays up, it carries on when the queue's leader goes
// down: the queue elects a new leader on another node and goes on delivering.
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'orders.replicated';
const delayMs = Number(process.env.DELAY_MS ?? 50);

const connection = await amqp.connect(url);
connection.on('error', (err: Error) => { console.log(` [!] Connection lost: ${err.message}`); process.exit(1); });
const channel = await connection.createChannel();
await channel.prefetch(1);
await channel.consume(queue, async (msg) => {
  // null: the broker cancelled this consumer (a classic queue whose node went down).
  if (!msg) { console.log(` [!] The broker cancelled this consumer: ${queue} is gone`); return; }
  await new Promise((r) => setTimeout(r, delayMs));
  channel.ack(msg);
  console.log(` [x] Received ${msg.content}${msg.fields.redelivered ? ' (redelivered)' : ''}`);
}, { noAck: false });
console.log(` [*] Waiting for orders on ${queue}. To exit press CTRL+C`);
