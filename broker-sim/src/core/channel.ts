/**
 * A channel's delivery state: delivery tags, the unacknowledged deliveries in tag order, prefetch
 * (per consumer when basic.qos global=false, shared by the channel when global=true, as RabbitMQ
 * reads the flag), consumers, and acks, nacks, rejects and recover.
 *
 * Every unacknowledged delivery is a lease held by this channel until its deadline (the queue's
 * x-consumer-timeout, else the broker's consumer timeout). A lease that runs out closes the channel
 * as RabbitMQ does (406), and closing gives every delivery back to its queue.
 */
import { withDeliveryCount } from './content.ts';
import { AmqpError, errors } from './errors.ts';
import type { Consumer } from './consumer.ts';
import type { EventKind, EventLog } from './events.ts';
import type { Message } from './message.ts';
import type { Queue } from './queue.ts';
import type { Deadline, Scheduler } from './scheduler.ts';

/** What a channel hands to the connection that owns it. */
export interface ChannelSink {
  /**
   * basic.deliver of m; propertiesRaw is what to send (a quorum queue adds x-delivery-count).
   * afterCommit: send it only once storage has committed that it was handed out (delivery limits).
   */
  deliver(consumerTag: string, deliveryTag: number, m: Message, propertiesRaw: Buffer, afterCommit: boolean): void;
  /** The broker cancelled a consumer (its queue was deleted): basic.cancel to the client. */
  consumerCancelled(consumerTag: string): void;
  /** A lease ran out: the connection closes this channel with err. */
  leaseExpired(err: AmqpError): void;
  /** False while the client is not reading what it was sent: nothing more is delivered to it. */
  canDeliver(): boolean;
}

/** What channels share from the broker. */
export interface ChannelServices {
  readonly scheduler: Scheduler;
  /** Broker-wide consumer timeout in ms (RabbitMQ's consumer_timeout); 0 = none. */
  readonly consumerTimeout: number;
  readonly events: EventLog;
}

