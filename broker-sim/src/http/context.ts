/**
 * What the management API reads: the broker, the live AMQP connections (through the read-only
 * views below, which the AMQP server provides — the API never touches sockets or server objects),
 * the clock for rates.
 */
import type { Broker, User } from '../core/broker.ts';
import type { CoreChannel } from '../core/channel.ts';
import type { Vhost } from '../core/vhost.ts';
import type { RateBook } from './rates.ts';

export interface Listener { protocol: 'amqp' | 'http'; ip_address: string; port: number }

/** One end of a TCP connection. */
export interface Endpoint { host: string; port: number }

/** An AMQP channel, as the management API shows it. */
export interface AmqpChannelView {
  readonly number: number;
  /** Its delivery state: consumers, prefetch, unacknowledged deliveries. */
  readonly core: CoreChannel;
  /** confirm.select was sent. */
  readonly confirm: boolean;
  readonly transactional: boolean;
  /** Publishes not yet confirmed. */
  readonly unconfirmed: number;
  /** Publishes, and acks, held by the open transaction. */
  readonly uncommittedMessages: number;
  readonly uncommittedAcks: number;
}

/** A live AMQP connection, as the management API shows it. */
export interface AmqpConnectionView {
  readonly id: number;
  /** "peer:port -> local:port", RabbitMQ's connection name. */
  readonly name: string;
  /** Set once it logged in, and opened a vhost. */
  readonly user: User | undefined;
  readonly vhost: Vhost | undefined;
  readonly clientProperties: Record<string, unknown>;
  readonly authMechanism: string;
  readonly channelMax: number;
  readonly frameMax: number;
  /** Heartbeat agreed, seconds. */
  readonly heartbeat: number;
  /** ms since the epoch. */
  readonly connectedAt: number;
  /** running, flow, blocking, blocked, closing…, as RabbitMQ names a connection's state. */
  readonly state: string;
  readonly peer: Endpoint;
  readonly local: Endpoint;
  readonly bytesReceived: number;
  readonly bytesSent: number;
  openChannels(): Iterable<AmqpChannelView>;
  /** Closes it from the broker's side with connection.close. */
  closeWith(code: number, text: string, classId: number, methodId: number): void;
}

/** The AMQP side the management API reports on. */
export interface AmqpSide {
  /** The listener's live connections. */
  connections(): Iterable<AmqpConnectionView>;
  /** The port it listens on. */
  readonly port: number;
}

export interface ManagementContext {
  readonly broker: Broker;
  /** The AMQP listener's live connections. */
  connections(): Iterable<AmqpConnectionView>;
  /** The node name, where RabbitMQ reports one ("rabbit@host"). */
  readonly node: string;
  /** broker-sim's version, reported as product_version. */
  readonly productVersion: string;
  /** Real time in ms: rates are per real second even when broker timers are sped up. */
  now(): number;
  readonly rates: RateBook;
  /** The ports broker-sim listens on, for the overview. */
  listeners(): Listener[];
  log(line: string): void;
}
