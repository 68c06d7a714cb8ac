/**
 * Lab 06 — a producer whose tasks survive a broker restart: the queue is declared durable (the
 * queue itself is kept) and each message is published persistent (the message is kept too).
 * Both are needed: a persistent message in a non-durable queue vanishes with the queue.
 */
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'durable_queue';
const message = process.argv.slice(2).join(' ') || 'Hello World!';

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
// Every declaration of a queue must agree on durable, or the broker refuses it (406 PRECONDITION_FAILED).
await channel.assertQueue(queue, { durable: true });
// persistent: true is delivery-mode 2: the broker writes the message to disk.
channel.sendToQueue(queue, Buffer.from(message), { persistent: true });
console.log(` [x] Sent '${message}'`);
await channel.close();
await connection.close();
