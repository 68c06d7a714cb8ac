// Lab 09, emit_log_direct.ts: publish a log line under its severity ("info", "warning", "error")
// to a direct exchange: it reaches the queues bound with exactly that key.
import { connect } from '../broker.ts';

const exchange = process.env.EXCHANGE ?? 'direct_logs';
const [severity = 'info', ...words] = process.argv.slice(2);
const message = words.join(' ') || 'Hello World!';

const connection = await connect();
const channel = await connection.createConfirmChannel();
await channel.assertExchange(exchange, 'direct', { durable: false });
channel.publish(exchange, severity, Buffer.from(message));
await channel.waitForConfirms();
console.log(` [x] Sent ${severity}: ${message}`);
await connection.close();
