/**
 * A queue: ready messages in order, the consumers attached to it, and round-robin dispatch limited
 * by each consumer's prefetch credit — RabbitMQ's dispatch, which gives two workers with no prefetch
 * alternate messages whatever their length. Also what its x-arguments ask for: message TTL, length
 * limits, dead-lettering, priorities, a single active consumer, and quorum delivery limits.
 *
 * A queue whose messages are stored (durable, or quorum) keeps only a window of them in memory and
 * reads the rest back from storage as they come up (see ready-list.ts): its backlog lives on disk.
 * Nothing here holds a publisher back: a consumer that falls behind leaves messages ready, as on
 * RabbitMQ, and only the broker's memory and disk alarms block publishers.
 */
import { publishHints, type DeathReason } from './content.ts';
import type { Consumer } from './consumer.ts';
import type { Message, MessageMemory } from './message.ts';
import { errors } from './errors.ts';
import { withPolicy, type AppliedPolicy } from './policies.ts';
import { rabbitQueueType, type QueueArgs } from './queue-args.ts';
import type { Holder } from './storage.ts';
import { PriorityReady, QuorumReady, ReadyList, type Pager, type Ready } from './ready-list.ts';
import type { Deadline, Scheduler } from './scheduler.ts';

/** Counters from which the management API computes rates, as RabbitMQ's message_stats. */
export interface QueueStats {
  publish: number; deliver: number; deliverNoAck: number; get: number; getNoAck: number; getEmpty: number; ack: number; redeliver: number;
}

/** What a queue needs from the vhost that holds it. */
export interface QueueHost {
  readonly scheduler: Scheduler;
  /** Messages that leave the queue dead: to its dead-letter exchange, or dropped. */
  deadLetter(q: Queue, messages: Message[], reason: DeathReason): void;
  /** x-expires: the queue went unused for its whole lifetime. */
  expireQueue(q: Queue): void;
  /** A message that leaves the broker for good (acked or dropped). */
  drop(m: Message): void;
  /** A stored message was acquired by a consumer (its holder), or given back (null). */
  recordDelivery(m: Message, holder: Holder | null): void;
  /** The queue's stored messages with ids above afterId, in id order (see Pager). */
  readStored(q: Queue, afterId: number, limit: number, maxBytes: number): Message[];
  /** The broker's account of the memory messages take. */
  readonly messageMemory: MessageMemory;
}

/** The connection an exclusive queue belongs to: the queue is deleted when that connection goes. */
export interface QueueOwner {
  readonly id: number;
  /** Its exclusive queues, so closing it deletes them without a search. */
  readonly exclusiveQueues: Set<Queue>;
}

export class Queue {
  readonly ready: Ready;
  /** Highest x-priority first; consumers of one priority in the order they came (see attach). */
  readonly consumers: Consumer[] = [];
  /** Per consumer priority, where its round-robin goes on (an offset within that priority's run). */
  private readonly next = new Map<number, number>();
  /** The policy in effect on this queue, if any. */
  policy: AppliedPolicy | undefined;
  /** The settings in effect: its arguments, with its policy's where they apply (see withPolicy). */
  options: QueueArgs;
  /** Set once a consumer has attached: an auto-delete queue is deleted when the last one leaves. */
  hadConsumers = false;
  readonly stats: QueueStats = { publish: 0, deliver: 0, deliverNoAck: 0, get: 0, getNoAck: 0, getEmpty: 0, ack: 0, redeliver: 0 };
  deleted = false;
  private expiry: Deadline | undefined;
  private unusedSince = 0;
  private idleDeadline: Deadline | undefined;

  constructor(
    readonly vhost: string,
    readonly name: string,
    readonly durable: boolean,
    /** The connection it is exclusive to, or null. */
    readonly owner: QueueOwner | null,
    readonly autoDelete: boolean,
    readonly args: Record<string, unknown>,
    /** The settings its arguments asked for. */
    readonly declared: QueueArgs,
    protected readonly host: QueueHost,
    policy?: AppliedPolicy,
  ) {
    this.policy = policy;
    this.options = withPolicy(declared, args, policy);
    this.ready = this.makeReady(durable || declared.type === 'quorum');
    this.touch();
  }

