/**
 * A channel's delivery state: delivery tags, the unacknowledged deliveries in tag order, prefetch
 * (per consumer when basic.qos global=false, shared by the channel when global=true, as RabbitMQ
 * reads the flag), consumers (with RabbitMQ's exclusive-consumer rules and auto-delete queues),
 * direct reply-to, publishing, and acks, nacks, rejects and recover.
 *
 * Every unacknowledged delivery is a lease held by this channel until its deadline (the queue's
 * x-consumer-timeout, else the broker's consumer timeout). A lease that runs out closes the channel
 * as RabbitMQ does (406): core closes it — every delivery back to its queue, consumers cancelled —
 * and then tells the server to send channel.close.
 *
 * What the client is to be sent goes to the ChannelSink through this channel's outbox, in order;
 * a delivery whose handing-out storage must record first (delivery limits) leaves after that commit.
 */
import { randomBytes } from 'node:crypto';
import { decodeProperties, encodeProperties, PROPERTY_FLAGS } from '../protocol/index.ts';
import type { Broker } from './broker.ts';
import type { CoreConnection } from './connection.ts';
import type { Consumer } from './consumer.ts';
import { withDeliveryCount } from './content.ts';
import { DeliveryRegistry, type Delivery } from './deliveries.ts';
import { REPLY_TO, type ReplyTarget } from './direct-reply.ts';
import { AmqpError, errors } from './errors.ts';
import { isInteger, typeName, unwrap } from './field-types.ts';
import type { EventKind } from './events.ts';
import type { Message } from './message.ts';
import { Outbox } from './outbox.ts';
import type { Publication, PublishOutcome } from './publish.ts';
import type { Queue } from './queue.ts';
import type { Holder } from './storage.ts';
import type { Deadline } from './scheduler.ts';
import type { Vhost } from './vhost.ts';

export type { Delivery } from './deliveries.ts';

/** A delivery as it goes to the client, fixed when core makes it (one held for a commit leaves later). */
export interface Outgoing {
  deliveryTag: number;
  redelivered: boolean;
  exchange: string;
  routingKey: string;
  /** The publisher's properties; a quorum queue's delivery adds x-delivery-count. */
  propertiesRaw: Buffer;
  body: Buffer;
}

/** What a channel tells the server to send its client. */
export interface ChannelSink {
  /** basic.deliver to a consumer: a queue's, or the channel's direct reply-to consumer. */
  deliver(consumerTag: string, d: Outgoing): void;
  /** basic.get-ok; messageCount is what the queue had left after it. */
  getOk(d: Outgoing, messageCount: number): void;
  /** basic.get-empty. */
  getEmpty(): void;
  /** The broker cancelled a consumer (its queue was deleted): basic.cancel to the client. */
  consumerCancelled(consumerTag: string): void;
  /** Core has closed this channel (a lease ran out): channel.close with err to the client. */
  closed(err: AmqpError): void;
  /** False while the client is not reading what it was sent: nothing more is delivered to it. */
  canDeliver(): boolean;
}

export interface ConsumeOptions {
  /** The client's consumer tag; '' or none: the broker makes one. */
  tag?: string;
  noAck: boolean;
  exclusive: boolean;
  arguments?: Record<string, unknown>;
}

const REPLY_TO_FLAG = PROPERTY_FLAGS.replyTo;

export class CoreChannel implements ReplyTarget {
  private nextTag = 1;
  /** The unacknowledged deliveries: the leases this channel holds, oldest first. */
  readonly deliveries: DeliveryRegistry;
  readonly consumers = new Map<string, Consumer>();
  /** Prefetch given to consumers created from now on (basic.qos global=false). */
  consumerPrefetch = 0;
  /** Channel-wide prefetch shared by all its consumers (basic.qos global=true). */
  channelPrefetch = 0;
  /** channel.flow: when false the broker sends no deliveries. */
  active = true;
  closed = false;
  private leaseCheck: Deadline | undefined;
  private readonly outbox: Outbox;
  /** Direct reply-to: this channel's reply consumer and the routing key its replies carry. */
  private replyConsumer: { tag: string; key: string } | undefined;
  private readonly broker: Broker;
  private readonly vhost: Vhost;
  /** "connection/channel", as the event log names who holds a delivery. */
  private readonly label: string;

  constructor(readonly connection: CoreConnection, readonly number: number, private readonly sink: ChannelSink) {
    this.broker = connection.broker;
    this.deliveries = new DeliveryRegistry(this.broker.messageMemory);
    this.vhost = connection.vhost;
    this.label = `${connection.id}/${number}`;
    this.outbox = new Outbox((fn, ifLost) => this.broker.afterCommit(fn, ifLost));
  }

