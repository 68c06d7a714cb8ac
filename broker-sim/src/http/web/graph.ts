/**
 * The picture the tutorials draw, from one snapshot: publishers → exchanges → (bindings) → queues →
 * consumers. Pure: nodes and edges with their labels and observed rates; layout.ts places them.
 *
 * The management API counts messages per queue and per exchange, not per binding, so an edge's rate
 * is inferred: a queue's publish rate is shared among the bindings that lead to it (the default
 * exchange's only when the queue has no other), and its delivery rate among its consumers.
 */
import type { BindingInfo, ConnectionInfo, ConsumerInfo, MessageStats, QueueInfo } from './api-types.ts';
import { exchangeLabel, plural, rateText } from './format.ts';
import type { PageExchange, PageSnapshot } from './snapshot.ts';

export type NodeKind = 'publisher' | 'exchange' | 'queue' | 'consumer';
export type EdgeKind = 'publish' | 'binding' | 'default' | 'exchange-binding' | 'dead-letter' | 'deliver';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  title: string;
  subtitle: string;
  /** Short lines under the title (counts, rates). */
  lines: string[];
  /** For a queue node: the queue's name. */
  queue?: string;
  /** Read by screen readers and shown as a tooltip. */
  description: string;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** Binding key (or dead-letter routing key); '' for none. */
  label: string;
  /** Messages per second along the edge, as observed (see the module comment). */
  rate: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Same key, same nodes and edges: the layout can be kept. */
  key: string;
}

export interface GraphOptions {
  /** Draw the default exchange and its implicit binding to every queue. Default true. */
  showDefaultExchange?: boolean;
}

export const PUBLISHERS = 'p:publishers';
export const exchangeId = (name: string): string => `x:${name}`;
export const queueId = (name: string): string => `q:${name}`;
export const consumerId = (c: ConsumerInfo): string => `c:${c.channel_details.name}/${c.consumer_tag}`;

/** A counter or its rate from message_stats: `publish` → number, `publish_details.rate` → per second. */
export function statOf(stats: object | undefined, key: string): { count: number; rate: number } {
  const s = stats as Record<string, unknown> | undefined;
  const count = typeof s?.[key] === 'number' ? (s[key] as number) : 0;
  const d = s?.[`${key}_details`] as { rate?: unknown } | undefined;
  return { count, rate: typeof d?.rate === 'number' ? d.rate : 0 };
}

/** Messages handed to consumers (not to basic.get): deliver plus deliver_no_ack. */
export function consumedRate(stats: MessageStats | undefined): number {
  return statOf(stats, 'deliver').rate + statOf(stats, 'deliver_no_ack').rate;
}

/** The name a worker gave its connection (qprocessor --name, pika's connection_name), else the connection's own. */
export function workerName(conn: ConnectionInfo | undefined, fallback: string): string {
  const given = conn?.user_provided_name ?? conn?.client_properties?.connection_name;
  return typeof given === 'string' && given !== '' ? given : fallback;
}

interface Routed { edge: GraphEdge; count: number }

/** Queue edges: bindings with their share of the queue's publishes (count since start, and rate). */
function bindingEdges(s: PageSnapshot, queues: Map<string, QueueInfo>, o: GraphOptions): Routed[] {
  const explicit = new Map<string, number>();
  for (const b of s.bindings) {
    if (b.source !== '' && b.destination_type === 'queue') explicit.set(b.destination, (explicit.get(b.destination) ?? 0) + 1);
  }
  const out: Routed[] = [];
  s.bindings.forEach((b: BindingInfo, i) => {
    if (b.destination_type === 'exchange') {
      const dest = s.exchanges.find((x) => x.name === b.destination);
      const st = statOf(dest?.message_stats, 'publish_in');
      out.push({ edge: { id: `b${i}:${b.source}>${b.destination}`, from: exchangeId(b.source), to: exchangeId(b.destination), kind: 'exchange-binding', label: b.routing_key, rate: st.rate }, count: st.count });
      return;
    }
    const q = queues.get(b.destination);
    if (!q) return;
    const isDefault = b.source === '';
    if (isDefault && o.showDefaultExchange === false) return;
    const others = explicit.get(q.name) ?? 0;
    const share = isDefault ? (others === 0 ? 1 : 0) : 1 / others;
    const st = statOf(q.message_stats, 'publish');
    out.push({
      edge: { id: `b${i}:${b.source}>${q.name}`, from: exchangeId(b.source), to: queueId(q.name), kind: isDefault ? 'default' : 'binding', label: isDefault ? '' : b.routing_key, rate: st.rate * share },
      count: st.count * share,
    });
  });
  return out;
}

