/**
 * Lab 06 — deleting a queue (step 4 of the README).
 */
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'durable_queue';

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
// TODO (step 4): delete the queue (channel.deleteQueue(queue)) and print how many messages went with it.
console.log(` [x] Deleted ${queue}`);
await channel.close();
await connection.close();