  /**
   * A policy came into effect on this queue, changed or went (undefined): its settings apply at
   * once — a lower length limit drops or dead-letters the surplus now, as RabbitMQ does.
   */
  applyPolicy(policy: AppliedPolicy | undefined): void {
    this.policy = policy;
    const before = this.options.expires;
    this.options = withPolicy(this.declared, this.args, policy);
    if (this.options.expires !== before) this.touch();
    this.dropHeadOverLimit();
    this.dispatch();
  }

  /** Ready messages of a queue that stores them are read back from storage as they come up. */
  private makeReady(stores: boolean): Ready {
    const pager: Pager | undefined = stores ? (after, limit, bytes) => this.host.readStored(this, after, limit, bytes) : undefined;
    const memory = this.host.messageMemory;
    if (this.options.type === 'quorum') return new QuorumReady(pager, memory);
    if (this.options.maxPriority === undefined) return new ReadyList(pager, memory);
    return new PriorityReady(this.options.maxPriority, pager && ((after, limit, bytes) => pager(after, limit, bytes).map(withPriority)), memory);
  }

  get messageCount(): number { return this.ready.length; }
  /** Whether a copy of m is kept in the messages table: persistent ones in a durable queue, every one in a quorum queue. */
  stores(m: Message): boolean { return (m.persistent && this.durable) || this.quorum; }
  get exclusive(): boolean { return this.owner !== null; }
  get quorum(): boolean { return this.options.type === 'quorum'; }
  /** Delivery-limited queues count returns and keep that count (and who holds what) across a crash. */
  get tracksDeliveries(): boolean { return this.options.deliveryLimit !== undefined; }
  private get now(): number { return this.host.scheduler.clock.now(); }

  /**
   * A newly routed message. Returns false when the queue refuses it (x-overflow reject-publish at
   * its length limit): the publisher is then nacked.
   */
  enqueue(m: Message): boolean {
    if (this.options.overflow !== 'drop-head' && this.full(m.body.length)) {
      if (this.options.overflow === 'reject-publish-dlx') this.host.deadLetter(this, [m], 'maxlen');
      return false;
    }
    this.stats.publish++;
    this.ready.push(m);
    this.dropHeadOverLimit();
    this.dispatch();
    this.armExpiry();
    return true;
  }

  /** Puts messages back (classic: in their original place; quorum: first), marked redelivered, then dispatches. */
  requeue(messages: Message[]): void {
    if (this.deleted) { for (const m of messages) this.host.drop(m); return; }
    const limit = this.options.deliveryLimit;
    const dead: Message[] = [];
    for (const m of messages) {
      if (this.quorum || limit !== undefined) {
        m.deliveryCount = (m.deliveryCount ?? 0) + 1;
        if (limit !== undefined && m.deliveryCount > limit) { dead.push(m); continue; }
      }
      m.redelivered = true;
      this.host.recordDelivery(m, null);
      this.ready.putBack(m);
    }
    if (dead.length > 0) this.host.deadLetter(this, dead, 'delivery_limit');
    this.dropHeadOverLimit();
    this.dispatch();
    this.armExpiry();
  }

  /**
   * The stored messages found at start-up, read back as they come up: `count` of them with `bytes`
   * of bodies, not counting `restoredApart` (the ids of those restored one by one, see restore).
   */
  restoreBacklog(count: number, bytes: number, restoredApart: readonly number[]): void {
    for (const id of restoredApart) this.ready.passOver(id);
    this.ready.restorePagedOut(count, bytes);
    // Only a queue whose messages all expire needs its head now; in others a message's own
    // expiration is seen once the queue is used (a consumer, a get, a publish reads the head).
    if (this.options.messageTtl !== undefined) this.armExpiry();
  }

  /**
   * A stored message read back at start-up on its own. One that a consumer held when the broker
   * stopped counts as given back: the holder is gone (and may have run it).
   */
  restore(m: Message & { acquired: boolean }): void {
    if (this.options.maxPriority !== undefined) withPriority(m);
    if (m.acquired) {
      this.requeue([m]);
      return;
    }
    this.ready.push(m);
    this.armExpiry();
  }

