// Lab 11, relaunch.ts: put the failed tasks back in the work queue, on purpose, once a human has
// decided they are safe to run again. Each one is removed from <queue>.failed only after the broker
// confirmed its copy in <queue>: a crash in between may relaunch a task twice, never lose it.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'tasks';
const failed = `${queue}.failed`;

const connection = await connect();
const channel = await connection.createConfirmChannel();
const { messageCount } = await channel.checkQueue(failed);
let relaunched = 0;
for (let i = 0; i < messageCount; i++) {
  const msg = await channel.get(failed, { noAck: false });
  if (!msg) break;
  channel.sendToQueue(queue, msg.content, msg.properties);
  await channel.waitForConfirms();
  channel.ack(msg);
  relaunched++;
  console.log(` [x] Relaunched ${msg.content.toString()}`);
}
console.log(` [x] ${relaunched} task(s) relaunched from ${failed} to ${queue}`);
await channel.close();
await connection.close();
