// Lab 06, producer.ts: a durable queue and persistent messages survive a broker restart. Publisher
// confirms tell us the broker has written them before we exit.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'durable_tasks';
const count = Number(process.argv[2] ?? 5);

const connection = await connect();
const channel = await connection.createConfirmChannel();
await channel.assertQueue(queue, { durable: true });
for (let i = 1; i <= count; i++) {
  channel.sendToQueue(queue, Buffer.from(`task ${i}`), { persistent: true });
}
await channel.waitForConfirms();
console.log(` [x] Sent ${count} persistent messages, all confirmed`);
await channel.close();
await connection.close();