  /**
   * A consumer took m: a stored message records its holder in the next group commit. True when the
   * delivery must wait for that commit: a delivery limit counts on it (other queues send at once,
   * so a crash within the commit delay may bring a delivered message back unmarked).
   */
  acquire(m: Message, holder: Holder): boolean {
    if (!m.stored) return false;
    this.host.recordDelivery(m, holder);
    return this.tracksDeliveries;
  }

  /** basic.ack: the message is done. */
  settle(m: Message): void {
    this.stats.ack++;
    this.host.drop(m);
  }

  /** basic.nack / basic.reject without requeue: dead-lettered as rejected (or dropped). */
  reject(messages: Message[]): void {
    if (this.deleted) for (const m of messages) this.host.drop(m);
    else this.host.deadLetter(this, messages, 'rejected');
  }

  /** A no-ack delivery: gone as it leaves. */
  forget(m: Message): void { this.host.drop(m); }

  addConsumer(c: Consumer): void {
    // After every consumer of the same or higher priority: a new one joins the end of its priority.
    // A single active consumer stays first whatever comes after it (RabbitMQ 3.10's classic queues).
    let at = this.consumers.length;
    while (!this.options.singleActiveConsumer && at > 0 && this.consumers[at - 1]!.priority < c.priority) at--;
    this.consumers.splice(at, 0, c);
    this.hadConsumers = true;
    this.idleDeadline?.cancel();
    this.idleDeadline = undefined;
    this.dispatch();
  }

  removeConsumer(c: Consumer): void {
    const i = this.consumers.indexOf(c);
    if (i < 0) return;
    this.consumers.splice(i, 1);
    const start = this.runStart(c.priority);
    const offset = this.next.get(c.priority) ?? 0;
    if (offset > i - start) this.next.set(c.priority, offset - 1);
    if (this.consumers.length === 0) this.touch();
    // With a single active consumer, the next one in line takes over.
    else if (i === 0 && this.options.singleActiveConsumer) this.dispatch();
  }

  /** Hands ready messages to consumers in turn while any has credit. */
  dispatch(): void {
    while (this.ready.length > 0 && this.consumers.length > 0) {
      const c = this.nextConsumerWithCredit();
      if (!c) break;
      const m = this.takeLive();
      if (!m) break;
      if (m.redelivered) this.stats.redeliver++;
      if (c.noAck) this.stats.deliverNoAck++; else this.stats.deliver++;
      c.channel.deliver(c, this, m);
    }
    this.armExpiry();
  }

  /** basic.get: the next live message, counted as a get (get_no_ack, get_empty as RabbitMQ counts them). */
  get(noAck = false): Message | undefined {
    this.touch();
    const m = this.takeLive();
    this.armExpiry();
    if (!m) { this.stats.getEmpty++; return undefined; }
    if (noAck) this.stats.getNoAck++; else this.stats.get++;
    if (m.redelivered) this.stats.redeliver++;
    return m;
  }

  /** The queue was declared or used: restarts its x-expires countdown. */
  touch(): void {
    const ttl = this.options.expires;
    if (ttl === undefined) return;
    this.unusedSince = this.now;
    this.idleDeadline?.cancel();
    this.idleDeadline = undefined;
    if (this.consumers.length > 0) return;
    this.idleDeadline = this.host.scheduler.at(this.unusedSince + ttl, () => {
      this.idleDeadline = undefined;
      if (!this.deleted && this.consumers.length === 0) this.host.expireQueue(this);
    });
  }

  /**
   * basic.consume's checks that depend on the queue: x-stream-offset is for streams only, as
   * RabbitMQ refuses it elsewhere (406).
   */
  checkConsume(_noAck: boolean, _prefetch: number, args: Record<string, unknown>): void {
    if (args['x-stream-offset'] !== undefined) {
      throw errors.precondition(`invalid arg 'x-stream-offset' for queue '${this.name}' in vhost '${this.vhost}' of queue type ${rabbitQueueType(this.options.type)}`);
    }
  }

  /** The queue is being deleted: what it keeps apart from its ready list goes too (streams). */
  discard(): void {}

  /** Stops its timers (the queue is being deleted). */
  stopTimers(): void {
    this.expiry?.cancel();
    this.expiry = undefined;
    this.idleDeadline?.cancel();
    this.idleDeadline = undefined;
  }

