/**
 * broker-sim's own endpoints, beyond RabbitMQ's API, under /api/queuelab/:
 *   unacked  every unacknowledged delivery: who holds it, since when, and its lease's time left
 *   leases   the same deliveries that have a deadline, soonest first
 *   events   the event log, newest first (?limit=100, ?vhost=)
 *   failed   messages waiting in `<queue>.failed` queues (--at-most-once), with why they failed
 * Each shows only what the user may see: their vhosts, as everywhere in the API.
 */
import type { Delivery } from '../core/channel.ts';
import type { Queue } from '../core/queue.ts';
import { decodeProperties } from '../protocol/index.ts';
import { ok, type ApiRequest, type ApiRouter } from './api.ts';
import type { BrokerEventInfo, FailedDeath, FailedMessage, FailedQueueInfo, QueuelabEndpoints, UnackedDelivery } from './contract.ts';
import { httpErrors } from './errors.ts';
import { toJson } from './json.ts';
import type { ChannelRef } from './snapshot.ts';

const ENDPOINTS: QueuelabEndpoints = {
  unacked: 'every unacknowledged delivery: vhost, queue, message id, delivery tag, channel, connection, consumer tag, delivered at, deadline, time left, the start of its body',
  leases: 'the unacknowledged deliveries that have a deadline, soonest first',
  events: 'the event log, newest first (?limit=100, ?vhost=NAME)',
  failed: 'messages in <queue>.failed queues, with their x-death reason (?limit=50 per queue)',
};

function deliveryJson(ref: ChannelRef, d: Delivery, now: number): UnackedDelivery {
  const finite = Number.isFinite(d.deadline);
  return {
    vhost: d.queue.vhost,
    queue: d.queue.name,
    message_id: d.message.id,
    delivery_tag: d.tag,
    channel: ref.name,
    connection: ref.conn.name,
    user: ref.conn.user?.name,
    consumer_tag: d.consumer?.tag ?? null,
    redelivered: d.message.redelivered,
    delivered_at: d.deliveredAt,
    held_ms: Math.max(0, now - d.deliveredAt),
    deadline: finite ? d.deadline : null,
    time_left_ms: finite ? Math.max(0, d.deadline - now) : null,
    body_preview: preview(d.message.body),
  };
}

/** The start of a body as text, so a dashboard can say which message a worker holds. */
const PREVIEW_BYTES = 40;
function preview(body: Buffer): string {
  // Cut at a character boundary: a UTF-8 sequence split at the end decodes to U+FFFD, dropped here.
  return body.subarray(0, PREVIEW_BYTES).toString('utf8').replace(/\uFFFD+$/, '');
}

/** Deliveries in vhosts the user may see, optionally of one vhost or one queue. */
function unacked(req: ApiRequest): UnackedDelivery[] {
  const { vhost, queue } = req.params;
  if (vhost !== undefined) req.access.readable(vhost);
  const now = req.ctx.broker.clock.now();
  const out: UnackedDelivery[] = [];
  for (const { ref, d } of req.snapshot().deliveries()) {
    if (!req.access.canSee(d.queue.vhost)) continue;
    if (vhost !== undefined && d.queue.vhost !== vhost) continue;
    if (queue !== undefined && d.queue.name !== queue) continue;
    out.push(deliveryJson(ref, d, now));
  }
  return out.sort((a, b) => a.delivered_at - b.delivered_at);
}

function limitOf(req: ApiRequest, dflt: number): number {
  const raw = req.query.get('limit');
  if (raw === null) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw httpErrors.badRequest(`limit must be a whole number from 1, got ${raw}`);
  return n;
}

function events(req: ApiRequest): BrokerEventInfo[] {
  const vhost = req.query.get('vhost') ?? undefined;
  if (vhost !== undefined) req.access.readable(vhost);
  const limit = limitOf(req, 100);
  const log = req.ctx.broker.events;
  // Filtering by visibility after taking the newest may return fewer than limit; ask for more then.
  const seen = log.recent(req.access.principal.monitor ? limit : log.capacity * 2, vhost);
  return seen.filter((e) => req.access.canSee(e.vhost)).slice(0, limit).map((e) => ({
    id: e.id, at: e.at, kind: e.kind, vhost: e.vhost, queue: e.queue,
    message_id: e.messageId ?? null, consumer_tag: e.consumerTag ?? null, channel: e.channel ?? null, detail: e.detail ?? null,
  }));
}

/** The first x-death entry of a dead-lettered message: why and where it died. */
function deathOf(raw: Buffer): FailedDeath | null {
  const deaths = decodeProperties(raw).headers?.['x-death'];
  if (!Array.isArray(deaths) || deaths.length === 0) return null;
  const d = toJson(deaths[0]) as Partial<FailedDeath>;
  return { reason: d.reason ?? null, queue: d.queue ?? null, count: d.count ?? null, time: d.time ?? null };
}

function failedQueueJson(q: Queue, limit: number): FailedQueueInfo {
  const messages: FailedMessage[] = [];
  for (const m of q.ready) {
    if (messages.length >= limit) break;
    messages.push({
      message_id: m.id, exchange: m.exchange, routing_key: m.routingKey, payload_bytes: m.body.length,
      payload: m.body.subarray(0, 200).toString('utf8'), death: deathOf(m.propertiesRaw),
    });
  }
  return { vhost: q.vhost, queue: q.name, source_queue: q.name.slice(0, -'.failed'.length), messages: q.messageCount, items: messages };
}

function failed(req: ApiRequest): FailedQueueInfo[] {
  const limit = limitOf(req, 50);
  return req.access.visibleVhosts().flatMap((v) => [...v.queues.values()])
    .filter((q) => q.name.endsWith('.failed'))
    .sort((a, b) => a.vhost.localeCompare(b.vhost) || a.name.localeCompare(b.name))
    .map((q) => failedQueueJson(q, limit));
}

export function registerQueuelabRoutes(r: ApiRouter): void {
  r.add('/api/queuelab', { GET: () => ok(ENDPOINTS) });
  r.add('/api/queuelab/unacked', { GET: (req) => ok(unacked(req)) });
  r.add('/api/queuelab/unacked/:vhost', { GET: (req) => ok(unacked(req)) });
  r.add('/api/queuelab/unacked/:vhost/:queue', { GET: (req) => ok(unacked(req)) });
  r.add('/api/queuelab/leases', {
    GET: (req) => ok(unacked(req).filter((d) => d.deadline !== null)
      .sort((a, b) => a.deadline! - b.deadline!)),
  });
  r.add('/api/queuelab/events', { GET: (req) => ok(events(req)) });
  r.add('/api/queuelab/failed', { GET: (req) => ok(failed(req)) });
}
