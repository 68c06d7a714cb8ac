// Lab 09, receive_logs_topic.ts: hear the log lines whose routing key matches any of the binding
// keys given, e.g. "kern.*" (one word for *) or "*.critical" or "#" (zero or more words).
import { connect } from '../broker.ts';

const exchange = process.env.EXCHANGE ?? 'topic_logs';
const keys = process.argv.slice(2);
if (keys.length === 0) {
  console.error('usage: receive_logs_topic.ts <binding key>...  e.g. "kern.*" "*.critical"');
  process.exit(1);
}

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'topic', { durable: false });
const { queue } = await channel.assertQueue('', { exclusive: true });
for (const key of keys) await channel.bindQueue(queue, exchange, key);
console.log(` [*] Waiting for ${keys.join(', ')}. To exit press CTRL+C`);
await channel.consume(queue, (msg) => {
  if (msg) console.log(` [x] ${msg.fields.routingKey}: ${msg.content.toString()}`);
}, { noAck: true });
