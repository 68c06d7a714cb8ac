// Lab 06, cleanup.ts: delete the queue when the experiment is over.
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'durable_tasks';

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
// TODO: delete the queue (channel.deleteQueue) and print how many messages went with it.
await connection.close();
