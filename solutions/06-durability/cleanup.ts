// Lab 06, cleanup.ts: delete the queue, with whatever it still holds.
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'durable_tasks';

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
const { messageCount } = await channel.deleteQueue(queue);
console.log(` [x] Deleted '${queue}' with ${messageCount} messages`);
await connection.close();