/** One unacknowledged delivery: a lease on `message` held by this channel until `deadline`. */
export interface Delivery {
  tag: number;
  message: Message;
  queue: Queue;
  consumer: Consumer | null;
  deliveredAt: number;
  /** Clock time the lease runs out; Infinity when no timeout applies. */
  deadline: number;
}

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
  private leaseCheck: Deadline | undefined;

  constructor(
    readonly connectionId: number,
    readonly number: number,
    private readonly services: ChannelServices,
    private readonly sink: ChannelSink,
  ) {}

  get unackedCount(): number { return this.unacked.size; }

  /** The leases this channel holds, oldest first. */
  deliveries(): IterableIterator<Delivery> { return this.unacked.values(); }

  /** A delivery tag for a delivery that is no lease (direct reply-to: no-ack, no queue). */
  takeDeliveryTag(): number { return this.nextTag++; }

  /** Whether this consumer may be given one more message now. */
  hasCredit(c: Consumer): boolean {
    if (!this.active || this.closed || !this.sink.canDeliver()) return false;
    if (c.noAck) return true;
    if (c.prefetch > 0 && c.unacked >= c.prefetch) return false;
    return this.channelPrefetch === 0 || this.unacked.size < this.channelPrefetch;
  }

  /** Called by a queue's dispatch: records the delivery and passes it to the connection. */
  deliver(c: Consumer, queue: Queue, m: Message): void {
    const tag = this.nextTag++;
    let afterCommit = false;
    if (c.noAck) queue.forget(m);
    else {
      this.lease(tag, m, queue, c);
      c.unacked++;
      afterCommit = queue.acquire(m);
    }
    this.sink.deliver(c.tag, tag, m, this.propertiesFor(queue, m), afterCommit);
  }

  /** basic.get: takes one message from the queue, or undefined when it has none. */
  get(queue: Queue, noAck: boolean): { deliveryTag: number; message: Message; propertiesRaw: Buffer; afterCommit: boolean } | undefined {
    const m = queue.get(noAck);
    if (!m) return undefined;
    const tag = this.nextTag++;
    let afterCommit = false;
    if (noAck) queue.forget(m);
    else {
      this.lease(tag, m, queue, null);
      afterCommit = queue.acquire(m);
    }
    return { deliveryTag: tag, message: m, propertiesRaw: this.propertiesFor(queue, m), afterCommit };
  }

  ack(tag: number, multiple: boolean): void {
    for (const d of this.take(tag, multiple)) {
      this.release(d, 'lease.acked');
      d.queue.settle(d.message);
    }
    this.redispatch();
  }

  /** basic.nack / basic.reject: requeue (to the original place), or dead-letter as rejected. */
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
    if (!this.consumers.delete(c.tag)) return;
    this.services.events.record({ kind: 'consumer.cancelled', vhost: c.queue.vhost, queue: c.queue.name,
      consumerTag: c.tag, channel: this.label, detail: 'queue deleted' });
    this.sink.consumerCancelled(c.tag);
  }

  /** Closing: consumers go, every unacked delivery returns to its queue as redelivered. */
  close(): Consumer[] {
    this.closed = true;
    this.leaseCheck?.cancel();
    this.leaseCheck = undefined;
    const gone = [...this.consumers.values()];
    for (const c of gone) c.queue.removeConsumer(c);
    this.consumers.clear();
    const all = [...this.unacked.values()];
    this.unacked.clear();
    this.settle(all, true, 'lease.released');
    return gone;
  }

  private get label(): string { return `${this.connectionId}/${this.number}`; }

  private propertiesFor(queue: Queue, m: Message): Buffer {
    return queue.quorum ? withDeliveryCount(m.propertiesRaw, m.deliveryCount ?? 0) : m.propertiesRaw;
  }

  private lease(tag: number, message: Message, queue: Queue, consumer: Consumer | null): void {
    const now = this.services.scheduler.clock.now();
    const timeout = queue.options.consumerTimeout ?? this.services.consumerTimeout;
    const deadline = timeout > 0 ? now + timeout : Infinity;
    this.unacked.set(tag, { tag, message, queue, consumer, deliveredAt: now, deadline });
    queue.unacked++;
    this.services.events.record({ kind: 'lease.granted', vhost: queue.vhost, queue: queue.name, messageId: message.id,
      consumerTag: consumer?.tag, channel: this.label });
    if (deadline !== Infinity && (!this.leaseCheck || this.leaseCheck.at > deadline)) this.armLeaseCheck(deadline);
  }

  /** One deadline per channel, for its earliest lease; acks never touch the timer. */
  private armLeaseCheck(at: number): void {
    this.leaseCheck?.cancel();
    this.leaseCheck = this.services.scheduler.at(at, () => {
      this.leaseCheck = undefined;
      this.checkLeases();
    });
  }

  private checkLeases(): void {
    if (this.closed) return;
    const now = this.services.scheduler.clock.now();
    let next = Infinity;
    for (const d of this.unacked.values()) {
      if (d.deadline <= now) return this.expire(d);
      if (d.deadline < next) next = d.deadline;
    }
    if (next !== Infinity) this.armLeaseCheck(next);
  }

  /** RabbitMQ's consumer timeout: the channel is closed with 406 and its deliveries go back. */
  private expire(d: Delivery): void {
    const used = d.deadline - d.deliveredAt;
    this.services.events.record({ kind: 'lease.expired', vhost: d.queue.vhost, queue: d.queue.name,
      messageId: d.message.id, consumerTag: d.consumer?.tag, channel: this.label, detail: `delivery tag ${d.tag}, ${used} ms` });
    this.sink.leaseExpired(errors.precondition(`delivery acknowledgement on channel ${this.number} timed out. `
      + `Timeout value used: ${used} ms. This timeout value can be configured, see consumers doc guide to learn more`));
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

  private release(d: Delivery, kind: EventKind): void {
    if (d.consumer) d.consumer.unacked--;
    d.queue.unacked--;
    this.services.events.record({ kind, vhost: d.queue.vhost, queue: d.queue.name, messageId: d.message.id,
      consumerTag: d.consumer?.tag, channel: this.label });
  }

  private settle(deliveries: Delivery[], requeue: boolean, kind: EventKind = requeue ? 'lease.requeued' : 'lease.rejected'): void {
    const byQueue = new Map<Queue, Message[]>();
    for (const d of deliveries) {
      this.release(d, kind);
      const list = byQueue.get(d.queue) ?? [];
      list.push(d.message);
      byQueue.set(d.queue, list);
    }
    for (const [q, list] of byQueue) {
      if (requeue) q.requeue(list); else q.reject(list);
    }
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
}