  get unackedCount(): number { return this.deliveries.size; }

  /** Sends through this channel's outbox: after anything held back for a commit. */
  send(fn: () => void): void { this.outbox.send(fn); }

  /**
   * Sends once every write made so far is committed (a durable -ok, a publisher confirm, tx.commit-ok);
   * ifLost instead when it cannot be (the database file is gone: a confirm becomes basic.nack).
   */
  afterCommit(fn: () => void, ifLost?: () => void): void { this.outbox.sendDurably(fn, ifLost); }

  /** basic.qos with prefetch_count; more credit may let queues deliver at once. */
  qos(prefetchCount: number, global: boolean): void {
    if (global) this.channelPrefetch = prefetchCount; else this.consumerPrefetch = prefetchCount;
    this.redispatch();
  }

  /** channel.flow from the client: stop (false) or resume (true) deliveries. */
  setFlow(active: boolean): void {
    this.active = active;
    if (active) this.redispatch();
  }

  /** Whether this consumer may be given one more message now. */
  hasCredit(c: Consumer): boolean {
    if (!this.active || this.closed || !this.sink.canDeliver()) return false;
    if (c.noAck) return true;
    if (c.prefetch > 0 && this.deliveries.heldBy(c) >= c.prefetch) return false;
    return this.channelPrefetch === 0 || this.deliveries.size < this.channelPrefetch;
  }

  /** An exclusive queue may be used only by the connection that declared it (405 otherwise). */
  checkExclusive(q: Queue): void { this.vhost.checkExclusive(q, this.connection); }

  /**
   * basic.consume: checks RabbitMQ's rules (exclusive queue, global qos on a quorum queue, tag
   * reuse, exclusive consumers), then `announce` runs with the tag — basic.consume-ok must reach
   * the client before the first delivery — and the consumer starts. Returns its tag.
   */
  consume(queueName: string, o: ConsumeOptions, announce: (tag: string) => void): string {
    if (queueName === REPLY_TO) return this.consumeReplies(o, announce);
    const q = this.vhost.queue(queueName);
    this.checkExclusive(q);
    if (q.quorum && this.channelPrefetch > 0) {
      throw errors.notImplemented(`queue '${q.name}' in vhost '${this.vhost.name}' does not support global qos`);
    }
    q.checkConsume(o.noAck, this.consumerPrefetch, o.arguments ?? {});
    const tag = this.newConsumerTag(o.tag);
    if ((o.exclusive && q.consumers.length > 0) || q.consumers.some((c) => c.exclusive)) {
      throw errors.accessRefused(`queue '${q.name}' in vhost '${this.vhost.name}' in exclusive use`);
    }
    const priority = consumerPriority(o.arguments ?? {}, q);
    announce(tag);
    const c: Consumer = { tag, channel: this, queue: q, noAck: o.noAck, exclusive: o.exclusive, prefetch: this.consumerPrefetch,
      priority, arguments: o.arguments ?? {} };
    this.consumers.set(tag, c);
    q.addConsumer(c);
    return tag;
  }

  /**
   * basic.cancel: the consumer goes (its unacked deliveries stay on the channel until settled);
   * an auto-delete queue that loses its last consumer is deleted, as RabbitMQ.
   */
  cancel(tag: string): void {
    if (this.replyConsumer?.tag === tag) { this.dropReplyConsumer(); return; }
    const c = this.consumers.get(tag);
    if (!c) return;
    this.consumers.delete(tag);
    this.deliveries.consumerGone(c);
    c.queue.removeConsumer(c);
    this.autoDelete(c.queue);
  }

  /** The queue was deleted under a consumer: forget it and tell the client. */
  cancelByBroker(c: Consumer): void {
    if (!this.consumers.delete(c.tag)) return;
    this.deliveries.consumerGone(c);
    this.broker.events.record({ kind: 'consumer.cancelled', vhost: c.queue.vhost, queue: c.queue.name,
      consumerTag: c.tag, channel: this.label, detail: 'queue deleted' });
    this.sink.consumerCancelled(c.tag);
  }

  /** Called by a queue's dispatch: records the delivery and hands it to the sink (after the commit that records it, if one must). */
  deliver(c: Consumer, queue: Queue, m: Message): void {
    const tag = this.nextTag++;
    let afterCommit = false;
    if (c.noAck) queue.forget(m);
    else afterCommit = queue.acquire(m, this.lease(tag, m, queue, c));
    const out = this.outgoing(tag, queue, m);
    if (!afterCommit && this.outbox.idle) this.sink.deliver(c.tag, out);
    else this.emit(() => this.sink.deliver(c.tag, out), afterCommit);
  }

