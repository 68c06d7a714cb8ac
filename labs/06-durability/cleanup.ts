// Lab 06, cleanup.ts: delete the queue when the experiment is over.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'durable_tasks';

const connection = await connect();
const channel = await connection.createChannel();
// TODO: delete the queue (channel.deleteQueue) and print how many messages went with it.
await connection.close();
