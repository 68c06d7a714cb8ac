/**
 * One channel of a connection: assembles published content (method, header, body frames), turns
 * each method into a core call and each core event into frames. Publisher confirms are sent after
 * the commit that holds the message; transactions hold publishes and acks until tx.commit.
 */
import { randomBytes } from 'node:crypto';
import { CoreChannel, type ChannelSink } from '../core/channel.ts';
import { AmqpError, errors } from '../core/errors.ts';
import type { Message } from '../core/message.ts';
import type { Vhost } from '../core/vhost.ts';
import {
  decodeProperties, encodeContentFrames, encodeProperties, method, PROPERTY_FLAGS, readDeliveryMode, type Frame, type Method, type MethodArgs,
} from '../protocol/index.ts';
import { publishHints } from '../core/content.ts';
import { DirectReplies, directReplies, REPLY_TO, type ReplyTarget } from './direct-reply.ts';
import type { Connection } from './connection.ts';

interface PendingContent {
  args: MethodArgs['basic.publish'];
  propertiesRaw?: Buffer;
  bodySize: number;
  chunks: Buffer[];
  received: number;
}

type Args<K extends keyof MethodArgs> = MethodArgs[K];

const REPLY_TO_FLAG = PROPERTY_FLAGS.replyTo;

export class ServerChannel implements ChannelSink, ReplyTarget {
  private readonly core: CoreChannel;
  private state: 'open' | 'closing' | 'closed' = 'open';
  private opened = false;
  private content: PendingContent | undefined;
  private confirming = false;
  private publishSeq = 0;
  /** Confirm outcomes waiting to be sent, in publish order: [seq, taken]. */
  private confirms: [number, boolean][] = [];
  private confirmScheduled = false;
  private tx: (() => void)[] | undefined;
  /** Direct reply-to: this channel's reply consumer and the routing key its replies carry. */
  private replyConsumer: { tag: string; key: string } | undefined;

  constructor(private readonly conn: Connection, readonly number: number) {
    this.core = new CoreChannel(conn.id, number, conn.broker, this);
  }

  private get vhost(): Vhost { return this.conn.vhost!; }

  get coreChannel(): CoreChannel { return this.core; }
  get confirmMode(): boolean { return this.confirming; }
  get transactional(): boolean { return this.tx !== undefined; }

  frame(f: Frame): void {
    if (this.state === 'closing') {
      if (f.type === 1 && f.method.name === 'channel.close-ok') this.drop();
      else if (f.type === 1 && f.method.name === 'channel.close') this.conn.sendMethod(this.number, method('channel.close-ok', {}));
      return;
    }
    try {
      if (f.type === 1) this.methodFrame(f.method);
      else if (f.type === 2) this.headerFrame(f.classId, f.bodySize, f.propertiesRaw);
      else if (f.type === 3) this.bodyFrame(f.body);
    } catch (err) {
      if (!(err instanceof AmqpError)) throw err;
      if (f.type === 1 && err.classId === 0) {
        err.classId = f.method.classId;
        err.methodId = f.method.methodId;
      }
      this.conn.fail(this.number, err);
    }
  }

  private methodFrame(m: Method): void {
    if (this.content) throw errors.unexpectedFrame(`expected content header for class 60, got non content header frame instead`);
    if (!this.opened) {
      if (m.name !== 'channel.open') throw errors.channelError(`expected 'channel.open'`);
      this.opened = true;
      this.conn.sendMethod(this.number, method('channel.open-ok', {}));
      return;
    }
    this.dispatchMethod(m);
  }

