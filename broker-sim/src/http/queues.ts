/** /api/queues…: list, show, declare (PUT), delete, purge (DELETE …/contents). */
import type { Queue } from '../core/queue.ts';
import { decodeProperties, PROPERTY_FLAGS } from '../protocol/index.ts';
import { afterCommit, created, noContent, ok, type ApiRequest, type ApiResult, type ApiRouter } from './api.ts';
import { consumersJson } from './connections.ts';
import type { QueueInfo } from './contract.ts';
import { fromAmqp, httpErrors } from './errors.ts';
import { peerHost, readBoolean, readTable, toJson } from './json.ts';
import { messageCounts, messageStats, type Figures, type Snapshot } from './snapshot.ts';

/**
 * The timestamp property of the queue's head message, in seconds, as RabbitMQ reports it; null
 * without one, and while the head is in the database only (a look must not read the backlog).
 */
function headTimestamp(q: Queue): number | null {
  const raw = q.ready.peekInMemory()?.propertiesRaw;
  if (!raw || raw.length < 2 || (raw.readUInt16BE(0) & PROPERTY_FLAGS.timestamp) === 0) return null;
  return decodeProperties(raw).timestamp ?? null;
}

/** What of a queue is held in memory and what only on disk, as RabbitMQ counts it. */
function inMemory(q: Queue, f: Figures): Pick<QueueInfo, 'messages_ram' | 'messages_ready_ram' | 'messages_unacknowledged_ram'
  | 'message_bytes_ram' | 'messages_paged_out' | 'message_bytes_paged_out'> {
  const readyRam = q.messageCount - q.ready.pagedOut;
  const unacked = f.values.messages_unacknowledged ?? 0;
  return {
    messages_ram: readyRam + unacked, messages_ready_ram: readyRam, messages_unacknowledged_ram: unacked,
    message_bytes_ram: q.ready.bytes - q.ready.pagedOutBytes + f.bytesUnacked,
    messages_paged_out: q.ready.pagedOut, message_bytes_paged_out: q.ready.pagedOutBytes,
  };
}

/** A queue as RabbitMQ's API shows it; `detailed` adds what only GET of one queue shows. */
export function queueJson(s: Snapshot, q: Queue, detailed = false): QueueInfo {
  const f = s.figures(q);
  const owner = q.owner === null ? undefined : s.connectionById(q.owner.id);
  const out: QueueInfo = {
    arguments: toJson(q.args) as Record<string, unknown>,
    auto_delete: q.autoDelete,
    consumers: q.consumers.length,
    durable: q.durable,
    effective_policy_definition: q.policy ? { ...q.policy.definition } : {},
    exclusive: q.exclusive,
    exclusive_consumer_tag: q.consumers.find((c) => c.exclusive)?.tag ?? null,
    head_message_timestamp: headTimestamp(q),
    message_bytes: f.bytesReady + f.bytesUnacked,
    message_bytes_ready: f.bytesReady,
    message_bytes_unacknowledged: f.bytesUnacked,
    ...inMemory(q, f),
    message_stats: messageStats(f),
    ...messageCounts(f),
    name: q.name,
    node: s.ctx.node,
    operator_policy: null,
    policy: q.policy?.name ?? null,
    single_active_consumer_tag: q.options.singleActiveConsumer ? (q.consumers[0]?.tag ?? null) : null,
    state: 'running',
    type: q.options.type,
    vhost: q.vhost,
  };
  if (owner) out.owner_pid_details = { name: owner.name, peer_host: peerHost(owner.peer.host), peer_port: owner.peer.port };
  if (detailed) {
    out.consumer_details = consumersJson(s, q.consumers);
    out.deliveries = [];
    out.incoming = [];
  }
  return out;
}

function byVhostThenName(a: Queue, b: Queue): number {
  return a.vhost.localeCompare(b.vhost) || a.name.localeCompare(b.name);
}

function listQueues(req: ApiRequest, vhost?: string): QueueInfo[] {
  const vhosts = vhost === undefined ? req.access.visibleVhosts() : [req.access.readable(vhost)];
  const s = req.snapshot();
  return vhosts.flatMap((v) => [...v.queues.values()]).sort(byVhostThenName).map((q) => queueJson(s, q));
}

function findQueue(req: ApiRequest, writable: boolean): Queue {
  const v = writable ? req.access.writable(req.params.vhost!) : req.access.readable(req.params.vhost!);
  const q = v.queues.get(req.params.name!);
  if (!q) throw httpErrors.notFound();
  return q;
}

function declare(req: ApiRequest): Promise<ApiResult> {
  const { vhost: vhostName, name } = req.params as { vhost: string; name: string };
  const v = req.access.writable(vhostName);
  req.access.require(vhostName, 'configure', 'queue', name);
  const body = req.body();
  const existed = v.queues.has(name);
  try {
    v.declareQueue({
      queue: name, passive: false, exclusive: false,
      durable: readBoolean(body, 'durable', false), autoDelete: readBoolean(body, 'auto_delete', false),
      arguments: readTable(body, 'arguments'),
    }, v.queues.get(name)?.owner ?? null);
  } catch (err) {
    throw fromAmqp(err);
  }
  return afterCommit(req, existed ? noContent() : created());
}

function remove(req: ApiRequest): Promise<ApiResult> {
  const q = findQueue(req, true);
  req.access.require(q.vhost, 'configure', 'queue', q.name);
  const flag = (k: string): boolean => req.query.get(k) === 'true';
  try {
    req.ctx.broker.vhost(q.vhost)!.deleteQueue(q.name, flag('if-unused'), flag('if-empty'), q.owner);
  } catch (err) {
    throw fromAmqp(err);
  }
  return afterCommit(req, noContent());
}

function purge(req: ApiRequest): Promise<ApiResult> {
  const q = findQueue(req, true);
  req.access.require(q.vhost, 'read', 'queue', q.name);
  try {
    req.ctx.broker.vhost(q.vhost)!.purgeQueue(q.name, q.owner);
  } catch (err) {
    throw fromAmqp(err);
  }
  return afterCommit(req, noContent());
}

export function registerQueueRoutes(r: ApiRouter): void {
  r.add('/api/queues', { GET: (req) => ok(listQueues(req)) });
  r.add('/api/queues/:vhost', { GET: (req) => ok(listQueues(req, req.params.vhost!)) });
  r.add('/api/queues/:vhost/:name', {
    GET: (req) => ok(queueJson(req.snapshot(), findQueue(req, false), true)),
    PUT: declare,
    DELETE: remove,
  });
  r.add('/api/queues/:vhost/:name/contents', { DELETE: purge });
}
