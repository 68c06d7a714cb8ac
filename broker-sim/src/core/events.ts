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
  /** A circular buffer: the newest `capacity` events, written over in place. */
  private readonly ring: (BrokerEvent | undefined)[];
  private next = 0;
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    private readonly persist: (e: BrokerEvent) => void = () => {},
    readonly capacity = 1000,
  ) {
    this.ring = new Array<BrokerEvent | undefined>(capacity);
  }

  /** Records an event; `e` becomes the stored event (callers pass a fresh object). */
  record(e: Omit<BrokerEvent, 'id' | 'at'>): void {
    const event = e as BrokerEvent;
    event.id = this.nextId++;
    event.at = this.now();
    this.ring[this.next] = event;
    this.next = (this.next + 1) % this.capacity;
    if (PERSISTED.has(e.kind)) this.persist(event);
  }

  /** The newest events first, at most `limit`, optionally only for one vhost. */
  recent(limit = 100, vhost?: string): BrokerEvent[] {
    const out: BrokerEvent[] = [];
    for (let k = 1; k <= this.capacity && out.length < limit; k++) {
      const e = this.ring[(this.next - k + this.capacity) % this.capacity];
      if (!e) break;
      if (vhost === undefined || e.vhost === vhost) out.push(e);
    }
    return out;
  }

  /** Puts events read back from storage in the log, oldest first. */
  restore(events: BrokerEvent[]): void {
    for (const e of events) {
      this.ring[this.next] = e;
      this.next = (this.next + 1) % this.capacity;
      this.nextId = Math.max(this.nextId, e.id + 1);
    }
  }

  /** Continues numbering after events restored from storage. */
  resumeAfter(id: number): void { this.nextId = Math.max(this.nextId, id + 1); }
}
