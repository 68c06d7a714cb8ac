// Lab 07, forward.ts: a pipeline stage, SOURCE -> NEXT. Today a crash loses messages.
import { connect } from '../broker.ts';

const source = process.env.SOURCE ?? 'stage1';
const next = process.env.NEXT ?? 'stage2';
const msPerMessage = Number(process.env.DELAY_MS ?? 0);

const connection = await connect();
const input = await connection.createChannel();
// TODO: publish on a confirm channel (connection.createConfirmChannel()).
const output = await connection.createChannel();
await input.assertQueue(source, { durable: true });
await output.assertQueue(next, { durable: true });
console.log(` [*] Forwarding ${source} -> ${next}`);
// TODO: consume with manual acks and a small prefetch; ack each message in SOURCE only in the
// confirm callback of its copy in NEXT (nack it back if the broker nacks the copy).
// One message at a time, each taking DELAY_MS (a stand-in for real work).
let work = Promise.resolve();
await input.consume(source, (msg) => {
  if (!msg) return;
  work = work.then(async () => {
    await new Promise((r) => setTimeout(r, msPerMessage));
    output.sendToQueue(next, msg.content, { ...msg.properties, persistent: true });
    console.log(` [x] Forwarded ${msg.content.toString()}`);
  });
}, { noAck: true });