  private dispatchMethod(m: Method): void {
    switch (m.name) {
      case 'channel.open': throw errors.channelError(`second 'channel.open' seen`);
      case 'channel.close':
        this.release();
        this.conn.channels.delete(this.number);
        this.conn.sendMethod(this.number, method('channel.close-ok', {}));
        return;
      case 'channel.close-ok': return;
      case 'channel.flow':
        this.core.active = m.args.active;
        if (m.args.active) this.core.redispatch();
        return this.reply('channel.flow-ok', { active: m.args.active });
      case 'channel.flow-ok': return;
      case 'exchange.declare': return this.exchangeDeclare(m.args);
      case 'exchange.delete':
        this.authorize('configure', 'exchange', m.args.exchange);
        this.vhost.deleteExchange(m.args.exchange, m.args.ifUnused);
        return this.replyDurably(m.args.nowait, 'exchange.delete-ok', {});
      case 'exchange.bind':
      case 'exchange.unbind': return this.exchangeBind(m.name, m.args);
      case 'queue.declare': return this.queueDeclare(m.args);
      case 'queue.bind':
      case 'queue.unbind': return this.queueBind(m.name, m.args as Args<'queue.bind'>);
      case 'queue.purge': {
        this.authorize('read', 'queue', m.args.queue);
        const messageCount = this.vhost.purgeQueue(this.queueName(m.args.queue), this.conn.id);
        return this.replyDurably(m.args.nowait, 'queue.purge-ok', { messageCount });
      }
      case 'queue.delete': {
        const name = this.queueName(m.args.queue);
        this.authorize('configure', 'queue', name);
        const messageCount = this.vhost.deleteQueue(name, m.args.ifUnused, m.args.ifEmpty, this.conn.id);
        return this.replyDurably(m.args.nowait, 'queue.delete-ok', { messageCount });
      }
      case 'basic.qos': return this.qos(m.args);
      case 'basic.consume': return this.consume(m.args);
      case 'basic.cancel': return this.cancel(m.args.consumerTag, m.args.nowait);
      case 'basic.publish': return this.startPublish(m.args);
      case 'basic.get': return this.get(m.args);
      case 'basic.ack': return this.settle(() => this.core.ack(m.args.deliveryTag, m.args.multiple));
      case 'basic.nack': return this.settle(() => this.core.nack(m.args.deliveryTag, m.args.multiple, m.args.requeue));
      case 'basic.reject': return this.settle(() => this.core.nack(m.args.deliveryTag, false, m.args.requeue));
      case 'basic.recover-async': this.core.recover(); return;
      case 'basic.recover': this.core.recover(); return this.reply('basic.recover-ok', {});
      case 'confirm.select':
        if (this.tx) throw errors.precondition('cannot switch from tx to confirm mode');
        this.confirming = true;
        return this.replyUnless(m.args.nowait, 'confirm.select-ok', {});
      case 'tx.select':
        if (this.confirming) throw errors.precondition('cannot switch from confirm to tx mode');
        this.tx ??= [];
        return this.reply('tx.select-ok', {});
      case 'tx.commit': {
        if (!this.tx) throw errors.precondition('channel is not transactional');
        const ops = this.tx;
        this.tx = [];
        for (const op of ops) op();
        this.conn.broker.storage.afterCommit(() => this.reply('tx.commit-ok', {}));
        return;
      }
      case 'tx.rollback':
        if (!this.tx) throw errors.precondition('channel is not transactional');
        this.tx = [];
        return this.reply('tx.rollback-ok', {});
      default:
        throw errors.commandInvalid(`unexpected method ${m.name}`);
    }
  }

  private reply<K extends keyof MethodArgs>(name: K, args: Partial<MethodArgs[K]>): void {
    this.conn.sendMethod(this.number, method(name, args));
  }

  private replyUnless<K extends keyof MethodArgs>(nowait: boolean, name: K, args: Partial<MethodArgs[K]>): void {
    if (!nowait) this.reply(name, args);
  }

  /**
   * The -ok of a method that changes durable state (declare, bind, delete, purge) goes out only
   * once that change is committed, as RabbitMQ's: a client that saw it can rely on it after a crash.
   * Nothing to commit: at once.
   */
  private replyDurably<K extends keyof MethodArgs>(nowait: boolean, name: K, args: Partial<MethodArgs[K]>): void {
    if (nowait) return;
    this.conn.broker.storage.afterCommit(() => { if (this.state === 'open') this.reply(name, args); });
  }

