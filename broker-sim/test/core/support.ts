/**
 * Core driven directly, as the AMQP server and the management API drive it: a broker on a fake
 * clock and in-memory storage, connections and channels whose sink records what core tells them
 * to send. Nothing here stands in for the server: core does its own closing, requeueing and deleting.
 */
import { Broker, type BrokerOptions } from '../../src/core/broker.ts';
import type { ChannelSink, CoreChannel, Outgoing } from '../../src/core/channel.ts';
import { FakeClock } from '../../src/core/clock.ts';
import { CoreConnection } from '../../src/core/connection.ts';
import type { AmqpError } from '../../src/core/errors.ts';
import type { PublishOutcome } from '../../src/core/publish.ts';
import type { Queue } from '../../src/core/queue.ts';
import { encodeProperties, type BasicProperties } from '../../src/protocol/index.ts';
import { MemoryStorage } from './memory-storage.ts';

/** What a channel's sink was told, in order. */
export interface Recorded {
  /** basic.deliver and basic.get-ok, with their consumer tag ('' for a get). */
  got: { tag: number; body: string; redelivered: boolean; consumerTag: string; routingKey: string; propertiesRaw: Buffer }[];
  /** Everything, as short names in the order it was sent. */
  sent: string[];
  cancelled: string[];
  closedWith: AmqpError[];
}

export interface TestChannel extends Recorded {
  ch: CoreChannel;
  /** basic.consume; returns the consumer tag. */
  consume(queue: string, opts?: { noAck?: boolean; exclusive?: boolean; tag?: string }): string;
}

export function setup(options: BrokerOptions = {}) {
  const clock = new FakeClock();
  const storage = new MemoryStorage();
  const broker = new Broker(storage, clock, options);
  const vhost = broker.vhost('/')!;
  let nextConnection = 1;
  const connect = (): CoreConnection => new CoreConnection(broker, nextConnection++, vhost);
  const main = connect();
  let nextChannel = 1;

  /** A channel on `conn` (the first connection by default); `onClosed` sees core's own close. */
  const channel = (conn: CoreConnection = main, opts: { canDeliver?: () => boolean } = {}): TestChannel => {
    const rec: Recorded = { got: [], sent: [], cancelled: [], closedWith: [] };
    const record = (consumerTag: string, d: Outgoing): void => {
      rec.got.push({ tag: d.deliveryTag, body: d.body.toString(), redelivered: d.redelivered, consumerTag, routingKey: d.routingKey,
        propertiesRaw: d.propertiesRaw });
    };
    const sink: ChannelSink = {
      deliver: (consumerTag, d) => { record(consumerTag, d); rec.sent.push(`deliver ${d.body.toString()}`); },
      getOk: (d) => { record('', d); rec.sent.push(`get-ok ${d.body.toString()}`); },
      getEmpty: () => rec.sent.push('get-empty'),
      consumerCancelled: (tag) => { rec.cancelled.push(tag); rec.sent.push(`cancel ${tag}`); },
      closed: (err) => { rec.closedWith.push(err); rec.sent.push(`close ${err.code}`); },
      canDeliver: opts.canDeliver ?? (() => true),
    };
    const ch = conn.openChannel(nextChannel++, sink);
    const consume = (queue: string, o: { noAck?: boolean; exclusive?: boolean; tag?: string } = {}): string =>
      ch.consume(queue, { noAck: o.noAck ?? false, exclusive: o.exclusive ?? false, ...(o.tag ? { tag: o.tag } : {}) },
        (tag) => rec.sent.push(`consume-ok ${tag}`));
    return Object.assign(rec, { ch, consume });
  };

  const declare = (name: string, o: { durable?: boolean; exclusive?: boolean; autoDelete?: boolean; args?: Record<string, unknown>; on?: CoreConnection } = {}): Queue =>
    (o.on ?? main).declareQueue({ queue: name, passive: false, durable: o.durable ?? false, exclusive: o.exclusive ?? false,
      autoDelete: o.autoDelete ?? false, arguments: o.args ?? {} });

  /** Publishes as the management API and the broker do: straight into the vhost. */
  const publish = (exchange: string, routingKey: string, body: string, props: BasicProperties = {}, mandatory = false): PublishOutcome =>
    vhost.publish({ exchange, routingKey, propertiesRaw: encodeProperties(props), body: Buffer.from(body), mandatory });

  /** Publishes to the default exchange: straight to the queue named. */
  const send = (queue: string, body: string, props: BasicProperties = {}): PublishOutcome => publish('', queue, body, props);

  /** Unacknowledged deliveries of a queue over the given channels, from their registries. */
  const unackedIn = (q: Queue, ...channels: CoreChannel[]): number => channels.reduce((n, ch) => n + ch.deliveries.countIn(q), 0);

  return { clock, storage, broker, vhost, main, connect, channel, declare, publish, send, unackedIn };
}

export const bodies = (t: Recorded): string[] => t.got.map((g) => g.body);
