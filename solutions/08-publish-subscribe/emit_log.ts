// Lab 08, emit_log.ts: broadcast a log line to everyone listening, through a fanout exchange.
import { connect } from '../broker.ts';

const exchange = process.env.EXCHANGE ?? 'logs';
const message = process.argv.slice(2).join(' ') || 'info: Hello World!';

const connection = await connect();
const channel = await connection.createConfirmChannel();
await channel.assertExchange(exchange, 'fanout', { durable: false });
channel.publish(exchange, '', Buffer.from(message));
await channel.waitForConfirms();
console.log(` [x] Sent ${message}`);
await connection.close();