  /** Sets the expiry a message gets on arrival: the sooner of x-message-ttl and its expiration. */
  expiresAt(expiration: number | undefined): number | undefined {
    const ttl = this.options.messageTtl;
    const t = ttl === undefined ? expiration : expiration === undefined ? ttl : Math.min(ttl, expiration);
    return t === undefined ? undefined : this.now + t;
  }

  /** The head message, dead-lettering any expired ones in front of it (RabbitMQ expires at the head). */
  private takeLive(): Message | undefined {
    this.expireHead();
    return this.ready.shift();
  }

  private expireHead(): void {
    const now = this.now;
    const dead: Message[] = [];
    for (let m = this.ready.peek(); m && m.expiresAt !== undefined && now > m.expiresAt; m = this.ready.peek()) {
      dead.push(this.ready.shift()!);
    }
    if (dead.length > 0) this.host.deadLetter(this, dead, 'expired');
  }

  /** One deadline, for the head's expiry: later messages expire when they reach the head. */
  private armExpiry(): void {
    const at = this.ready.peek()?.expiresAt;
    if (at === undefined || this.deleted) {
      this.expiry?.cancel();
      this.expiry = undefined;
      return;
    }
    if (this.expiry && this.expiry.at === at + 1) return;
    this.expiry?.cancel();
    this.expiry = this.host.scheduler.at(at + 1, () => {
      this.expiry = undefined;
      this.expireHead();
      this.dispatch();
    });
  }

  private full(extraBytes: number): boolean {
    const { maxLength, maxLengthBytes } = this.options;
    return (maxLength !== undefined && this.ready.length + 1 > maxLength)
      || (maxLengthBytes !== undefined && this.ready.bytes + extraBytes > maxLengthBytes);
  }

  /** x-overflow drop-head: the oldest ready messages make room, dead-lettered as maxlen. */
  private dropHeadOverLimit(): void {
    const { maxLength, maxLengthBytes, overflow } = this.options;
    if (overflow !== 'drop-head' || (maxLength === undefined && maxLengthBytes === undefined)) return;
    const dead: Message[] = [];
    while (this.ready.length > 0 && ((maxLength !== undefined && this.ready.length > maxLength)
      || (maxLengthBytes !== undefined && this.ready.bytes > maxLengthBytes))) {
      dead.push(this.ready.shift()!);
    }
    if (dead.length > 0) this.host.deadLetter(this, dead, 'maxlen');
  }

  /**
   * The consumer to give the next message to: of the highest priority that has one with credit,
   * the next in turn (RabbitMQ's consumer priorities; equal priorities take turns). With a single
   * active consumer, only the first.
   */
  private nextConsumerWithCredit(): Consumer | undefined {
    const all = this.consumers;
    if (this.options.singleActiveConsumer) {
      const active = all[0];
      return active && active.channel.hasCredit(active) ? active : undefined;
    }
    const n = all.length;
    // Usually every consumer has the same priority: one run, no scan for its end.
    const oneRun = n > 0 && all[0]!.priority === all[n - 1]!.priority;
    for (let start = 0; start < n;) {
      let end = n;
      if (!oneRun) for (end = start + 1; end < n && all[end]!.priority === all[start]!.priority;) end++;
      const c = this.takeTurn(start, end);
      if (c) return c;
      start = end;
    }
    return undefined;
  }

  /** Round-robin over consumers[start, end), all of one priority. */
  private takeTurn(start: number, end: number): Consumer | undefined {
    const len = end - start;
    const priority = this.consumers[start]!.priority;
    const from = this.next.get(priority) ?? 0;
    for (let k = 0; k < len; k++) {
      const offset = (from + k) % len;
      const c = this.consumers[start + offset]!;
      if (c.channel.hasCredit(c)) {
        this.next.set(priority, (offset + 1) % len);
        return c;
      }
    }
    return undefined;
  }

  /** Where the consumers of this priority begin in consumers. */
  private runStart(priority: number): number {
    const i = this.consumers.findIndex((c) => c.priority <= priority);
    return i < 0 ? this.consumers.length : i;
  }
}

/** A message read back from storage: its priority property sets its place again, as at publish. */
function withPriority(m: Message): Message {
  if (m.priority === undefined) {
    const { priority } = publishHints(m.propertiesRaw);
    if (priority !== undefined) m.priority = priority;
  }
  return m;
}