  /** basic.get: takes the queue's next message (get-ok) or finds none (get-empty); true when it took one. */
  get(queueName: string, noAck: boolean): boolean {
    const q = this.vhost.queue(queueName);
    this.checkExclusive(q);
    const m = q.get(noAck);
    if (!m) {
      this.outbox.send(() => this.sink.getEmpty());
      return false;
    }
    const tag = this.nextTag++;
    let afterCommit = false;
    if (noAck) q.forget(m);
    else afterCommit = q.acquire(m, this.lease(tag, m, q, null));
    const out = this.outgoing(tag, q, m);
    const left = q.messageCount;
    this.emit(() => this.sink.getOk(out, left), afterCommit);
    return true;
  }

  ack(tag: number, multiple: boolean): void {
    for (const d of this.deliveries.take(tag, multiple)) {
      this.record(d, 'lease.acked');
      d.queue.settle(d.message);
    }
    this.redispatch();
  }

  /** basic.nack / basic.reject: requeue (to the original place), or dead-letter as rejected. */
  nack(tag: number, multiple: boolean, requeue: boolean): void {
    for (const d of this.deliveries) {
      const named = multiple ? tag === 0 || d.tag <= tag : d.tag === tag;
      if (named && d.queue.options.type === 'stream') {
        throw errors.notImplemented(`basic.nack and basic.reject not supported by stream queues queue '${d.queue.name}' in vhost '${d.queue.vhost}'`);
      }
    }
    this.settle(this.deliveries.take(tag, multiple), requeue);
  }

  /** basic.recover: every unacked delivery of this channel goes back to its queue. */
  recover(): void {
    this.settle(this.deliveries.takeAll(), true);
  }

  /**
   * basic.publish of a complete message: a reply_to of `amq.rabbitmq.reply-to` becomes this
   * channel's reply key (406 without a reply consumer), then the vhost publishes it.
   */
  publish(p: Publication): PublishOutcome {
    const propertiesRaw = this.withReplyKey(p.propertiesRaw);
    const outcome = this.vhost.publish(propertiesRaw === p.propertiesRaw ? p : { ...p, propertiesRaw });
    this.broker.published();
    return outcome;
  }

  /** ReplyTarget: a reply published to this channel's reply key goes to its reply consumer. */
  deliverReply(routingKey: string, propertiesRaw: Buffer, body: Buffer): void {
    const consumer = this.replyConsumer;
    if (!consumer || this.closed) return;
    const out: Outgoing = { deliveryTag: this.nextTag++, redelivered: false, exchange: '', routingKey, propertiesRaw, body };
    this.outbox.send(() => this.sink.deliver(consumer.tag, out));
  }

  /**
   * Closing: consumers go (auto-delete queues with them), every unacked delivery returns to its
   * queue as redelivered, and nothing still held for a commit is sent.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.outbox.clear();
    this.leaseCheck?.cancel();
    this.leaseCheck = undefined;
    this.dropReplyConsumer();
    const gone = [...this.consumers.values()];
    for (const c of gone) c.queue.removeConsumer(c);
    this.consumers.clear();
    this.settle(this.deliveries.takeAll(), true, 'lease.released');
    for (const c of gone) this.autoDelete(c.queue);
    if (this.connection.channels.get(this.number) === this) this.connection.channels.delete(this.number);
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

  private emit(send: () => void, afterCommit: boolean): void {
    if (afterCommit) this.outbox.sendDurably(send); else this.outbox.send(send);
  }

  private outgoing(tag: number, queue: Queue, m: Message): Outgoing {
    const propertiesRaw = queue.quorum ? withDeliveryCount(m.propertiesRaw, m.deliveryCount ?? 0) : m.propertiesRaw;
    return { deliveryTag: tag, redelivered: m.redelivered, exchange: m.exchange, routingKey: m.routingKey, propertiesRaw, body: m.body };
  }

  private newConsumerTag(requested: string | undefined): string {
    const tag = requested || `amq.ctag-${randomBytes(16).toString('base64url').slice(0, 22)}`;
    if (this.consumers.has(tag) || this.replyConsumer?.tag === tag) throw errors.notAllowed(`attempt to reuse consumer tag '${tag}'`);
    return tag;
  }

  /** Direct reply-to: the channel's consumer of replies, as RabbitMQ (no-ack only, one per channel). */
  private consumeReplies(o: ConsumeOptions, announce: (tag: string) => void): string {
    if (!o.noAck) throw errors.precondition('reply consumer cannot acknowledge');
    if (this.replyConsumer) throw errors.precondition('reply consumer already set');
    const tag = this.newConsumerTag(o.tag);
    this.replyConsumer = { tag, key: this.broker.directReplies.register(this) };
    announce(tag);
    return tag;
  }

