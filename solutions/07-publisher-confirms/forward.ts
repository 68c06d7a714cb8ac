// Lab 07, forward.ts: a pipeline stage. Each message of SOURCE is published to NEXT, and acked in
// SOURCE only once the broker has confirmed the copy: if this process dies at any moment, every
// message is in NEXT, or still in SOURCE (unacked ones go back), or in both — never in neither.
import { connect } from '../broker.ts';

const source = process.env.SOURCE ?? 'stage1';
const next = process.env.NEXT ?? 'stage2';
const msPerMessage = Number(process.env.DELAY_MS ?? 0);

const connection = await connect();
const input = await connection.createChannel();
const output = await connection.createConfirmChannel();
await input.assertQueue(source, { durable: true });
await output.assertQueue(next, { durable: true });
await input.prefetch(10);
console.log(` [*] Forwarding ${source} -> ${next}`);
// One message at a time, each taking DELAY_MS (a stand-in for real work).
let work = Promise.resolve();
await input.consume(source, (msg) => {
  if (!msg) return;
  work = work.then(async () => {
    await new Promise((r) => setTimeout(r, msPerMessage));
    output.sendToQueue(next, msg.content, { ...msg.properties, persistent: true }, (err) => {
      if (err) { input.nack(msg, false, true); return; }
      input.ack(msg);
      console.log(` [x] Forwarded ${msg.content.toString()}`);
    });
  });
}, { noAck: false });
