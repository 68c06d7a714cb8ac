/**
 * Lab 06 — a producer whose tasks should survive a broker restart. They do not, yet.
 */
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'durable_queue';
const message = process.argv.slice(2).join(' ') || 'Hello World!';

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
// TODO (step 2): declare the queue durable ({ durable: true }) — and do the same in worker.ts,
//       because every declaration of one queue must agree.
await channel.assertQueue(queue, { durable: false });
// TODO (step 2): publish the message persistent ({ persistent: true } as a third argument).
channel.sendToQueue(queue, Buffer.from(message));
console.log(` [x] Sent '${message}'`);
await channel.close();
await connection.close();
