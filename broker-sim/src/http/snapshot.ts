/**
 * One request's view of the broker: which channel belongs to which connection, the unacknowledged
 * deliveries, and each queue's counts, counters and rates — sampled once per queue per request
 * (rates.ts), so a list of queues and its vhost totals agree with each other.
 */
import type { CoreChannel, Delivery } from '../core/channel.ts';
import type { Queue } from '../core/queue.ts';
import type { MessageCounts, MessageStats } from './contract.ts';
import type { AmqpChannelView, AmqpConnectionView, ManagementContext } from './context.ts';
import type { Counters } from './rates.ts';

export interface ChannelRef { conn: AmqpConnectionView; ch: AmqpChannelView; name: string }

/** A queue's unacknowledged deliveries, over every channel: how many, and their body bytes. */
interface Unacked { count: number; bytes: number }

/** A queue's (or a sum of queues') counts and message counters, and their rates per second. */
export interface Figures {
  values: Counters;
  rates: Counters;
  bytesReady: number;
  bytesUnacked: number;
}

/** The counters of message_stats, RabbitMQ's names, in the order RabbitMQ lists them. */
export const STAT_NAMES = ['ack', 'deliver', 'deliver_get', 'deliver_no_ack', 'get', 'get_empty', 'get_no_ack', 'publish', 'redeliver'] as const;
export const COUNT_NAMES = ['messages', 'messages_ready', 'messages_unacknowledged'] as const;

export class Snapshot {
  readonly at: number;
  private channelIndex: Map<CoreChannel, ChannelRef> | undefined;
  private unackedByQueue: Map<Queue, Unacked> | undefined;
  private readonly figuresMemo = new Map<Queue, Figures>();

  constructor(readonly ctx: ManagementContext) {
    this.at = ctx.now();
  }

  /** Connections that finished connection.open (RabbitMQ lists no half-open ones). */
  connections(): AmqpConnectionView[] {
    return [...this.ctx.connections()].filter((c) => c.user !== undefined && c.vhost !== undefined);
  }

  channels(): ChannelRef[] {
    return [...this.index().values()];
  }

  channelOf(core: CoreChannel): ChannelRef | undefined {
    return this.index().get(core);
  }

  connectionById(id: number): AmqpConnectionView | undefined {
    return this.connections().find((c) => c.id === id);
  }

  /** Every unacknowledged delivery, with the channel holding it. */
  *deliveries(): Generator<{ ref: ChannelRef; d: Delivery }> {
    for (const ref of this.index().values()) {
      for (const d of ref.ch.core.deliveries) yield { ref, d };
    }
  }

  figures(q: Queue): Figures {
    let f = this.figuresMemo.get(q);
    if (f) return f;
    const s = q.stats;
    // A stream's messages stay in it when delivered: RabbitMQ counts none of them unacknowledged.
    const unacked = q.options.type === 'stream' ? { count: 0, bytes: 0 } : this.unacked(q);
    const values: Counters = {
      ack: s.ack, deliver: s.deliver, deliver_get: s.deliver + s.deliverNoAck + s.get + s.getNoAck,
      deliver_no_ack: s.deliverNoAck, get: s.get, get_empty: s.getEmpty, get_no_ack: s.getNoAck,
      publish: s.publish, redeliver: s.redeliver,
      messages: q.messageCount + unacked.count, messages_ready: q.messageCount, messages_unacknowledged: unacked.count,
    };
    f = { values, rates: this.ctx.rates.observe(q, this.at, values), bytesReady: q.ready.bytes, bytesUnacked: unacked.bytes };
    this.figuresMemo.set(q, f);
    return f;
  }

  /** Counted from the channels' delivery registries, in one pass for the whole request. */
  private unacked(q: Queue): Unacked {
    if (!this.unackedByQueue) {
      const byQueue = new Map<Queue, Unacked>();
      for (const { d } of this.deliveries()) {
        const u = byQueue.get(d.queue) ?? { count: 0, bytes: 0 };
        u.count++;
        u.bytes += d.message.body.length;
        byQueue.set(d.queue, u);
      }
      this.unackedByQueue = byQueue;
    }
    return this.unackedByQueue.get(q) ?? { count: 0, bytes: 0 };
  }

  private index(): Map<CoreChannel, ChannelRef> {
    if (this.channelIndex) return this.channelIndex;
    this.channelIndex = new Map();
    for (const conn of this.connections()) {
      for (const ch of conn.openChannels()) {
        this.channelIndex.set(ch.core, { conn, ch, name: `${conn.name} (${ch.number})` });
      }
    }
    return this.channelIndex;
  }
}

/** Figures of many queues added up (a vhost, the overview). */
export function sumFigures(all: Figures[]): Figures {
  const values: Counters = {};
  const rates: Counters = {};
  for (const k of [...STAT_NAMES, ...COUNT_NAMES]) {
    values[k] = all.reduce((n, f) => n + (f.values[k] ?? 0), 0);
    rates[k] = Math.round(all.reduce((n, f) => n + (f.rates[k] ?? 0), 0) * 10) / 10;
  }
  return { values, rates, bytesReady: all.reduce((n, f) => n + f.bytesReady, 0), bytesUnacked: all.reduce((n, f) => n + f.bytesUnacked, 0) };
}

/** `{publish: 5, publish_details: {rate: 1.2}, …}`: RabbitMQ's message_stats. */
export function messageStats(f: Figures): MessageStats {
  const out: Record<string, unknown> = {};
  for (const k of STAT_NAMES) {
    out[k] = f.values[k];
    out[`${k}_details`] = { rate: f.rates[k] ?? 0 };
  }
  return out as MessageStats;
}

/** messages, messages_ready, messages_unacknowledged, each with its _details rate. */
export function messageCounts(f: Figures): MessageCounts {
  const out: Record<string, unknown> = {};
  for (const k of COUNT_NAMES) {
    out[k] = f.values[k];
    out[`${k}_details`] = { rate: f.rates[k] ?? 0 };
  }
  return out as MessageCounts;
}
