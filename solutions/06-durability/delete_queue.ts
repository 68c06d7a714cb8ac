/**
 * Lab 06 — deleting a queue: queue.delete removes the queue and every message in it, durable or not.
 * Stop the producers and consumers first; a consumer on a deleted queue is cancelled by the broker.
 */
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'durable_queue';

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
// The broker answers with how many messages went with it.
const { messageCount } = await channel.deleteQueue(queue);
console.log(` [x] Deleted ${queue} (${messageCount} messages with it)`);
await channel.close();
await connection.close();
