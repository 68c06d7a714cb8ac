// Lab 01, send.ts: connect, open a channel, make sure the queue exists, publish one message
// through the default exchange (its routing key is the queue's name), then close.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'hello';

const connection = await connect();
const channel = await connection.createChannel();
// Declaring is idempotent: it creates the queue only if it does not exist yet.
await channel.assertQueue(queue, { durable: false });
channel.sendToQueue(queue, Buffer.from('Hello World!'));
console.log(" [x] Sent 'Hello World!'");
// Closing the channel waits until the broker has the message.
await channel.close();
await connection.close();
