// Lab 08, receive_logs.ts: hear every broadcast. Each listener has its own queue — exclusive and
// server-named, so it goes away with the listener — bound to the fanout exchange.
import { connect } from '../broker.ts';

const exchange = process.env.EXCHANGE ?? 'logs';

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'fanout', { durable: false });
const { queue } = await channel.assertQueue('', { exclusive: true });
await channel.bindQueue(queue, exchange, '');
console.log(` [*] Waiting for logs in ${queue}. To exit press CTRL+C`);
await channel.consume(queue, (msg) => {
  if (msg) console.log(` [x] ${msg.content.toString()}`);
}, { noAck: true });
