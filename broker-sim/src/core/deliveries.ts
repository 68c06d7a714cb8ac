/**
 * A channel's unacknowledged deliveries in delivery-tag order: the one record of what it holds.
 * What prefetch and the management API count (per consumer, per queue, per channel) is read from
 * here, so no count can drift from the deliveries themselves.
 */
import type { Consumer } from './consumer.ts';
import { errors } from './errors.ts';
import type { Message } from './message.ts';
import type { Queue } from './queue.ts';

/** One unacknowledged delivery: a lease on `message` held by a channel until `deadline`. */
export interface Delivery {
  tag: number;
  message: Message;
  queue: Queue;
  /** null for basic.get. */
  consumer: Consumer | null;
  deliveredAt: number;
  /** Clock time the lease runs out; Infinity when no timeout applies. */
  deadline: number;
}

export class DeliveryRegistry implements Iterable<Delivery> {
  private readonly byTag = new Map<number, Delivery>();
  /** Deliveries per consumer, kept with byTag: prefetch asks on every dispatch. */
  private readonly perConsumer = new Map<Consumer, number>();

  /** Deliveries held, in all. */
  get size(): number { return this.byTag.size; }

  /** Deliveries a consumer holds (its prefetch credit is used up when this reaches its prefetch). */
  heldBy(c: Consumer): number { return this.perConsumer.get(c) ?? 0; }

  /** Deliveries of one queue held here. */
  countIn(q: Queue): number {
    let n = 0;
    for (const d of this.byTag.values()) if (d.queue === q) n++;
    return n;
  }

  add(d: Delivery): void {
    this.byTag.set(d.tag, d);
    if (d.consumer) this.perConsumer.set(d.consumer, this.heldBy(d.consumer) + 1);
  }

  /** The deliveries an ack or nack names: one tag, or all up to it with multiple (tag 0: all). Throws 406 for a tag it does not hold. */
  take(tag: number, multiple: boolean): Delivery[] {
    if (!multiple || tag !== 0) {
      if (!this.byTag.has(tag)) throw errors.unknownDeliveryTag(tag);
      if (!multiple) return [this.remove(this.byTag.get(tag)!)];
    }
    const out: Delivery[] = [];
    for (const [t, d] of this.byTag) {
      if (tag !== 0 && t > tag) break;
      out.push(d);
    }
    for (const d of out) this.remove(d);
    return out;
  }

  /** Every delivery, taken (recover, close). */
  takeAll(): Delivery[] {
    const all = [...this.byTag.values()];
    this.byTag.clear();
    this.perConsumer.clear();
    return all;
  }

  [Symbol.iterator](): IterableIterator<Delivery> { return this.byTag.values(); }

  private remove(d: Delivery): Delivery {
    this.byTag.delete(d.tag);
    if (d.consumer) {
      const n = this.heldBy(d.consumer) - 1;
      if (n > 0) this.perConsumer.set(d.consumer, n); else this.perConsumer.delete(d.consumer);
    }
    return d;
  }
}
