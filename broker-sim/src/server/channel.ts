/**
 * One channel of a connection: assembles published content (method, header, body frames), turns
 * each method into a core call and what core tells it into frames. Publisher confirms are sent
 * after the commit that holds the message; transactions hold publishes and acks until tx.commit.
 */
import type { ChannelSink, CoreChannel, Outgoing } from '../core/channel.ts';
import { REPLY_TO } from '../core/direct-reply.ts';
import { AmqpError, errors } from '../core/errors.ts';
import type { Vhost } from '../core/vhost.ts';
import { encodeContentFrames, method, ReplyCode, type Frame, type Method, type MethodArgs } from '../protocol/index.ts';
import type { Connection } from './connection.ts';

interface PendingContent {
  args: MethodArgs['basic.publish'];
  propertiesRaw?: Buffer;
  bodySize: number;
  chunks: Buffer[];
  received: number;
}

type Args<K extends keyof MethodArgs> = MethodArgs[K];

/** A publish or an ack held in a transaction until tx.commit. */
interface TxOp { kind: 'publish' | 'settle'; run: () => void }

/** The default exchange '' can be neither declared nor deleted, even passively, as RabbitMQ. */
function refuseDefaultExchange(name: string): void {
  if (name === '') throw errors.accessRefused('operation not permitted on the default exchange');
}

export class ServerChannel implements ChannelSink {
  readonly core: CoreChannel;
  private state: 'open' | 'closing' | 'closed' = 'open';
  private opened = false;
  private content: PendingContent | undefined;
  private confirming = false;
  private publishSeq = 0;
  /** The highest publish sequence number confirmed so far (confirms go out in order). */
  private confirmedSeq = 0;
  /** Confirm outcomes waiting to be sent, in publish order: [seq, taken]. */
  private confirms: [number, boolean][] = [];
  private confirmScheduled = false;
  private tx: TxOp[] | undefined;

  constructor(private readonly conn: Connection, readonly number: number) {
    this.core = conn.core!.openChannel(number, this);
  }

  private get vhost(): Vhost { return this.conn.vhost!; }

