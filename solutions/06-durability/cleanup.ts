// Lab 06, cleanup.ts: delete the queue, with whatever it still holds.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'durable_tasks';

const connection = await connect();
const channel = await connection.createChannel();
const { messageCount } = await channel.deleteQueue(queue);
console.log(` [x] Deleted '${queue}' with ${messageCount} messages`);
await connection.close();
