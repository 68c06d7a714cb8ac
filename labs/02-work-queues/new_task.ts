// Lab 02, new_task.ts: send one task. Usage: npx tsx labs/02-work-queues/new_task.ts First message.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'task_queue';
// TODO: the task is the command line's words (process.argv.slice(2)) joined with spaces,
//       or 'Hello World!' when there are none.
const task = 'Hello World!';

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
channel.sendToQueue(queue, Buffer.from(task));
console.log(` [x] Sent '${task}'`);
await channel.close();
await connection.close();
