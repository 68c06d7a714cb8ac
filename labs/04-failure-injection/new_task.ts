/**
 * Lab 04 — the task producer (given): the message is the command-line arguments, each dot in it is one
 * unit of fake work for the worker.  Usage: new_task.ts First message.
 */
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.QUEUE ?? 'task_queue';
// Joined arguments, so `new_task.ts Third message...` sends one message "Third message...".
const message = process.argv.slice(2).join(' ') || 'Hello World!';

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
await channel.assertQueue(queue);
channel.sendToQueue(queue, Buffer.from(message));
console.log(` [x] Sent '${message}'`);
await channel.close();
await connection.close();
