// Lab 01, send.ts: publish "Hello World!" to the queue named `queue`.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'hello';

const connection = await connect();
const channel = await connection.createChannel();
// TODO: make sure the queue exists (channel.assertQueue), then send the bytes of 'Hello World!'
//       to it through the default exchange (channel.sendToQueue).
console.log(" [x] Sent 'Hello World!'");
await channel.close();
await connection.close();
