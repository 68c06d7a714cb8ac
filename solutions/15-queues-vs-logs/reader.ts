// Lab 15, reader.ts: reads the stream from where OFFSET says (first, last, next or a number) and
// prints each event with its offset. Reading takes nothing away: the next reader sees it all too.
// With CHECKPOINT=file it records the last event it has done; started again after a crash, it
// resumes from that event's time (a timestamp offset) and skips the events it had already done.
import amqp from 'amqplib';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const stream = process.env.STREAM ?? 'orders.log';
const offset = process.env.OFFSET ?? 'next';
const checkpoint = process.env.CHECKPOINT;

interface Checkpoint { offset: number; timestamp: number }
const saved: Checkpoint | undefined = checkpoint && existsSync(checkpoint)
  ? JSON.parse(readFileSync(checkpoint, 'utf8')) as Checkpoint : undefined;

/** Where to start reading: x-stream-offset. */
function startAt(): unknown {
  // After a crash: from the time of the last event done (an AMQP timestamp, in seconds).
  if (saved) return { '!': 'timestamp', value: saved.timestamp };
  return /^\d+$/.test(offset) ? Number(offset) : offset;
}

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
await channel.assertQueue(stream, { durable: true, arguments: { 'x-queue-type': 'stream' } });
// A stream's consumer must ack, and must say how many events it may hold unacked.
await channel.prefetch(10);
const start = startAt();
await channel.consume(stream, (msg) => {
  if (!msg) return;
  const at = Number(msg.properties.headers?.['x-stream-offset']);
  if (saved && at <= saved.offset) {
    // The same second holds events done before the crash: skip them, do not do them twice.
    console.log(` [=] Skipped ${at}: ${msg.content} (done before the restart)`);
  } else {
    console.log(` [x] ${at}: ${msg.content}`);
    if (checkpoint) writeFileSync(checkpoint, JSON.stringify({ offset: at, timestamp: msg.properties.timestamp }));
  }
  // The ack removes nothing from the stream: it only lets the broker send more.
  channel.ack(msg);
}, { noAck: false, arguments: start === undefined ? {} : { 'x-stream-offset': start } });
console.log(` [*] Reading ${stream} from ${JSON.stringify(start)}. To exit press CTRL+C`);
