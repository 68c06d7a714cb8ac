// Lab 14, worker.ts: a worker for long tasks. Each task runs in a worker thread, so the event loop
// stays free and amqplib keeps sending heartbeats however long the task takes; with prefetch
// `slots` the broker hands this worker that many tasks, and they run at once, each acked when its
// own thread is done.
import { brokerUrl, connect } from '../broker.ts';
import { runInThread } from './run-in-thread.ts';

const url = new URL(brokerUrl());
const queue = process.env.QUEUE ?? 'long_tasks';
const heartbeat = Number(process.env.HEARTBEAT ?? 5);
const msPerDot = Number(process.env.DELAY_MS ?? 1000);
const slots = Number(process.env.SLOTS ?? 1);
url.searchParams.set('heartbeat', String(heartbeat));

const connection = await connect(url.toString());
connection.on('error', (err: Error) => console.log(` [!] Connection lost: ${err.message}`));
connection.on('close', () => process.exit(1));
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
// amqplib calls the callback below for every delivery without waiting for the last one to finish:
// prefetch alone decides how many tasks run at once.
await channel.prefetch(slots);
console.log(` [*] Waiting for tasks on ${queue} (heartbeat ${heartbeat}s, ${slots} at once). To exit press CTRL+C`);

let first: number | undefined;
let done = 0;
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const task = msg.content.toString();
  first ??= Date.now();
  console.log(` [x] Received ${task}`);
  const ms = (task.split('.').length - 1) * msPerDot;
  await runInThread(new URL('./task.ts', import.meta.url), { ms });
  channel.ack(msg);
  done++;
  console.log(` [x] Done ${task} (${done} done, ${((Date.now() - first) / 1000).toFixed(1)}s since the first started)`);
}, { noAck: false });
