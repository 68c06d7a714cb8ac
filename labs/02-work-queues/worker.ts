// Lab 02, worker.ts: print each task, "work" DELAY_MS (default 1000 ms) per dot in it, print Done.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'task_queue';

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
console.log(' [*] Waiting for messages. To exit press CTRL+C');
// TODO: consume from the queue with { noAck: true }. For each message print ` [x] Received ${task}`,
//       wait Number(process.env.DELAY_MS ?? 1000) ms for every '.' in the task, then print ` [x] Done ${task}`.
