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
interface ConsumerInfo {
  consumer_tag: string; prefetch_count: number; queue: { name: string };
  /** RabbitMQ sends [] until it has statistics for the consumer's channel. */
  channel_details: { connection_name?: string; number?: number };
}

const v = encodeURIComponent(vhost);
const queues = (await get<QueueInfo[]>(`/api/queues/${v}`)).filter((q) => q.name.startsWith(prefix));
const consumers = (await get<ConsumerInfo[]>(`/api/consumers/${v}`)).filter((c) => c.queue.name.startsWith(prefix));

for (const q of queues.sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`queue ${q.name}: ready=${q.messages_ready ?? 0} unacked=${q.messages_unacknowledged ?? 0} consumers=${q.consumers ?? 0}`);
}
for (const c of consumers) {
  const channel = c.channel_details;
  console.log(`consumer ${c.consumer_tag} on ${c.queue.name} from ${channel.connection_name ?? '?'} (channel ${channel.number ?? '?'}) prefetch=${c.prefetch_count}`);
}