  private authorize(right: 'configure' | 'write' | 'read', kind: 'queue' | 'exchange', name: string): void {
    this.conn.broker.authorize(this.conn.user!, this.vhost.name, right, kind, name === '' ? 'amq.default' : name);
  }

  /** An empty queue name means the last queue declared on this channel, as AMQP says. */
  private lastQueue = '';
  private queueName(name: string): string {
    if (name !== '') return name;
    if (this.lastQueue === '') throw errors.notFound('no previously declared queue');
    return this.lastQueue;
  }

  private exchangeDeclare(a: Args<'exchange.declare'>): void {
    // A passive declare only asks whether it exists: RabbitMQ checks no right for it.
    if (!a.passive) this.authorize('configure', 'exchange', a.exchange);
    this.vhost.declareExchange(a.exchange, a.type, a.passive, a.durable, a.autoDelete, a.internal, a.arguments);
    this.replyDurably(a.nowait, 'exchange.declare-ok', {});
  }

  private exchangeBind(name: 'exchange.bind' | 'exchange.unbind', a: Args<'exchange.bind'>): void {
    this.authorize('write', 'exchange', a.destination);
    this.authorize('read', 'exchange', a.source);
    const b = { source: a.source, destination: a.destination, destinationType: 'exchange' as const,
      routingKey: a.routingKey, args: a.arguments };
    if (name === 'exchange.bind') this.vhost.bind(b); else this.vhost.unbind(b);
    this.replyDurably(a.nowait, name === 'exchange.bind' ? 'exchange.bind-ok' : 'exchange.unbind-ok', {});
  }

  private queueDeclare(a: Args<'queue.declare'>): void {
    if (a.queue === REPLY_TO && a.passive) {
      // RabbitMQ answers a passive declare of the pseudo-queue with 0 messages and 1 consumer.
      return this.replyUnless(a.nowait, 'queue.declare-ok', { queue: REPLY_TO, messageCount: 0, consumerCount: 1 });
    }
    if (a.queue !== '' && !a.passive) this.authorize('configure', 'queue', a.queue);
    const q = this.vhost.declareQueue(a, this.conn.id);
    this.lastQueue = q.name;
    this.replyDurably(a.nowait, 'queue.declare-ok', { queue: q.name, messageCount: q.messageCount, consumerCount: q.consumers.length });
  }

  private queueBind(name: 'queue.bind' | 'queue.unbind', a: Args<'queue.bind'>): void {
    const queue = this.queueName(a.queue);
    this.authorize('write', 'queue', queue);
    this.authorize('read', 'exchange', a.exchange);
    const q = this.vhost.queue(queue);
    this.vhost.checkExclusive(q, this.conn.id);
    const b = { source: a.exchange, destination: queue, destinationType: 'queue' as const, routingKey: a.routingKey, args: a.arguments ?? {} };
    if (name === 'queue.bind') {
      this.vhost.bind(b);
      this.replyDurably(a.nowait, 'queue.bind-ok', {});
    } else {
      this.vhost.unbind(b);
      this.replyDurably(false, 'queue.unbind-ok', {});
    }
  }

  private qos(a: Args<'basic.qos'>): void {
    if (a.prefetchSize !== 0) throw errors.notImplemented(`prefetch_size!=0 (${a.prefetchSize})`);
    if (a.global) this.core.channelPrefetch = a.prefetchCount;
    else this.core.consumerPrefetch = a.prefetchCount;
    this.core.redispatch();
    this.reply('basic.qos-ok', {});
  }