  private dropReplyConsumer(): void {
    if (!this.replyConsumer) return;
    this.broker.directReplies.unregister(this.replyConsumer.key);
    this.replyConsumer = undefined;
  }

  /** A request with reply_to `amq.rabbitmq.reply-to` gets this channel's reply key instead. */
  private withReplyKey(raw: Buffer): Buffer {
    if (raw.length < 2 || (raw.readUInt16BE(0) & REPLY_TO_FLAG) === 0) return raw;
    const p = decodeProperties(raw);
    if (p.replyTo !== REPLY_TO) return raw;
    if (!this.replyConsumer) throw errors.precondition('fast reply consumer does not exist');
    return encodeProperties({ ...p, replyTo: this.replyConsumer.key });
  }

  /** An auto-delete queue goes when its last consumer does, as RabbitMQ. */
  private autoDelete(q: Queue): void {
    if (q.autoDelete && q.hadConsumers && q.consumers.length === 0 && !q.deleted) this.vhost.removeQueue(q);
  }

  /** Records the delivery as a lease; returns its holder, as storage keeps it. */
  private lease(tag: number, message: Message, queue: Queue, consumer: Consumer | null): Holder {
    const now = this.broker.clock.now();
    const timeout = queue.options.consumerTimeout ?? this.broker.consumerTimeout;
    const deadline = timeout > 0 ? now + timeout : Infinity;
    this.deliveries.add({ tag, message, queue, consumer, deliveredAt: now, deadline });
    this.broker.events.record({ kind: 'lease.granted', vhost: queue.vhost, queue: queue.name, messageId: message.id,
      consumerTag: consumer?.tag, channel: this.label });
    if (deadline !== Infinity && (!this.leaseCheck || this.leaseCheck.at > deadline)) this.armLeaseCheck(deadline);
    const { name, clientName } = this.connection;
    return { connection: name, channel: this.label, since: now,
      ...(clientName === undefined ? {} : { clientName }),
      ...(consumer ? { consumerTag: consumer.tag } : {}),
      ...(deadline === Infinity ? {} : { until: deadline }) };
  }

  /** One deadline per channel, for its earliest lease; acks never touch the timer. */
  private armLeaseCheck(at: number): void {
    this.leaseCheck?.cancel();
    this.leaseCheck = this.broker.scheduler.at(at, () => {
      this.leaseCheck = undefined;
      this.checkLeases();
    });
  }

  private checkLeases(): void {
    if (this.closed) return;
    const now = this.broker.clock.now();
    let next = Infinity;
    for (const d of this.deliveries) {
      if (d.deadline <= now) return this.expire(d);
      if (d.deadline < next) next = d.deadline;
    }
    if (next !== Infinity) this.armLeaseCheck(next);
  }

  /** RabbitMQ's consumer timeout: core closes the channel (its deliveries go back), then the server sends the 406. */
  private expire(d: Delivery): void {
    const used = d.deadline - d.deliveredAt;
    this.broker.events.record({ kind: 'lease.expired', vhost: d.queue.vhost, queue: d.queue.name,
      messageId: d.message.id, consumerTag: d.consumer?.tag, channel: this.label, detail: `delivery tag ${d.tag}, ${used} ms` });
    const err = errors.precondition(`delivery acknowledgement on channel ${this.number} timed out. `
      + `Timeout value used: ${used} ms. This timeout value can be configured, see consumers doc guide to learn more`);
    this.close();
    this.sink.closed(err);
  }

  private record(d: Delivery, kind: EventKind): void {
    this.broker.events.record({ kind, vhost: d.queue.vhost, queue: d.queue.name, messageId: d.message.id,
      consumerTag: d.consumer?.tag, channel: this.label });
  }

  private settle(deliveries: Delivery[], requeue: boolean, kind: EventKind = requeue ? 'lease.requeued' : 'lease.rejected'): void {
    const byQueue = new Map<Queue, Message[]>();
    for (const d of deliveries) {
      this.record(d, kind);
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
}

/** basic.consume's x-priority: any integer (default 0); anything else is RabbitMQ's 406. */
function consumerPriority(args: Record<string, unknown>, q: Queue): number {
  const v = unwrap(args['x-priority']);
  if (v === undefined) return 0;
  if (!isInteger(v)) {
    throw errors.precondition(`invalid arg 'x-priority' for queue '${q.name}' in vhost '${q.vhost}': "expected integer, got ${typeName(v)}"`);
  }
  return Number(v);
}
