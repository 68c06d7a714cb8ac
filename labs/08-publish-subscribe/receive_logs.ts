// Lab 08, receive_logs.ts: hear every broadcast on the fanout exchange.
import { connect } from '../broker.ts';

const exchange = process.env.EXCHANGE ?? 'logs';

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'fanout', { durable: false });
// TODO: declare a queue of your own: exclusive and server-named (assertQueue('', { exclusive: true })),
// and bind it to the exchange, so that a copy of every broadcast lands in it.
const queue = 'logs-for-me';
await channel.assertQueue(queue, { durable: false, autoDelete: true });
console.log(` [*] Waiting for logs in ${queue}. To exit press CTRL+C`);
await channel.consume(queue, (msg) => {
  if (msg) console.log(` [x] ${msg.content.toString()}`);
}, { noAck: true });