  private consume(a: Args<'basic.consume'>): void {
    if (a.queue === REPLY_TO) return this.consumeReplies(a);
    const queueName = this.queueName(a.queue);
    this.authorize('read', 'queue', queueName);
    const q = this.vhost.queue(queueName);
    this.vhost.checkExclusive(q, this.conn.id);
    if (q.quorum && this.core.channelPrefetch > 0) {
      throw errors.notImplemented(`queue '${q.name}' in vhost '${this.vhost.name}' does not support global qos`);
    }
    const tag = a.consumerTag || `amq.ctag-${randomBytes(16).toString('base64url').slice(0, 22)}`;
    if (this.core.consumers.has(tag)) throw errors.notAllowed(`attempt to reuse consumer tag '${tag}'`);
    if (a.exclusive && q.consumers.length > 0 || q.consumers.some((c) => c.exclusive)) {
      throw errors.accessRefused(`queue '${q.name}' in vhost '${this.vhost.name}' in exclusive use`);
    }
    // consume-ok goes before any delivery, so the client knows the tag.
    this.replyUnless(a.nowait, 'basic.consume-ok', { consumerTag: tag });
    this.core.addConsumer({ tag, channel: this.core, queue: q, noAck: a.noAck, exclusive: a.exclusive,
      prefetch: this.core.consumerPrefetch, unacked: 0 });
  }

  /** Direct reply-to: the channel's consumer of replies, as RabbitMQ (no-ack only, one per channel). */
  private consumeReplies(a: Args<'basic.consume'>): void {
    if (!a.noAck) throw errors.precondition('reply consumer cannot acknowledge');
    if (this.replyConsumer) throw errors.precondition('reply consumer already set');
    const tag = a.consumerTag || `amq.ctag-${randomBytes(16).toString('base64url').slice(0, 22)}`;
    if (this.core.consumers.has(tag)) throw errors.notAllowed(`attempt to reuse consumer tag '${tag}'`);
    this.replyConsumer = { tag, key: directReplies(this.conn.broker).register(this) };
    this.replyUnless(a.nowait, 'basic.consume-ok', { consumerTag: tag });
  }

  /** ReplyTarget: a reply published to this channel's reply key. */
  deliverReply(routingKey: string, propertiesRaw: Buffer, body: Buffer): void {
    if (!this.replyConsumer || this.state !== 'open') return;
    this.conn.send(encodeContentFrames(this.number, method('basic.deliver', {
      consumerTag: this.replyConsumer.tag, deliveryTag: this.core.takeDeliveryTag(), redelivered: false, exchange: '', routingKey,
    }), propertiesRaw, body, this.conn.frameMax));
  }

  private dropReplyConsumer(): void {
    if (!this.replyConsumer) return;
    directReplies(this.conn.broker).unregister(this.replyConsumer.key);
    this.replyConsumer = undefined;
  }

  private cancel(tag: string, nowait: boolean): void {
    if (this.replyConsumer?.tag === tag) {
      this.dropReplyConsumer();
      return this.replyUnless(nowait, 'basic.cancel-ok', { consumerTag: tag });
    }
    const c = this.core.removeConsumer(tag);
    this.replyUnless(nowait, 'basic.cancel-ok', { consumerTag: tag });
    if (c) this.maybeAutoDelete(c.queue);
  }

  private maybeAutoDelete(q: import('../core/queue.ts').Queue): void {
    if (q.autoDelete && q.hadConsumers && q.consumers.length === 0 && !q.deleted) this.vhost.removeQueue(q);
  }

  private get(a: Args<'basic.get'>): void {
    const queueName = this.queueName(a.queue);
    this.authorize('read', 'queue', queueName);
    const q = this.vhost.queue(queueName);
    this.vhost.checkExclusive(q, this.conn.id);
    const got = this.core.get(q, a.noAck);
    if (!got) return this.reply('basic.get-empty', {});
    const m = got.message;
    const frames = encodeContentFrames(this.number, method('basic.get-ok', {
      deliveryTag: got.deliveryTag, redelivered: m.redelivered, exchange: m.exchange, routingKey: m.routingKey,
      messageCount: q.messageCount,
    }), got.propertiesRaw, m.body, this.conn.frameMax);
    this.sendDelivery(frames, got.afterCommit);
  }

