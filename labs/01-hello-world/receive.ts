// Lab 01, receive.ts: print every message that arrives on the queue named `queue`.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'hello';

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
console.log(' [*] Waiting for messages. To exit press CTRL+C');
// TODO: consume from the queue with auto-ack ({ noAck: true }) and print each message as
//       ` [x] Received ${msg.content.toString()}`.
