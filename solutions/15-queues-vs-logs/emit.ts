// Lab 15, emit.ts: the same events, each into a work queue and into a stream. The work queue hands
// each event to one worker and forgets it once acked; the stream keeps every event, in order, for
// any number of readers to read (and read again) from where they choose.
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'orders';
const stream = process.env.STREAM ?? 'orders.log';
const events = process.argv.slice(2);

const connection = await amqp.connect(url);
const channel = await connection.createConfirmChannel();
await channel.assertQueue(queue, { durable: true });
// A stream is declared as a queue of type stream; it must be durable.
await channel.assertQueue(stream, { durable: true, arguments: { 'x-queue-type': 'stream' } });
for (const event of events) {
  // The publish time (seconds) travels with the event: a reader that crashes resumes from it.
  const options = { persistent: true, timestamp: Math.floor(Date.now() / 1000) };
  channel.sendToQueue(queue, Buffer.from(event), options);
  channel.sendToQueue(stream, Buffer.from(event), options);
  console.log(` [x] Sent ${event}`);
}
await channel.waitForConfirms();
await connection.close();
