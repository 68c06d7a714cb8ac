// Lab 09, receive_logs_topic.ts: hear the log lines whose routing key matches any of the binding
// keys given, e.g. "kern.*" or "*.critical" or "#".
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
// TODO: bind the queue to the exchange once per binding key given on the command line. (Today
// it is bound with only the first key, so the other patterns hear nothing.)
await channel.bindQueue(queue, exchange, keys[0]!);
console.log(` [*] Waiting for ${keys.join(', ')}. To exit press CTRL+C`);
await channel.consume(queue, (msg) => {
  // TODO: print the routing key too: " [x] <routing key>: <message>".
  if (msg) console.log(` [x] ${msg.content.toString()}`);
}, { noAck: true });
