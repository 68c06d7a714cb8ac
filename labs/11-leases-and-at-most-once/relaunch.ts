// Lab 11, relaunch.ts: put the failed tasks back in the work queue, on purpose.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'tasks';
const failed = `${queue}.failed`;

const connection = await connect();
const channel = await connection.createConfirmChannel();
const { messageCount } = await channel.checkQueue(failed);
let relaunched = 0;
// TODO: for each of the messageCount messages: take it from the failed queue (channel.get, with
// acks), publish it to the work queue with its properties (channel.sendToQueue), wait for the
// broker's confirm (channel.waitForConfirms), and only then ack it in the failed queue.
console.log(` [x] ${relaunched} task(s) relaunched from ${failed} to ${queue}`);
await channel.close();
await connection.close();
