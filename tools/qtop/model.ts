/**
 * qtop's state, pure: the last snapshot of the broker's management API, each queue's depth over the
 * last minutes, the selection, sort, vhost and filter. The view renders it; the poller feeds it.
 */
import type {
  BrokerEventInfo, ChannelInfo, ConnectionInfo, ConsumerInfo, MessageStats, Overview, QueueInfo, UnackedDelivery,
} from '../shared/management-client.ts';

export interface Snapshot {
  /** ms since the epoch when it was taken */
  at: number;
  overview: Overview;
  /** ms the broker has been running, from /api/nodes */
  uptime: number | undefined;
  queues: QueueInfo[];
  consumers: ConsumerInfo[];
  channels: ChannelInfo[];
  connections: ConnectionInfo[];
  /** broker-sim only (null on RabbitMQ): leases with their time left, and the event log */
  leases: UnackedDelivery[] | null;
  events: BrokerEventInfo[] | null;
}

export const SORT_KEYS = ['name', 'ready', 'unacked', 'consumers', 'publish'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Depth samples kept per queue: at one a second, the last four minutes. */
export const HISTORY = 240;

export class Model {
  snapshot: Snapshot | undefined;
  /** Why the last refresh failed; undefined while connected. */
  error: string | undefined;
  /** A line to show once (purged, deleted, refused…). */
  notice: string | undefined;
  readonly history = new Map<string, number[]>();
  selected = 0;
  sort: SortKey = 'name';
  filter = '';
  vhost: string | undefined;
  showHelp = false;
  /** The selected queue's consumers, leases and events under the table (enter toggles). */
  showDetails = true;
  /** Log lines of the broker this dashboard runs in (npm start), newest last. */
  readonly log: string[] = [];
  /** The selected queue by name, so that the selection stays on it when other queues appear. */
  private selectedKey: string | undefined;
  /**
   * Worker names by consumer tag, remembered: an event about a consumer that has gone (its lease
   * released) still names the worker it was.
   */
  private readonly workers = new Map<string, string>();

  constructor(readonly source: string) {}

  update(s: Snapshot): void {
    this.snapshot = s;
    this.error = undefined;
    const named = this.connectionNames();
    for (const c of s.consumers) this.workers.set(c.consumer_tag, named.get(c.channel_details.connection_name) ?? c.consumer_tag);
    if (this.workers.size > 10_000) this.workers.clear();
    for (const q of s.queues) {
      const key = queueKey(q);
      const h = this.history.get(key) ?? [];
      h.push(q.messages ?? 0);
      if (h.length > HISTORY) h.splice(0, h.length - HISTORY);
      this.history.set(key, h);
    }
    const at = this.selectedKey === undefined ? -1 : this.rows().findIndex((q) => queueKey(q) === this.selectedKey);
    if (at >= 0) this.selected = at;
    this.clampSelection();
  }

  /**
   * A refresh failed. A broker-sim that no longer answers has stopped (npm start ended): said so,
   * rather than the refusal's guesses about RabbitMQ's management plugin.
   */
  fail(reason: string): void {
    this.error = this.brokerSim && /connection refused/.test(reason) ? STOPPED : reason;
  }

  get brokerSim(): boolean { return this.snapshot?.overview.product_name === 'broker-sim'; }

  /** The queues shown: this vhost (or all), names containing the filter, in the chosen order. */
  rows(): QueueInfo[] {
    const qs = (this.snapshot?.queues ?? []).filter((q) =>
      (this.vhost === undefined || q.vhost === this.vhost) && q.name.includes(this.filter));
    const by: Record<SortKey, (q: QueueInfo) => number | string> = {
      name: (q) => `${q.vhost}/${q.name}`,
      ready: (q) => -(q.messages_ready ?? 0),
      unacked: (q) => -(q.messages_unacknowledged ?? 0),
      consumers: (q) => -(q.consumers ?? 0),
      publish: (q) => -rate(q.message_stats, 'publish'),
    };
    const key = by[this.sort];
    return qs.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : queueKey(a).localeCompare(queueKey(b));
    });
  }

  selectedQueue(): QueueInfo | undefined { return this.rows()[this.selected]; }

  move(delta: number): void {
    this.selected += delta;
    this.clampSelection();
  }

  cycleSort(): void {
    this.sort = SORT_KEYS[(SORT_KEYS.indexOf(this.sort) + 1) % SORT_KEYS.length]!;
    this.selected = 0;
    this.clampSelection();
  }

  /** All vhosts, then each vhost that has queues, in turn. */
  cycleVhost(): void {
    const vhosts = [...new Set((this.snapshot?.queues ?? []).map((q) => q.vhost))].sort();
    const i = this.vhost === undefined ? -1 : vhosts.indexOf(this.vhost);
    this.vhost = i + 1 < vhosts.length ? vhosts[i + 1] : undefined;
    this.selected = 0;
    this.clampSelection();
  }

  setFilter(text: string): void {
    this.filter = text;
    this.selected = 0;
    this.clampSelection();
  }

  /**
   * Consumers of the selected queue: the worker (its connection's client-provided name, e.g.
   * qprocessor's --name, else the connection), its channel's unacknowledged count, and whether it
   * consumes with auto-ack (then what it holds is invisible to the broker).
   */
  consumersOfSelected(): { tag: string; connection: string; channel: number; prefetch: number; unacked: number; autoAck: boolean }[] {
    const q = this.selectedQueue();
    const s = this.snapshot;
    if (!q || !s) return [];
    const unackedByChannel = new Map(s.channels.map((c) => [c.name, c.messages_unacknowledged ?? 0]));
    const named = this.connectionNames();
    return s.consumers
      .filter((c) => c.queue.name === q.name && c.queue.vhost === q.vhost)
      .map((c) => ({
        tag: c.consumer_tag, connection: named.get(c.channel_details.connection_name) ?? c.channel_details.connection_name, channel: c.channel_details.number,
        prefetch: c.prefetch_count, unacked: unackedByChannel.get(c.channel_details.name) ?? 0, autoAck: c.ack_required === false,
      }));
  }

  /** broker-sim: the selected queue's leases, soonest deadline first, each with the worker holding it. */
  leasesOfSelected(): (UnackedDelivery & { worker: string })[] {
    const q = this.selectedQueue();
    const named = this.connectionNames();
    return (this.snapshot?.leases ?? [])
      .filter((l) => q && l.queue === q.name && l.vhost === q.vhost)
      .map((l) => ({ ...l, worker: named.get(l.connection) ?? (l.consumer_tag ? this.workerOf(l.consumer_tag) : 'basic.get') }));
  }

  /** The worker a consumer tag belongs (or belonged) to: its connection's name, else the tag. */
  workerOf(tag: string): string {
    return this.workers.get(tag) ?? tag;
  }

  /** The consumers the header counts: those of the queues in the table's vhost, as the rows count them. */
  consumerCount(): number {
    return (this.snapshot?.queues ?? []).filter((q) => this.vhost === undefined || q.vhost === this.vhost)
      .reduce((sum, q) => sum + (q.consumers ?? 0), 0);
  }

  /** Connection name → the name its client gave it (qprocessor --name), where it gave one. */
  private connectionNames(): Map<string, string> {
    const out = new Map<string, string>();
    for (const c of this.snapshot?.connections ?? []) {
      const given = c.user_provided_name ?? (c.client_properties?.connection_name as string | undefined);
      if (given) out.set(c.name, given);
    }
    return out;
  }

  private clampSelection(): void {
    const rows = this.rows();
    this.selected = Math.max(0, Math.min(this.selected, rows.length - 1));
    const q = rows[this.selected];
    this.selectedKey = q ? queueKey(q) : undefined;
  }
}

export const STOPPED = 'broker-sim stopped — waiting for it to start again';

export function queueKey(q: { vhost: string; name: string }): string {
  return `${q.vhost}/${q.name}`;
}

/** A rate from message_stats, as RabbitMQ gives it: `<what>_details.rate`, messages per second. */
export function rate(stats: MessageStats | undefined, what: 'publish' | 'deliver_get' | 'ack' | 'redeliver'): number {
  const d = (stats as Record<string, { rate?: number } | number | undefined> | undefined)?.[`${what}_details`];
  return typeof d === 'object' && d ? d.rate ?? 0 : 0;
}

const BARS = '▁▂▃▄▅▆▇█';

/** The last `width` values as a bar per value, scaled to the largest. */
export function sparkline(values: number[], width: number): string {
  const tail = values.slice(-width);
  const max = Math.max(0, ...tail);
  const bars = tail.map((v) => (max === 0 ? BARS[0]! : BARS[Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))]!));
  return bars.join('').padStart(width, ' ');
}