  private settle(op: () => void): void {
    if (this.tx) this.tx.push(op); else op();
  }

  private startPublish(a: Args<'basic.publish'>): void {
    this.conn.publishing();
    this.authorize('write', 'exchange', a.exchange);
    const x = this.vhost.exchange(a.exchange);
    if (x.internal) throw errors.accessRefused(`cannot publish to internal exchange '${a.exchange}' in vhost '${this.vhost.name}'`);
    this.content = { args: a, bodySize: 0, chunks: [], received: 0 };
  }

  private headerFrame(classId: number, bodySize: number, propertiesRaw: Buffer): void {
    const c = this.content;
    if (!c || c.propertiesRaw) throw errors.unexpectedFrame(`expected method frame, got non method frame instead`);
    if (classId !== 60) throw errors.unexpectedFrame(`content header for class ${classId}`);
    const max = this.conn.limits.maxMessageSize;
    if (bodySize > max) {
      this.content = undefined;
      throw errors.precondition(`message size ${bodySize} is larger than configured max size ${max}`);
    }
    c.propertiesRaw = Buffer.from(propertiesRaw);
    c.bodySize = bodySize;
    if (bodySize === 0) this.publish(c, Buffer.alloc(0));
  }

  private bodyFrame(body: Buffer): void {
    const c = this.content;
    if (!c || !c.propertiesRaw) throw errors.unexpectedFrame(`expected method frame, got non method frame instead`);
    c.chunks.push(body);
    c.received += body.length;
    if (c.received > c.bodySize) throw errors.unexpectedFrame('body larger than declared in its content header');
    if (c.received === c.bodySize) {
      this.publish(c, c.chunks.length === 1 ? Buffer.from(c.chunks[0]!) : Buffer.concat(c.chunks));
    }
  }

  private publish(c: PendingContent, body: Buffer): void {
    this.content = undefined;
    const seq = this.confirming ? ++this.publishSeq : 0;
    const run = (): void => this.route(c, body, seq);
    if (this.tx) this.tx.push(run); else run();
  }

  /** Routes a complete message; returns it if mandatory and unroutable; confirms after the commit. */
  private route(c: PendingContent, body: Buffer, seq: number): void {
    const { exchange, routingKey, mandatory } = c.args;
    const propertiesRaw = this.withReplyKey(c.propertiesRaw!);
    const vhost = this.vhost;
    if (exchange === '' && DirectReplies.isReplyKey(routingKey)) return this.routeReply(c, propertiesRaw, body, seq);
    const x = vhost.exchanges.get(exchange);
    const queues = x ? vhost.route(x, routingKey, () => decodeProperties(propertiesRaw).headers ?? {}) : [];
    const persistent = readDeliveryMode(propertiesRaw) === 2;
    const broker = this.conn.broker;
    const { expiration, priority } = publishHints(propertiesRaw);
    const { rejected } = vhost.enqueue(queues, (): Message => ({
      id: broker.newMessageId(), exchange, routingKey, propertiesRaw, body, persistent, redelivered: false, stored: false,
      ...(priority === undefined ? {} : { priority }),
    }), expiration);
    for (const q of queues) if (q.backedUp) this.conn.throttle(q);
    if (queues.length === 0 && mandatory) {
      this.conn.send(encodeContentFrames(this.number, method('basic.return', {
        replyCode: 312, replyText: 'NO_ROUTE', exchange, routingKey,
      }), propertiesRaw, body, this.conn.frameMax));
    }
    // A queue that refused it (x-overflow reject-publish) means basic.nack, as RabbitMQ.
    if (seq > 0) broker.storage.afterCommit(() => this.confirm(seq, rejected === 0));
  }

