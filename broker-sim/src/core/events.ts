/**
 * The broker's event log: what happened to deliveries (lease granted, acked, requeued, expired,
 * dead-lettered) and consumers, for the dashboard and for instructors. Bounded: the newest events
 * are kept in memory; the ones worth keeping across a restart (everything but the routine grant and
 * ack of each delivery, which would double the disk writes of every message) are also written to
 * the store, which drops the oldest.
 */
export type EventKind =
  | 'lease.granted' | 'lease.acked' | 'lease.requeued' | 'lease.rejected' | 'lease.expired' | 'lease.released'
  | 'dead-lettered' | 'consumer.cancelled' | 'queue.expired';

export interface BrokerEvent {
  id: number;
  /** Clock time, ms. */
  at: number;
  kind: EventKind;
  vhost: string;
  queue: string;
  messageId?: number;
  consumerTag?: string;
  /** connection id and channel number holding the delivery */
  channel?: string;
  detail?: string;
}

/** Events written to storage; the routine grant and ack of every delivery stay in memory only. */
const PERSISTED: ReadonlySet<EventKind> = new Set<EventKind>([
  'lease.requeued', 'lease.rejected', 'lease.expired', 'lease.released', 'dead-lettered', 'consumer.cancelled', 'queue.expired',
]);

export class EventLog {
  private ring: BrokerEvent[] = [];
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    private readonly persist: (e: BrokerEvent) => void = () => {},
    readonly capacity = 1000,
  ) {}

  record(e: Omit<BrokerEvent, 'id' | 'at'>): void {
    const event: BrokerEvent = { id: this.nextId++, at: this.now(), ...e };
    this.ring.push(event);
    if (this.ring.length > this.capacity * 2) this.ring = this.ring.slice(-this.capacity);
    if (PERSISTED.has(e.kind)) this.persist(event);
  }

  /** The newest events first, at most `limit`, optionally only for one vhost. */
  recent(limit = 100, vhost?: string): BrokerEvent[] {
    const out: BrokerEvent[] = [];
    for (let i = this.ring.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.ring[i]!;
      if (vhost === undefined || e.vhost === vhost) out.push(e);
    }
    return out;
  }

  /** Continues numbering after events restored from storage. */
  resumeAfter(id: number): void { this.nextId = Math.max(this.nextId, id + 1); }
}
