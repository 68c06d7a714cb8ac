// Lab 02, new_task.ts: the task is the words of the command line; each dot in it is one unit of
// fake work for the worker.  Usage: npx tsx labs/02-work-queues/new_task.ts First message.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'task_queue';
// Joined, so `new_task.ts Third message...` sends the one task "Third message...".
const task = process.argv.slice(2).join(' ') || 'Hello World!';

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
channel.sendToQueue(queue, Buffer.from(task));
console.log(` [x] Sent '${task}'`);
await channel.close();
await connection.close();
