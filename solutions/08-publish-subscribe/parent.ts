// Lab 08, parent.ts: wait for a child task's "finished" broadcast. The queue is bound before the
// child starts, so the broadcast cannot be missed; it is exclusive, so it goes away with the parent.
import { connect } from '../broker.ts';

const events = process.env.EVENTS ?? 'events';
const id = process.env.CHILD_ID ?? 'child-1';
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 30000);

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertExchange(events, 'fanout', { durable: false });
const { queue } = await channel.assertQueue('', { exclusive: true });
await channel.bindQueue(queue, events, '');
console.log(` [*] Waiting for ${id} to finish`);
const timer = setTimeout(() => { console.log(` [!] ${id} did not finish within ${timeoutMs} ms`); process.exit(1); }, timeoutMs);
await channel.consume(queue, async (msg) => {
  if (!msg || msg.content.toString() !== `finished ${id}`) return;
  clearTimeout(timer);
  console.log(` [x] ${id} has finished`);
  await connection.close();
}, { noAck: true });
