/** What the management API reads: the broker, the live AMQP connections, the clock for rates. */
import type { Broker } from '../core/broker.ts';
import type { Connection } from '../server/connection.ts';
import type { RateBook } from './rates.ts';

export interface Listener { protocol: 'amqp' | 'http'; ip_address: string; port: number }

export interface ManagementContext {
  readonly broker: Broker;
  /** The AMQP listener's live connections. */
  connections(): Iterable<Connection>;
  /** The node name, where RabbitMQ reports one ("rabbit@host"). */
  readonly node: string;
  /** Real time in ms: rates are per real second even when broker timers are sped up. */
  now(): number;
  readonly rates: RateBook;
  /** The ports broker-sim listens on, for the overview. */
  listeners(): Listener[];
  log(line: string): void;
}
