// Lab 10, rpc_client.ts: call the task: send the request with reply_to and a fresh correlation_id,
// wait for the reply carrying that id, give up after TIMEOUT_MS. DIRECT=1 uses RabbitMQ's direct
// reply-to (amq.rabbitmq.reply-to) instead of a reply queue of our own.
import { randomUUID } from 'node:crypto';
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'rpc_queue';
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 5000);
const direct = process.env.DIRECT === '1';
const request = process.argv.slice(2).join(' ') || 'fib 10';

const connection = await connect();
const channel = await connection.createChannel();
const replyTo = direct ? 'amq.rabbitmq.reply-to' : (await channel.assertQueue('', { exclusive: true })).queue;
const correlationId = randomUUID();

let deliver!: (answer: string | undefined) => void;
const reply = new Promise<string | undefined>((resolve) => { deliver = resolve; });
// The consumer is in place (consume-ok) before the request goes out: with direct reply-to the
// broker refuses a request whose reply consumer does not exist yet.
await channel.consume(replyTo, (msg) => {
  if (!msg || msg.properties.correlationId !== correlationId) return; // someone else's answer
  deliver(msg.content.toString());
}, { noAck: true });
const timer = setTimeout(() => deliver(undefined), timeoutMs);
console.log(` [x] Requesting ${request}`);
channel.sendToQueue(queue, Buffer.from(request), { replyTo, correlationId });
const answer = await reply;
clearTimeout(timer);
if (answer === undefined) {
  console.log(` [!] no reply within ${timeoutMs} ms`);
  await connection.close();
  process.exit(1);
}
console.log(` [.] Got ${answer}`);
await connection.close();
