// Lab 09, emit_log_topic.ts: publish a log line under a routing key like "kern.critical"
// (<facility>.<severity>) to a topic exchange.
import { connect } from '../broker.ts';

const exchange = process.env.EXCHANGE ?? 'topic_logs';
const [key = 'anonymous.info', ...words] = process.argv.slice(2);
const message = words.join(' ') || 'Hello World!';

const connection = await connect();
const channel = await connection.createConfirmChannel();
await channel.assertExchange(exchange, 'topic', { durable: false });
channel.publish(exchange, key, Buffer.from(message));
await channel.waitForConfirms();
console.log(` [x] Sent ${key}: ${message}`);
await connection.close();
