/**
 * A channel's unacknowledged deliveries in delivery-tag order: the one record of what it holds.
 * What prefetch and the management API count (per consumer, per queue, per channel) is read from
 * here, so no count can drift from the deliveries themselves.
 */
import type { Consumer } from './consumer.ts';
import { errors } from './errors.ts';
import type { Message, MessageMemory } from './message.ts';
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
  /**
   * Deliveries per consumer, kept with byTag: prefetch asks on every dispatch. The count is a box,
   * so a delivery costs one lookup; the entry of a consumer that is gone goes with its last delivery.
   */
  private readonly perConsumer = new Map<Consumer, { n: number; gone: boolean }>();

  /** @param memory the broker's account of message memory: an unacknowledged delivery holds its message */
  constructor(private readonly memory?: MessageMemory) {}

  /** Deliveries held, in all. */
  get size(): number { return this.byTag.size; }

  /** Deliveries a consumer holds (its prefetch credit is used up when this reaches its prefetch). */
  heldBy(c: Consumer): number { return this.perConsumer.get(c)?.n ?? 0; }

  /** Deliveries of one queue held here. */
  countIn(q: Queue): number {
    let n = 0;
    for (const d of this.byTag.values()) if (d.queue === q) n++;
    return n;
  }

  add(d: Delivery): void {
    this.byTag.set(d.tag, d);
    this.memory?.add(d.message);
    if (!d.consumer) return;
    const count = this.perConsumer.get(d.consumer);
    if (count) count.n++; else this.perConsumer.set(d.consumer, { n: 1, gone: false });
  }

  /** The deliveries an ack or nack names: one tag, or all up to it with multiple (tag 0: all). Throws 406 for a tag it does not hold. */
  take(tag: number, multiple: boolean): Delivery[] {
    if (!multiple || tag !== 0) {
      const d = this.byTag.get(tag);
      if (!d) throw errors.unknownDeliveryTag(tag);
      if (!multiple) return [this.remove(d)];
    }
    const out: Delivery[] = [];
    for (const [t, d] of this.byTag) {
      if (tag !== 0 && t > tag) break;
      out.push(d);
    }
    for (const d of out) this.remove(d);
    return out;
  }

  /** The consumer was cancelled: its count is kept only while it still holds deliveries. */
  consumerGone(c: Consumer): void {
    const count = this.perConsumer.get(c);
    if (!count) return;
    if (count.n === 0) this.perConsumer.delete(c); else count.gone = true;
  }

  /** Every delivery, taken (recover, close). */
  takeAll(): Delivery[] {
    const all = [...this.byTag.values()];
    this.byTag.clear();
    if (this.memory) for (const d of all) this.memory.remove(d.message);
    for (const [c, count] of this.perConsumer) {
      if (count.gone) this.perConsumer.delete(c); else count.n = 0;
    }
    return all;
  }

  [Symbol.iterator](): IterableIterator<Delivery> { return this.byTag.values(); }

  private remove(d: Delivery): Delivery {
    this.byTag.delete(d.tag);
    this.memory?.remove(d.message);
    if (!d.consumer) return d;
    const count = this.perConsumer.get(d.consumer)!;
    if (--count.n === 0 && count.gone) this.perConsumer.delete(d.consumer);
    return d;
  }
}
