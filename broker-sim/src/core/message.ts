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
