// Lab 07, publisher.ts: three ways to publish COUNT persistent messages, timed.
import { type ConfirmChannel } from 'amqplib';
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'confirms';
const count = Number(process.env.COUNT ?? 2000);
const window = Number(process.env.WINDOW ?? 100);
const body = Buffer.alloc(256, 'x');

const connection = await connect();
const plain = await connection.createChannel();
const confirming: ConfirmChannel = await connection.createConfirmChannel();
await plain.assertQueue(queue, { durable: true });

async function timed(label: string, publish: () => Promise<void>): Promise<void> {
  const start = performance.now();
  await publish();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(16)} ${String(count).padStart(6)} messages ${String(Math.round((count * 1000) / ms)).padStart(8)} msg/s`);
}

console.log(`${'mode'.padEnd(16)} ${'sent'.padStart(15)} ${'rate'.padStart(14)}`);
await timed('fire-and-forget', async () => {
  for (let i = 0; i < count; i++) plain.sendToQueue(queue, body, { persistent: true });
  await plain.checkQueue(queue); // a round trip, so the broker has them all
});
// TODO (synchronous): publish COUNT messages on the confirm channel, waiting for the broker's
// confirm after each one (await confirming.waitForConfirms()). Time it with timed('synchronous', …).
// TODO (asynchronous): publish COUNT messages with a callback per message
// (confirming.sendToQueue(queue, body, { persistent: true }, (err) => …)), never more than WINDOW
// unconfirmed at once; count nacks; time it with timed('asynchronous', …).
await connection.close();
