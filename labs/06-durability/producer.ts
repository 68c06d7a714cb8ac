// Lab 06, producer.ts: the tasks must survive a broker restart.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'durable_tasks';
const count = Number(process.argv[2] ?? 5);

const connection = await connect();
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
