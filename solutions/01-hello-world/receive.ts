// Lab 01, receive.ts: declare the same queue (whoever starts first creates it), then consume:
// the broker pushes each message to the callback. auto-ack: a message is gone once sent to us.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'hello';

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
console.log(' [*] Waiting for messages. To exit press CTRL+C');
await channel.consume(queue, (msg) => {
  if (msg) console.log(` [x] Received ${msg.content.toString()}`);
}, { noAck: true });
