/**
 * The graph's table alternative and the broker-sim panels, as rows of strings: exchanges, bindings,
 * queues, consumers, leases (with their time left) and the event log. Pure, so the tests read
 * exactly what the page shows.
 */
import { consumedRate, statOf, workerName } from './graph.ts';
import { clockText, durationText, exchangeLabel, rateText } from './format.ts';
import type { PageSnapshot } from './snapshot.ts';

export interface Table {
  caption: string;
  head: string[];
  rows: string[][];
  /** For the queue table: each row's queue, so a row can select it. */
  queues?: string[];
}

export function exchangeTable(s: PageSnapshot): Table {
  const xs = [...s.exchanges].sort((a, b) => a.name.localeCompare(b.name));
  return {
    caption: 'Exchanges', head: ['Exchange', 'Type', 'Durable', 'In'],
    rows: xs.map((x) => [exchangeLabel(x.name), x.type, x.durable ? 'yes' : 'no',
      x.message_stats?.publish_in_details ? rateText(statOf(x.message_stats, 'publish_in').rate) : '—']),
  };
}

export function bindingTable(s: PageSnapshot): Table {
  const bs = s.bindings.filter((b) => b.source !== '');
  return {
    caption: 'Bindings (the default exchange binds every queue by its name, not listed)', head: ['From exchange', 'To', 'Binding key', 'Arguments'],
    rows: bs.map((b) => [b.source, `${b.destination_type} ${b.destination}`, b.routing_key === '' ? '(empty)' : b.routing_key,
      Object.keys(b.arguments ?? {}).length ? JSON.stringify(b.arguments) : '']),
  };
}

export function queueTable(s: PageSnapshot): Table {
  const qs = s.queues.filter((q) => q.vhost === s.vhost).sort((a, b) => a.name.localeCompare(b.name));
  return {
    caption: 'Queues', head: ['Queue', 'Type', 'Ready', 'Unacked', 'Consumers', 'In', 'Out', 'Ack'],
    queues: qs.map((q) => q.name),
    rows: qs.map((q) => [q.name, q.type ?? 'classic', String(q.messages_ready ?? 0), String(q.messages_unacknowledged ?? 0),
      String(q.consumers ?? 0), rateText(statOf(q.message_stats, 'publish').rate), rateText(consumedRate(q.message_stats)),
      rateText(statOf(q.message_stats, 'ack').rate)]),
  };
}

export function consumerTable(s: PageSnapshot, queue?: string): Table {
  const conns = new Map(s.connections.map((c) => [c.name, c]));
  const unacked = new Map(s.channels.map((c) => [c.name, c.messages_unacknowledged ?? 0]));
  const cs = s.consumers.filter((c) => c.queue.vhost === s.vhost && (queue === undefined || c.queue.name === queue))
    .sort((a, b) => a.queue.name.localeCompare(b.queue.name) || a.consumer_tag.localeCompare(b.consumer_tag));
  return {
    caption: queue === undefined ? 'Consumers' : `Consumers of ${queue}`,
    head: ['Worker', 'Consumer tag', ...(queue === undefined ? ['Queue'] : []), 'Prefetch', 'Unacked', 'Ack'],
    rows: cs.map((c) => [workerName(conns.get(c.channel_details.connection_name), c.channel_details.connection_name), c.consumer_tag,
      ...(queue === undefined ? [c.queue.name] : []), c.prefetch_count === 0 ? 'none' : String(c.prefetch_count),
      String(unacked.get(c.channel_details.name) ?? 0), c.ack_required ? 'manual' : 'auto']),
  };
}

/**
 * broker-sim's leases: who holds which message, for how long, and the time left before the consumer
 * timeout takes it back. `now` is the page clock; time left counts down from the snapshot's answer.
 */