/** Queues with x-dead-letter-exchange send what they reject or expire to that exchange. */
function deadLetterEdges(queues: QueueInfo[], exchanges: Set<string>): GraphEdge[] {
  const out: GraphEdge[] = [];
  for (const q of queues) {
    const dlx = q.arguments?.['x-dead-letter-exchange'];
    if (typeof dlx !== 'string' || !exchanges.has(dlx)) continue;
    const key = q.arguments['x-dead-letter-routing-key'];
    out.push({ id: `dl:${q.name}>${dlx}`, from: queueId(q.name), to: exchangeId(dlx), kind: 'dead-letter', label: typeof key === 'string' ? key : '', rate: 0 });
  }
  return out;
}

function exchangeNode(x: PageExchange, inRate: number, edges: GraphEdge[]): GraphNode {
  const bindings = edges.filter((e) => e.from === exchangeId(x.name) && e.kind !== 'dead-letter').length;
  return {
    id: exchangeId(x.name), kind: 'exchange', title: exchangeLabel(x.name), subtitle: `${x.type} exchange`,
    lines: [`in ${rateText(inRate)}`],
    description: `${x.type} exchange ${exchangeLabel(x.name)}: ${plural(bindings, 'binding')}, ${rateText(inRate)} in`,
  };
}

function queueNode(q: QueueInfo, leases: number | undefined): GraphNode {
  const ready = q.messages_ready ?? 0;
  const unacked = q.messages_unacknowledged ?? 0;
  const pub = statOf(q.message_stats, 'publish').rate;
  const out = statOf(q.message_stats, 'deliver_get').rate;
  const type = q.type ?? 'classic';
  return {
    id: queueId(q.name), kind: 'queue', queue: q.name, title: q.name,
    subtitle: `${type}${q.durable ? ', durable' : ''}${q.exclusive ? ', exclusive' : ''}${leases ? ` · ${plural(leases, 'lease')}` : ''}`,
    lines: [`ready ${ready} · unacked ${unacked}`, `in ${rateText(pub)} · out ${rateText(out)}`],
    description: `${type} queue ${q.name}: ${ready} ready, ${unacked} unacknowledged, ${plural(q.consumers ?? 0, 'consumer')}, ${rateText(pub)} in, ${rateText(out)} out`,
  };
}

function consumerNode(c: ConsumerInfo, worker: string, unacked: number): GraphNode {
  const prefetch = c.prefetch_count === 0 ? 'no prefetch limit' : `prefetch ${c.prefetch_count}`;
  const ack = c.ack_required ? 'manual ack' : 'auto ack';
  return {
    id: consumerId(c), kind: 'consumer', title: worker, subtitle: c.consumer_tag,
    lines: [`${prefetch} · unacked ${unacked}`, ack + (c.active === false ? ' · waiting' : '')],
    description: `consumer ${c.consumer_tag} of ${worker} on queue ${c.queue.name}: ${prefetch}, ${unacked} unacknowledged on its channel, ${ack}`,
  };
}