  /** confirm.select was sent. */
  get confirm(): boolean { return this.confirming; }
  get transactional(): boolean { return this.tx !== undefined; }
  /** Publishes not yet confirmed to the publisher. */
  get unconfirmed(): number { return this.publishSeq - this.confirmedSeq; }
  /** Publishes held by the open transaction. */
  get uncommittedMessages(): number { return this.tx?.filter((op) => op.kind === 'publish').length ?? 0; }
  /** Acks, nacks and rejects held by the open transaction. */
  get uncommittedAcks(): number { return this.tx?.filter((op) => op.kind === 'settle').length ?? 0; }

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
      } else if (f.type !== 1 && err.classId === 0 && !err.closesConnection) {
        // A refused message (its expiration, its size) is reported against basic.publish, as RabbitMQ.
        err.classId = 60;
        err.methodId = 40;
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
        // As RabbitMQ: a client may not pause its deliveries this way (basic.qos is the way).
        if (!m.args.active) throw errors.notImplemented('active=false');
        this.core.setFlow(m.args.active);
        return this.reply('channel.flow-ok', { active: m.args.active });
      case 'channel.flow-ok': return;
      case 'exchange.declare': return this.exchangeDeclare(m.args);
      case 'exchange.delete':
        refuseDefaultExchange(m.args.exchange);
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
        const messageCount = this.vhost.purgeQueue(this.queueName(m.args.queue), this.conn.core!);
        return this.replyDurably(m.args.nowait, 'queue.purge-ok', { messageCount });
      }
      case 'queue.delete': {
        const name = this.queueName(m.args.queue);
        this.authorize('configure', 'queue', name);
        const messageCount = this.vhost.deleteQueue(name, m.args.ifUnused, m.args.ifEmpty, this.conn.core!);
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
        for (const op of ops) op.run();
        this.core.afterCommit(() => this.sendMethod('tx.commit-ok', {}));
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

  /** A reply to the client, after anything core holds back for a commit. */
  private reply<K extends keyof MethodArgs>(name: K, args: Partial<MethodArgs[K]>): void {
    this.core.send(() => this.sendMethod(name, args));
  }

  private sendMethod<K extends keyof MethodArgs>(name: K, args: Partial<MethodArgs[K]>): void {
    if (this.state === 'open') this.conn.sendMethod(this.number, method(name, args));
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
    if (!nowait) this.core.afterCommit(() => this.sendMethod(name, args));
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
    refuseDefaultExchange(a.exchange);
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
    const q = this.conn.core!.declareQueue(a);
    this.lastQueue = q.name;
    this.replyDurably(a.nowait, 'queue.declare-ok', { queue: q.name, messageCount: q.messageCount, consumerCount: q.consumers.length });
  }

  private queueBind(name: 'queue.bind' | 'queue.unbind', a: Args<'queue.bind'>): void {
    const queue = this.queueName(a.queue);
    this.authorize('write', 'queue', queue);
    this.authorize('read', 'exchange', a.exchange);
    this.core.checkExclusive(this.vhost.queue(queue));
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
    this.core.qos(a.prefetchCount, a.global);
    this.reply('basic.qos-ok', {});
  }

  private consume(a: Args<'basic.consume'>): void {
    const queue = a.queue === REPLY_TO ? REPLY_TO : this.queueName(a.queue);
    if (queue !== REPLY_TO) this.authorize('read', 'queue', queue);
    this.core.consume(queue, { tag: a.consumerTag, noAck: a.noAck, exclusive: a.exclusive, arguments: a.arguments },
      // consume-ok goes before any delivery, so the client knows the tag.
      (consumerTag) => this.replyUnless(a.nowait, 'basic.consume-ok', { consumerTag }));
  }

  private cancel(tag: string, nowait: boolean): void {
    this.core.cancel(tag);
    this.replyUnless(nowait, 'basic.cancel-ok', { consumerTag: tag });
  }

  private get(a: Args<'basic.get'>): void {
    const queueName = this.queueName(a.queue);
    this.authorize('read', 'queue', queueName);
    this.core.get(queueName, a.noAck);
  }

  private settle(run: () => void): void {
    if (this.tx) this.tx.push({ kind: 'settle', run }); else run();
  }

  private startPublish(a: Args<'basic.publish'>): void {
    // AMQP's immediate flag, which RabbitMQ dropped in 3.0 and refuses.
    if (a.immediate) throw errors.notImplemented('immediate=true');
    this.conn.publishing();
    this.authorize('write', 'exchange', a.exchange);
    this.vhost.exchangeForPublish(a.exchange);
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
    if (this.tx) this.tx.push({ kind: 'publish', run }); else run();
  }

  /**
   * A complete message goes to core; a mandatory one nothing took comes back as basic.return, and
   * the confirm follows the commit.
   */
  private route(c: PendingContent, body: Buffer, seq: number): void {
    const { exchange, routingKey, mandatory } = c.args;
    const outcome = this.core.publish({ exchange, routingKey, mandatory, propertiesRaw: c.propertiesRaw!, body });
    if (outcome.returned) {
      this.core.send(() => this.conn.send(encodeContentFrames(this.number, method('basic.return', {
        replyCode: ReplyCode.NO_ROUTE, replyText: 'NO_ROUTE', exchange, routingKey,
      }), outcome.propertiesRaw, body, this.conn.frameMax)));
    }
    // A queue that refused it (x-overflow reject-publish) means basic.nack, as RabbitMQ.
    if (seq > 0) this.core.afterCommit(() => this.confirmPublish(seq, !outcome.rejected), () => this.confirmPublish(seq, false));
  }

  /**
   * Confirms arrive in publish order. They go out once per turn: each run of the same outcome as
   * one basic.ack (or basic.nack) with multiple, covering every earlier unconfirmed publish.
   */
  private confirmPublish(seq: number, taken: boolean): void {
    this.confirms.push([seq, taken]);
    if (this.confirmScheduled) return;
    this.confirmScheduled = true;
    process.nextTick(() => {
      this.confirmScheduled = false;
      const pending = this.confirms;
      this.confirms = [];
      if (this.state !== 'open') return;
      this.confirmedSeq = pending[pending.length - 1]![0];
      for (let i = 0; i < pending.length; i++) {
        const [seqHere, ok] = pending[i]!;
        const next = pending[i + 1];
        if (next && next[1] === ok) continue;
        // Sent directly: the outbox has already released them in order.
        if (ok) this.sendMethod('basic.ack', { deliveryTag: seqHere, multiple: true });
        else this.sendMethod('basic.nack', { deliveryTag: seqHere, multiple: true, requeue: false });
      }
    });
  }

  // ChannelSink
  deliver(consumerTag: string, d: Outgoing): void {
    if (this.state !== 'open') return;
    this.conn.send(encodeContentFrames(this.number, method('basic.deliver', {
      consumerTag, deliveryTag: d.deliveryTag, redelivered: d.redelivered, exchange: d.exchange, routingKey: d.routingKey,
    }), d.propertiesRaw, d.body, this.conn.frameMax));
  }

  getOk(d: Outgoing, messageCount: number): void {
    if (this.state !== 'open') return;
    this.conn.send(encodeContentFrames(this.number, method('basic.get-ok', {
      deliveryTag: d.deliveryTag, redelivered: d.redelivered, exchange: d.exchange, routingKey: d.routingKey, messageCount,
    }), d.propertiesRaw, d.body, this.conn.frameMax));
  }

  getEmpty(): void { this.sendMethod('basic.get-empty', {}); }

  canDeliver(): boolean { return !this.conn.congested; }

  /** Core closed the channel (a lease ran out): tell the client. */
  closed(err: AmqpError): void { this.closeWith(err); }

  consumerCancelled(consumerTag: string): void {
    if (this.conn.clientProperties.capabilities && (this.conn.clientProperties.capabilities as Record<string, unknown>).consumer_cancel_notify) {
      // After the reply to the method that caused it (a queue.delete on this channel), as
      // RabbitMQ's channel sends delete-ok before it reads the queue's cancel notice.
      queueMicrotask(() => this.reply('basic.cancel', { consumerTag, nowait: true }));
    }
  }

  /** Server-initiated channel.close for a soft error; frames are ignored until close-ok. */
  closeWith(err: AmqpError): void {
    if (this.state !== 'open') return;
    this.state = 'closing';
    this.content = undefined;
    this.conn.sendMethod(this.number, method('channel.close', {
      replyCode: err.code, replyText: err.text.slice(0, 255), classId: err.classId, methodId: err.methodId,
    }));
    this.core.close();
  }

  /** The channel is finished: unacked messages return to their queues, consumers go. */
  release(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.core.close();
  }

  private drop(): void {
    this.state = 'closed';
    this.conn.channels.delete(this.number);
  }
}
