/** A message as a queue holds it: the published content plus where it came from. */
export interface Message {
  /** Broker-wide sequence: orders a queue, and puts a requeued message back in its place. */
  id: number;
  exchange: string;
  routingKey: string;
  /** Content properties exactly as the publisher sent them (flags + list), passed through. */
  propertiesRaw: Buffer;
  body: Buffer;
  /** delivery-mode 2: kept on disk when its queue is durable. */
  persistent: boolean;
  redelivered: boolean;
  /** True once the store holds this message (so an ack or a drop must delete it). */
  stored: boolean;
  /** Clock time after which it is dead (x-message-ttl or the expiration property). */
  expiresAt?: number;
  /** The priority property, for queues with x-max-priority. */
  priority?: number;
  /** Times a quorum queue got it back unacknowledged (its x-delivery-count). */
  deliveryCount?: number;
}

/**
 * What a message in memory costs beyond its body and properties: its object and two Buffers.
 * Measured: 100,000 transient 1 KiB messages grow broker-sim's resident memory by about 1.6 KiB each.
 */
export const MESSAGE_OVERHEAD_BYTES = 600;

/**
 * The broker's account of the memory it holds for messages: those ready in memory (not those left
 * in storage only) and those delivered and not yet acknowledged. The memory alarm reads it.
 */
export class MessageMemory {
  /** Messages held, and their bodies and properties, bytes. */
  messages = 0;
  bytes = 0;

  add(m: Message): void {
    this.messages++;
    this.bytes += m.body.length + m.propertiesRaw.length;
  }

  remove(m: Message): void {
    this.messages--;
    this.bytes -= m.body.length + m.propertiesRaw.length;
  }

  /** The memory these messages take, bytes: their contents plus MESSAGE_OVERHEAD_BYTES each. */
  get estimate(): number { return this.bytes + this.messages * MESSAGE_OVERHEAD_BYTES; }
}