/** Builds the vhost's graph. */
export function buildGraph(s: PageSnapshot, o: GraphOptions = {}): Graph {
  const queues = new Map(s.queues.filter((q) => q.vhost === s.vhost).map((q) => [q.name, q]));
  const routed = bindingEdges(s, queues, o);
  const edges: GraphEdge[] = routed.map((r) => r.edge);
  const exchangeNames = new Set(s.exchanges.map((x) => x.name));
  edges.push(...deadLetterEdges([...queues.values()], exchangeNames));

  // An exchange's rate in: RabbitMQ's publish_in where it has one, else the busiest edge out (a lower bound).
  const inRate = new Map<string, number>();
  const traffic = new Map<string, number>();
  for (const x of s.exchanges) {
    const st = statOf(x.message_stats, 'publish_in');
    const outs = routed.filter((r) => r.edge.from === exchangeId(x.name));
    inRate.set(x.name, x.message_stats?.publish_in_details ? st.rate : Math.max(0, ...outs.map((r) => r.edge.rate)));
    traffic.set(x.name, st.count + outs.reduce((n, r) => n + r.count, 0));
  }
  const used = new Set(edges.flatMap((e) => [e.from, e.to]));
  // Built-in amq.* exchanges are drawn only when something uses them; the default one when it routes.
  const shown = s.exchanges.filter((x) => (x.name !== '' && !x.name.startsWith('amq.')) || used.has(exchangeId(x.name)) || (traffic.get(x.name) ?? 0) > 0)
    .filter((x) => x.name !== '' || o.showDefaultExchange !== false)
    .sort((a, b) => a.name.localeCompare(b.name));
  const nodes: GraphNode[] = [];

  // Publishers: one node for every client that publishes, named where the API names them.
  const published = shown.filter((x) => (traffic.get(x.name) ?? 0) > 0);
  if (published.length > 0) {
    const names = publisherNames(s);
    nodes.push({
      id: PUBLISHERS, kind: 'publisher', title: 'publishers', subtitle: names.length ? names.slice(0, 2).join(', ') + (names.length > 2 ? ` +${names.length - 2}` : '') : 'clients, the page',
      lines: [], description: `publishers${names.length ? `: ${names.join(', ')}` : ''}`,
    });
    for (const x of published) edges.push({ id: `p>${x.name}`, from: PUBLISHERS, to: exchangeId(x.name), kind: 'publish', label: '', rate: inRate.get(x.name) ?? 0 });
  }
  for (const x of shown) nodes.push(exchangeNode(x, inRate.get(x.name) ?? 0, edges));

  const leases = new Map<string, number>();
  for (const d of s.unacked ?? []) if (d.deadline !== null) leases.set(d.queue, (leases.get(d.queue) ?? 0) + 1);
  for (const q of [...queues.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    nodes.push(queueNode(q, s.unacked ? leases.get(q.name) ?? 0 : undefined));
  }

  const connByName = new Map(s.connections.map((c) => [c.name, c]));
  const unackedByChannel = new Map(s.channels.map((c) => [c.name, c.messages_unacknowledged ?? 0]));
  const consumers = s.consumers.filter((c) => c.queue.vhost === s.vhost && queues.has(c.queue.name))
    .sort((a, b) => consumerId(a).localeCompare(consumerId(b)));
  for (const c of consumers) {
    const q = queues.get(c.queue.name)!;
    const peers = consumers.filter((p) => p.queue.name === q.name).length;
    const worker = workerName(connByName.get(c.channel_details.connection_name), c.channel_details.connection_name);
    // broker-sim says which consumer holds each delivery; RabbitMQ counts per channel.
    const unacked = s.unacked
      ? s.unacked.filter((d) => d.consumer_tag === c.consumer_tag && d.channel === c.channel_details.name).length
      : unackedByChannel.get(c.channel_details.name) ?? 0;
    nodes.push(consumerNode(c, worker, unacked));
    edges.push({ id: `d:${consumerId(c)}`, from: queueId(q.name), to: consumerId(c), kind: 'deliver', label: '', rate: consumedRate(q.message_stats) / Math.max(peers, q.consumers ?? 0) });
  }
  // A user who is not a monitor sees only their own channels: the others' consumers are counted, not listed.
  for (const q of queues.values()) {
    const hidden = (q.consumers ?? 0) - consumers.filter((c) => c.queue.name === q.name).length;
    if (hidden <= 0) continue;
    const id = `c:others/${q.name}`;
    nodes.push({ id, kind: 'consumer', title: plural(hidden, 'other consumer'), subtitle: 'of other users', lines: ['their channels are not', 'shown to you'],
      description: `${plural(hidden, 'consumer')} of queue ${q.name} on other users' connections, which the management API shows only to monitoring users` });
    edges.push({ id: `d:${id}`, from: queueId(q.name), to: id, kind: 'deliver', label: '', rate: (consumedRate(q.message_stats) * hidden) / (q.consumers ?? hidden) });
  }

  const ids = new Set(nodes.map((n) => n.id));
  const kept = edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const key = [...nodes.map((n) => n.id), ...kept.map((e) => `${e.id}|${e.label}`)].join('\n');
  return { nodes, edges: kept, key };
}

/** Connections of the vhost whose channels have published (RabbitMQ counts per channel; broker-sim does not). */
function publisherNames(s: PageSnapshot): string[] {
  const connByName = new Map(s.connections.map((c) => [c.name, c]));
  const names = new Set<string>();
  for (const ch of s.channels) {
    if (statOf(ch.message_stats, 'publish').count > 0) {
      names.add(workerName(connByName.get(ch.connection_details.name), ch.connection_details.name));
    }
  }
  return [...names].sort();
}
