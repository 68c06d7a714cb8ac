/**
 * A stream (x-queue-type: stream) over AMQP 0-9-1, as RabbitMQ 3.10 serves one: messages are
 * appended to a log and never taken out by consumers. Each consumer reads from its own position,
 * chosen with x-stream-offset at basic.consume, and acks only to get more credit: an ack removes
 * nothing, and several consumers read the same messages independently. Every delivery carries its
 * x-stream-offset header. Retention (stream.ts) is what removes messages. basic.get, queue.purge,
 * nacks and rejects are refused with RabbitMQ's 540s; consumers need manual acks and a prefetch.
 *
 * The log is stored (StreamStore) and also held in memory, up to what retention keeps.
 */
import { errors } from './errors.ts';
import { withStreamOffset } from './content.ts';
import type { Consumer } from './consumer.ts';
import type { Message } from './message.ts';
import type { QueueArgs } from './queue-args.ts';
import { Queue, type QueueHost } from './queue.ts';
import type { StreamRecord, StreamStore } from './storage.ts';
import { DEFAULT_SEGMENT_BYTES, readOffsetSpec, StreamLog, type LogEntry } from './stream.ts';

export class StreamQueue extends Queue {
  private readonly log: StreamLog<Message>;
  /** Each consumer's next offset to read. */
  private readonly positions = new Map<Consumer, number>();

  constructor(vhost: string, name: string, args: Record<string, unknown>, options: QueueArgs, host: QueueHost,
    private readonly store: StreamStore) {
    super(vhost, name, true, null, false, args, options, host);
    this.log = new StreamLog({ maxBytes: options.maxLengthBytes, maxAgeMs: options.maxAgeMs,
      maxSegmentBytes: options.maxSegmentBytes ?? DEFAULT_SEGMENT_BYTES });
    const stored = store.load(vhost, name).map((r) => this.entryOf(r));
    this.log.restore(stored);
    for (const e of stored) host.messageMemory.add(e.value);
  }

  override get messageCount(): number { return this.log.length; }

  /** A stream never expires for want of use (x-expires is refused; an expires policy does not apply). */
  override touch(): void {}

  /** Streams keep messages in their own log, never in the messages table. */
  override stores(): boolean { return false; }

  /** No TTL on streams (x-message-ttl is refused; the expiration property is ignored). */
  override expiresAt(): number | undefined { return undefined; }

  override enqueue(m: Message): boolean {
    this.stats.publish++;
    const now = this.host.scheduler.clock.now();
    const value: Message = { ...m, propertiesRaw: withStreamOffset(m.propertiesRaw, this.log.endOffset), stored: false };
    const { entry, removed } = this.log.append(value, sizeOf(m), now);
    this.host.messageMemory.add(value);
    this.store.append(this.vhost, this.name, { offset: entry.offset, timestamp: now, segment: entry.segment,
      exchange: m.exchange, routingKey: m.routingKey, propertiesRaw: m.propertiesRaw, body: m.body });
    if (removed.length > 0) {
      for (const e of removed) this.host.messageMemory.remove(e.value);
      this.store.truncate(this.vhost, this.name, this.log.firstOffset);
    }
    this.dispatch();
    return true;
  }

  /** RabbitMQ's stream consumers: manual acks, a prefetch, and a readable x-stream-offset. */
  override checkConsume(noAck: boolean, prefetch: number, args: Record<string, unknown>): void {
    const where = `queue '${this.name}' in vhost '${this.vhost}'`;
    if (noAck) throw errors.notImplemented(`automatic acknowledgement not supported by stream queues ${where}`);
    if (prefetch === 0) throw errors.precondition(`consumer prefetch count is not set for '${where}'`);
    readOffsetSpec(args['x-stream-offset'], this.host.scheduler.clock.now());
  }

  override addConsumer(c: Consumer): void {
    const spec = readOffsetSpec(c.arguments['x-stream-offset'], this.host.scheduler.clock.now());
    this.positions.set(c, this.log.start(spec));
    super.addConsumer(c);
  }

  override removeConsumer(c: Consumer): void {
    this.positions.delete(c);
    super.removeConsumer(c);
  }

  /** Every consumer reads on from its own position while it has credit. */
  override dispatch(): void {
    for (const c of [...this.consumers]) {
      let next = this.positions.get(c);
      if (next === undefined) continue;
      // Retention may have removed what a slow consumer had not read yet: it goes on from the oldest kept.
      next = Math.max(next, this.log.firstOffset);
      for (let e = this.log.at(next); e && c.channel.hasCredit(c); e = this.log.at(next)) {
        next++;
        this.stats.deliver++;
        c.channel.deliver(c, this, e.value);
      }
      this.positions.set(c, next);
    }
  }

  override get(): Message | undefined {
    throw errors.notImplemented(`basic.get not supported by stream queues queue '${this.name}' in vhost '${this.vhost}'`);
  }

  /** An ack gives the consumer credit back; the message stays in the stream. */
  override settle(): void { this.stats.ack++; }
  /** Deliveries given back (a channel closed) stay where they are: the reader has moved on. */
  override requeue(): void {}
  override reject(): void {}
  override forget(): void {}

  override discard(): void {
    for (let o = this.log.firstOffset; o < this.log.endOffset; o++) {
      const e = this.log.at(o);
      if (e) this.host.messageMemory.remove(e.value);
    }
    this.store.drop(this.vhost, this.name);
  }

  private entryOf(r: StreamRecord): LogEntry<Message> {
    const value: Message = { id: -1 - r.offset, exchange: r.exchange, routingKey: r.routingKey,
      propertiesRaw: withStreamOffset(r.propertiesRaw, r.offset), body: r.body, persistent: true, redelivered: false, stored: false };
    return { offset: r.offset, timestamp: r.timestamp, segment: r.segment, bytes: sizeOf(r), value };
  }
}

/** What a message weighs in a stream: its body and properties as published. */
function sizeOf(m: { body: Buffer; propertiesRaw: Buffer }): number {
  return m.body.length + m.propertiesRaw.length;
}
