// Lab 16, producer.ts: publishes COUNT numbered orders to a queue replicated over the cluster, with
// publisher confirms, and prints each one the cluster has confirmed. "Confirmed" is the promise a
// broker makes: a quorum queue confirms a message once a majority of its nodes have it.
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'orders.replicated';
const count = Number(process.env.COUNT ?? 200);
const delayMs = Number(process.env.DELAY_MS ?? 10);

const connection = await amqp.connect(url);
// The node this producer is connected to may be the one that goes down: it stops, and what it had
// not been told was confirmed may be lost. What was confirmed must not be.
connection.on('error', (err: Error) => { console.log(` [!] Connection lost: ${err.message}`); process.exit(1); });
const channel = await connection.createConfirmChannel();
// TODO 1: a classic queue lives on the one node it was declared on, and goes down with it.
// Declare a quorum queue instead (the argument x-queue-type: quorum): replicated on every node.
await channel.assertQueue(queue, { durable: true });
console.log(` [*] Publishing ${count} orders to ${queue}`);
for (let i = 1; i <= count; i++) {
  channel.sendToQueue(queue, Buffer.from(`order ${i}`), { persistent: true }, (err: unknown) => {
    if (!err) console.log(` [x] Confirmed order ${i}`);
  });
  await new Promise((r) => setTimeout(r, delayMs));
}
await channel.waitForConfirms();
await connection.close();
