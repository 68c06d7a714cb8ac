// Lab 01, send.ts: publish "Hello World!" to the queue named `queue`.
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'hello';

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
// TODO: make sure the queue exists (channel.assertQueue), then send the bytes of 'Hello World!'
//       to it through the default exchange (channel.sendToQueue).
console.log(" [x] Sent 'Hello World!'");
await channel.close();
await connection.close();