export function leaseTable(s: PageSnapshot, now: number, queue?: string): Table {
  const conns = new Map(s.connections.map((c) => [c.name, c]));
  const elapsed = Math.max(0, now - s.at);
  const ds = (s.unacked ?? []).filter((d) => queue === undefined || d.queue === queue)
    .sort((a, b) => (a.time_left_ms ?? Infinity) - (b.time_left_ms ?? Infinity) || a.delivered_at - b.delivered_at);
  return {
    caption: queue === undefined ? 'Leases (unacknowledged deliveries)' : `Leases on ${queue}`,
    head: ['Queue', 'Message', 'Delivery tag', 'Held by', 'Worker', 'Held for', 'Time left'],
    rows: ds.map((d) => [d.queue, String(d.message_id), String(d.delivery_tag), d.consumer_tag ?? '(basic.get)',
      workerName(conns.get(d.connection), d.connection), durationText(d.held_ms + elapsed),
      d.time_left_ms === null ? 'no timeout' : durationText(d.time_left_ms - elapsed)]),
  };
}

/** Routine events (each delivery granted, each ack) hidden unless asked for: they would drown the rest. */
export const ROUTINE_EVENTS = new Set(['lease.granted', 'lease.acked']);

const EVENT_WORDS: Record<string, string> = {
  'lease.granted': 'delivered', 'lease.acked': 'acked', 'lease.requeued': 'requeued', 'lease.rejected': 'rejected',
  'lease.expired': 'lease expired', 'lease.released': 'released (consumer gone)', 'dead-lettered': 'dead-lettered',
  'consumer.cancelled': 'consumer cancelled', 'queue.expired': 'queue expired',
};

/** The event log, newest first; `detail` says why (e.g. at-most-once: failed, sent to <queue>.failed). */
export function eventTable(s: PageSnapshot, o: { routine?: boolean; limit?: number } = {}): Table {
  const es = (s.events ?? []).filter((e) => o.routine || !ROUTINE_EVENTS.has(e.kind)).slice(0, o.limit ?? 30);
  return {
    caption: 'Event log (newest first)', head: ['Time', 'Event', 'Queue', 'Message', 'Consumer', 'Detail'],
    rows: es.map((e) => [clockText(e.at), EVENT_WORDS[e.kind] ?? e.kind, e.queue, e.message_id === null ? '' : String(e.message_id),
      e.consumer_tag ?? '', e.detail ?? '']),
  };
}

/** The selected queue's facts for the side panel, as label/value pairs; undefined when it is gone. */
export function queueFacts(s: PageSnapshot, name: string): [string, string][] | undefined {
  const q = s.queues.find((x) => x.vhost === s.vhost && x.name === name);
  if (!q) return undefined;
  const st = q.message_stats;
  const args = Object.entries(q.arguments ?? {}).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
  const into = s.bindings.filter((b) => b.destination_type === 'queue' && b.destination === name)
    .map((b) => (b.source === '' ? `default (key ${b.routing_key})` : `${b.source} (key ${b.routing_key === '' ? 'empty' : b.routing_key})`));
  const facts: [string, string][] = [
    ['type', `${q.type ?? 'classic'}${q.durable ? ', durable' : ', transient'}${q.exclusive ? ', exclusive' : ''}${q.auto_delete ? ', auto-delete' : ''}`],
    ['ready', String(q.messages_ready ?? 0)],
    ['unacked', String(q.messages_unacknowledged ?? 0)],
    ['consumers', String(q.consumers ?? 0)],
    ['rates', `in ${rateText(statOf(st, 'publish').rate)}, delivered ${rateText(consumedRate(st))}, got ${rateText(statOf(st, 'get').rate + statOf(st, 'get_no_ack').rate)}, acked ${rateText(statOf(st, 'ack').rate)}, redelivered ${rateText(statOf(st, 'redeliver').rate)}`],
    ['bound from', into.join('; ') || 'nothing'],
  ];
  if (args) facts.push(['arguments', args]);
  if (s.unacked) facts.push(['leases', String(s.unacked.filter((d) => d.queue === name && d.deadline !== null).length)]);
  return facts;
}
