/**
 * A queue: ready messages in order, the consumers attached to it, and round-robin dispatch limited
 * by each consumer's prefetch credit — RabbitMQ's dispatch, which gives two workers with no prefetch
 * alternate messages whatever their length.
 */
import type { Message } from './message.ts';
import { ReadyList } from './ready-list.ts';
import type { Consumer } from './consumer.ts';

/** Counters from which the management API computes rates, as RabbitMQ's message_stats. */
export interface QueueStats { publish: number; deliver: number; deliverNoAck: number; get: number; ack: number; redeliver: number }

export class Queue {
  readonly ready = new ReadyList();
  readonly consumers: Consumer[] = [];
  private next = 0;
  /** Messages delivered and not yet settled. */
  unacked = 0;
  /** Set once a consumer has attached: an auto-delete queue is deleted when the last one leaves. */
  hadConsumers = false;
  readonly stats: QueueStats = { publish: 0, deliver: 0, deliverNoAck: 0, get: 0, ack: 0, redeliver: 0 };
  deleted = false;

  constructor(
    readonly vhost: string,
    readonly name: string,
    readonly durable: boolean,
    readonly exclusiveOwner: number | null,
    readonly autoDelete: boolean,
    readonly args: Record<string, unknown>,
  ) {}

  get messageCount(): number { return this.ready.length; }

  enqueue(m: Message): void {
    this.stats.publish++;
    this.ready.push(m);
    this.dispatch();
  }

  /** Puts messages back in their original place, marked redelivered, then dispatches. */
  requeue(messages: Message[]): void {
    for (const m of messages) {
      m.redelivered = true;
      this.ready.insert(m);
    }
    this.dispatch();
  }

  addConsumer(c: Consumer): void {
    this.consumers.push(c);
    this.hadConsumers = true;
    this.dispatch();
  }

  removeConsumer(c: Consumer): void {
    const i = this.consumers.indexOf(c);
    if (i < 0) return;
    this.consumers.splice(i, 1);
    if (this.next > i) this.next--;
  }

  /** Hands ready messages to consumers in turn while any has credit. */
  dispatch(): void {
    while (this.ready.length > 0 && this.consumers.length > 0) {
      const c = this.nextConsumerWithCredit();
      if (!c) return;
      const m = this.ready.shift()!;
      if (m.redelivered) this.stats.redeliver++;
      if (c.noAck) this.stats.deliverNoAck++; else this.stats.deliver++;
      c.channel.deliver(c, this, m);
    }
  }

  private nextConsumerWithCredit(): Consumer | undefined {
    const n = this.consumers.length;
    for (let k = 0; k < n; k++) {
      const i = (this.next + k) % n;
      const c = this.consumers[i]!;
      if (c.channel.hasCredit(c)) {
        this.next = (i + 1) % n;
        return c;
      }
    }
    return undefined;
  }
}
