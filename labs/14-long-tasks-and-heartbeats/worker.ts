// Lab 14, worker.ts: a worker for long tasks. Today its task runs on the event loop and holds it:
// while a task runs, amqplib cannot send heartbeats, and a task longer than two or three heartbeat
// timeouts gets the worker dropped by the broker, which gives the task to another worker.
import { brokerUrl, connect } from '../broker.ts';
import { work } from './task.ts';
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
// TODO 2: work on `slots` tasks at once: let the broker hand this worker that many unacked tasks.
await channel.prefetch(1);
console.log(` [*] Waiting for tasks on ${queue} (heartbeat ${heartbeat}s, ${slots} at once). To exit press CTRL+C`);

let first: number | undefined;
let done = 0;
await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const task = msg.content.toString();
  first ??= Date.now();
  console.log(` [x] Received ${task}`);
  const ms = (task.split('.').length - 1) * msPerDot;
  // TODO 1: run the task in a worker thread, so that this event loop stays free to send heartbeats:
  // `await runInThread(new URL('./task.ts', import.meta.url), { ms })` instead of `work(ms)`.
  work(ms);
  channel.ack(msg);
  done++;
  console.log(` [x] Done ${task} (${done} done, ${((Date.now() - first) / 1000).toFixed(1)}s since the first started)`);
}, { noAck: false });
