// Lab 13, inspect.ts: what is queued, what is held, and by whom — from the broker's management
// HTTP API, which RabbitMQ and broker-sim both serve (same paths, same JSON). RabbitMQ serves it
// on port 15672; broker-sim on 15672 too when that port is free, else on another (it prints it).
import { brokerUrl, managementUrl } from '../broker.ts';

const amqpUrl = new URL(brokerUrl());
const api = managementUrl();
console.error(`management API at ${api}`);
const vhost = decodeURIComponent(amqpUrl.pathname.slice(1)) || '/';
const prefix = process.env.QUEUE_PREFIX ?? '';
const user = decodeURIComponent(amqpUrl.username || 'guest');
const password = decodeURIComponent(amqpUrl.password || 'guest');
const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function get<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, api), { headers: { authorization } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}

interface QueueInfo { name: string; messages_ready: number; messages_unacknowledged: number; consumers: number }

const v = encodeURIComponent(vhost);
const queues = (await get<QueueInfo[]>(`/api/queues/${v}`)).filter((q) => q.name.startsWith(prefix));

for (const q of queues.sort((a, b) => a.name.localeCompare(b.name))) {
  // TODO: print how many messages are ready and how many are held (unacknowledged), and how many
  // consumers the queue has, as: `queue NAME: ready=N unacked=N consumers=N`.
  console.log(`queue ${q.name}`);
}
// TODO: answer "who is working on what right now": GET /api/consumers/{vhost} and print, for each
// consumer of these queues: `consumer TAG on QUEUE from CONNECTION (channel N) prefetch=N`
// (fields consumer_tag, queue.name, channel_details.connection_name and .number, prefetch_count).
