// Lab 06, producer.ts: the tasks must survive a broker restart.
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'durable_tasks';
const count = Number(process.argv[2] ?? 5);

const connection = await amqp.connect(url);
const channel = await connection.createConfirmChannel();
// TODO: declare the queue durable, so the queue itself survives a restart.
await channel.assertQueue(queue, { durable: false });
for (let i = 1; i <= count; i++) {
  // TODO: mark each message persistent, so it is written to disk.
  channel.sendToQueue(queue, Buffer.from(`task ${i}`));
}
await channel.waitForConfirms();
console.log(` [x] Sent ${count} persistent messages, all confirmed`);
await channel.close();
await connection.close();
