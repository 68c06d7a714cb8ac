/**
 * A channel's delivery state: delivery tags, the unacknowledged deliveries in tag order, prefetch
 * (per consumer when basic.qos global=false, shared by the channel when global=true, as RabbitMQ
 * reads the flag), consumers, and acks, nacks, rejects and recover.
 */
import { errors } from './errors.ts';
import type { Consumer } from './consumer.ts';
import type { Message } from './message.ts';
import type { Queue } from './queue.ts';
import type { Storage } from './storage.ts';

/** What a channel hands to the connection that owns it. */
export interface ChannelSink {
  deliver(consumerTag: string, deliveryTag: number, m: Message): void;
  /** The broker cancelled a consumer (its queue was deleted): basic.cancel to the client. */
  consumerCancelled(consumerTag: string): void;
}

interface Delivery { message: Message; queue: Queue; consumer: Consumer | null }

export class CoreChannel {
  private nextTag = 1;
  private readonly unacked = new Map<number, Delivery>();
  readonly consumers = new Map<string, Consumer>();
  /** Prefetch given to consumers created from now on (basic.qos global=false). */
  consumerPrefetch = 0;
  /** Channel-wide prefetch shared by all its consumers (basic.qos global=true). */
  channelPrefetch = 0;
  /** channel.flow: when false the broker sends no deliveries. */
  active = true;
  closed = false;

  constructor(
    readonly connectionId: number,
    readonly number: number,
    private readonly storage: Storage,
    private readonly sink: ChannelSink,
  ) {}

  get unackedCount(): number { return this.unacked.size; }

  /** Whether this consumer may be given one more message now. */
  hasCredit(c: Consumer): boolean {
    if (!this.active || this.closed) return false;
    if (c.noAck) return true;
    if (c.prefetch > 0 && c.unacked >= c.prefetch) return false;
    return this.channelPrefetch === 0 || this.unacked.size < this.channelPrefetch;
  }

  /** Called by a queue's dispatch: records the delivery and passes it to the connection. */
  deliver(c: Consumer, queue: Queue, m: Message): void {
    const tag = this.nextTag++;
    if (c.noAck) {
      this.settleRemoved(m, queue);
    } else {
      this.unacked.set(tag, { message: m, queue, consumer: c });
      c.unacked++;
      queue.unacked++;
    }
    this.sink.deliver(c.tag, tag, m);
  }

  /** basic.get: takes one message from the queue, or undefined when it has none. */
  get(queue: Queue, noAck: boolean): { deliveryTag: number; message: Message } | undefined {
    const m = queue.ready.shift();
    if (!m) return undefined;
    queue.stats.get++;
    if (m.redelivered) queue.stats.redeliver++;
    const tag = this.nextTag++;
    if (noAck) this.settleRemoved(m, queue);
    else {
      this.unacked.set(tag, { message: m, queue, consumer: null });
      queue.unacked++;
    }
    return { deliveryTag: tag, message: m };
  }

  ack(tag: number, multiple: boolean): void {
    for (const d of this.take(tag, multiple)) {
      if (d.consumer) d.consumer.unacked--;
      d.queue.unacked--;
      d.queue.stats.ack++;
      this.settleRemoved(d.message, d.queue);
    }
    this.redispatch();
  }

  /** basic.nack / basic.reject: requeue to the original place, or drop. */
  nack(tag: number, multiple: boolean, requeue: boolean): void {
    this.settle(this.take(tag, multiple), requeue);
  }

  /** basic.recover: every unacked delivery of this channel goes back to its queue. */
  recover(): void {
    const all = [...this.unacked.values()];
    this.unacked.clear();
    this.settle(all, true);
  }

  addConsumer(c: Consumer): void {
    this.consumers.set(c.tag, c);
    c.queue.addConsumer(c);
  }

  /** Removes a consumer; its unacked deliveries stay on the channel until settled. */
  removeConsumer(tag: string): Consumer | undefined {
    const c = this.consumers.get(tag);
    if (!c) return undefined;
    this.consumers.delete(tag);
    c.queue.removeConsumer(c);
    return c;
  }

  /** The queue was deleted under a consumer: forget it and tell the client. */
  cancelByBroker(c: Consumer): void {
    if (this.consumers.delete(c.tag)) this.sink.consumerCancelled(c.tag);
  }

  /** Closing: consumers go, every unacked delivery returns to its queue as redelivered. */
  close(): Consumer[] {
    this.closed = true;
    const gone = [...this.consumers.values()];
    for (const c of gone) c.queue.removeConsumer(c);
    this.consumers.clear();
    const all = [...this.unacked.values()];
    this.unacked.clear();
    this.settle(all, true);
    return gone;
  }

  /** Deliveries named by an ack/nack: one tag, or all up to it with multiple (0 = all). */
  private take(tag: number, multiple: boolean): Delivery[] {
    if (!multiple) {
      const d = this.unacked.get(tag);
      if (!d) throw errors.unknownDeliveryTag(tag);
      this.unacked.delete(tag);
      return [d];
    }
    if (tag !== 0 && !this.unacked.has(tag)) throw errors.unknownDeliveryTag(tag);
    const out: Delivery[] = [];
    for (const [t, d] of this.unacked) {
      if (tag !== 0 && t > tag) break;
      out.push(d);
      this.unacked.delete(t);
    }
    return out;
  }

  private settle(deliveries: Delivery[], requeue: boolean): void {
    const byQueue = new Map<Queue, Message[]>();
    for (const d of deliveries) {
      if (d.consumer) d.consumer.unacked--;
      d.queue.unacked--;
      if (!requeue || d.queue.deleted) {
        this.settleRemoved(d.message, d.queue);
        continue;
      }
      const list = byQueue.get(d.queue) ?? [];
      list.push(d.message);
      byQueue.set(d.queue, list);
    }
    for (const [q, list] of byQueue) q.requeue(list);
    // Credit freed on this channel may let the queues it consumes from deliver again.
    if (deliveries.length > 0) this.redispatch();
  }

  /** After settling, queues this channel consumes from may deliver again. */
  redispatch(): void {
    const seen = new Set<Queue>();
    for (const c of this.consumers.values()) {
      if (seen.has(c.queue)) continue;
      seen.add(c.queue);
      c.queue.dispatch();
    }
  }

  private settleRemoved(m: Message, _queue: Queue): void {
    if (m.stored) {
      this.storage.deleteMessage(m.id);
      m.stored = false;
    }
  }
}