  /** A request with reply_to `amq.rabbitmq.reply-to` gets this channel's reply key instead. */
  private withReplyKey(raw: Buffer): Buffer {
    if (raw.length < 2 || (raw.readUInt16BE(0) & REPLY_TO_FLAG) === 0) return raw;
    const p = decodeProperties(raw);
    if (p.replyTo !== REPLY_TO) return raw;
    if (!this.replyConsumer) throw errors.precondition('fast reply consumer does not exist');
    return encodeProperties({ ...p, replyTo: this.replyConsumer.key });
  }

  /** A reply to a direct reply-to key: straight to the requesting channel, or unroutable if it is gone. */
  private routeReply(c: PendingContent, propertiesRaw: Buffer, body: Buffer, seq: number): void {
    const { routingKey, mandatory } = c.args;
    const target = directReplies(this.conn.broker).target(routingKey);
    if (target) target.deliverReply(routingKey, propertiesRaw, body);
    else if (mandatory) {
      this.conn.send(encodeContentFrames(this.number, method('basic.return', {
        replyCode: 312, replyText: 'NO_ROUTE', exchange: '', routingKey,
      }), propertiesRaw, body, this.conn.frameMax));
    }
    if (seq > 0) this.confirm(seq, true);
  }

  /**
   * Confirms arrive in publish order. They go out once per turn: each run of the same outcome as
   * one basic.ack (or basic.nack) with multiple, covering every earlier unconfirmed publish.
   */
  private confirm(seq: number, taken: boolean): void {
    this.confirms.push([seq, taken]);
    if (this.confirmScheduled) return;
    this.confirmScheduled = true;
    process.nextTick(() => {
      this.confirmScheduled = false;
      const pending = this.confirms;
      this.confirms = [];
      if (this.state !== 'open') return;
      for (let i = 0; i < pending.length; i++) {
        const [seqHere, ok] = pending[i]!;
        const next = pending[i + 1];
        if (next && next[1] === ok) continue;
        if (ok) this.reply('basic.ack', { deliveryTag: seqHere, multiple: true });
        else this.reply('basic.nack', { deliveryTag: seqHere, multiple: true, requeue: false });
      }
    });
  }

  /** Delivery frames of a delivery-limited queue wait for the commit that records the delivery. */
  private sendDelivery(frames: Buffer, afterCommit: boolean): void {
    if (!afterCommit) { this.conn.send(frames); return; }
    this.conn.broker.storage.afterCommit(() => { if (this.state === 'open') this.conn.send(frames); });
  }

  // ChannelSink
  deliver(consumerTag: string, deliveryTag: number, m: Message, propertiesRaw: Buffer, afterCommit: boolean): void {
    this.sendDelivery(encodeContentFrames(this.number, method('basic.deliver', {
      consumerTag, deliveryTag, redelivered: m.redelivered, exchange: m.exchange, routingKey: m.routingKey,
    }), propertiesRaw, m.body, this.conn.frameMax), afterCommit);
  }

  canDeliver(): boolean { return !this.conn.congested; }

  leaseExpired(err: AmqpError): void {
    this.conn.fail(this.number, err);
  }

  consumerCancelled(consumerTag: string): void {
    if (this.conn.clientProperties.capabilities && (this.conn.clientProperties.capabilities as Record<string, unknown>).consumer_cancel_notify) {
      this.reply('basic.cancel', { consumerTag, nowait: true });
    }
  }

  /** Server-initiated channel.close for a soft error; frames are ignored until close-ok. */
  closeWith(err: AmqpError): void {
    if (this.state !== 'open') return;
    this.state = 'closing';
    this.content = undefined;
    this.reply('channel.close', { replyCode: err.code, replyText: err.text.slice(0, 255), classId: err.classId, methodId: err.methodId });
    this.releaseState();
  }

  /** The channel is finished: unacked messages return to their queues, consumers go. */
  release(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.releaseState();
  }

  private releaseState(): void {
    this.dropReplyConsumer();
    const gone = this.core.close();
    for (const c of gone) this.maybeAutoDelete(c.queue);
  }

  private drop(): void {
    this.state = 'closed';
    this.conn.channels.delete(this.number);
  }
}
