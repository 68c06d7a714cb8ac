/**
 * broker-sim as a library: start it on a port with a database, get its URL, close it.
 * Tests start a private one on a free port with a throw-away database.
 */
import { Broker } from './core/broker.ts';
import { systemClock } from './core/clock.ts';
import { AmqpListener } from './server/listener.ts';
import { SqliteStore } from './store/sqlite-store.ts';

export interface BrokerSimOptions {
  /** AMQP port; 0 takes any free one. Default 5672. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** SQLite file; ':memory:' keeps nothing. Default ':memory:' for the library, a file for the CLI. */
  dbPath?: string;
  /** Management API port (0 = any free one, false = off). */
  httpPort?: number | false;
  /** Heartbeat offered in connection.tune, seconds. Default 60, as RabbitMQ. */
  heartbeat?: number;
  log?: (line: string) => void;
}

export interface BrokerSim {
  url: string;
  port: number;
  managementUrl?: string;
  dbPath: string;
  broker: Broker;
  listener: AmqpListener;
  close(): Promise<void>;
}

export async function startBrokerSim(o: BrokerSimOptions = {}): Promise<BrokerSim> {
  const host = o.host ?? '127.0.0.1';
  const dbPath = o.dbPath ?? ':memory:';
  const log = o.log ?? (() => {});
  const store = new SqliteStore(dbPath, (err) => log(`store: commit failed: ${err.message}`));
  const broker = new Broker(store, systemClock);
  const listener = new AmqpListener(broker, { host, port: o.port ?? 5672, heartbeat: o.heartbeat ?? 60, log });
  let port: number;
  try {
    port = await listener.listen();
  } catch (err) {
    store.close();
    throw err;
  }
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `amqp://guest:guest@${shownHost}:${port}`,
    port,
    dbPath,
    broker,
    listener,
    async close() {
      await listener.close();
      store.close();
    },
  };
}
