// Lab 10, rpc_client.ts: call the task and wait for its answer.
import { randomUUID } from 'node:crypto';
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'rpc_queue';
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 5000);
const direct = process.env.DIRECT === '1';
const request = process.argv.slice(2).join(' ') || 'fib 10';

const connection = await connect();
const channel = await connection.createChannel();
// TODO: a reply queue of our own: exclusive and server-named — or, with DIRECT=1, the pseudo-queue
// 'amq.rabbitmq.reply-to' (consume it with noAck before sending the request).
// TODO: a fresh correlation id (randomUUID()); send the request with { replyTo, correlationId };
// consume the reply queue, keep only the reply with our correlation id, print " [.] Got <reply>";
// after TIMEOUT_MS without one print " [!] no reply within <N> ms" and exit with code 1.
console.log(` [x] Requesting ${request}`);
channel.sendToQueue(queue, Buffer.from(request));
await connection.close();
