/**
 * broker-sim as a library: start it on a port with a database, get its URL, close it.
 * Tests start a private one on a free port with a throw-away database.
 */
import { totalmem } from 'node:os';
import { newAdminToken, writeAdminToken } from './admin-token.ts';
import { Broker } from './core/broker.ts';
import { scaledClock, systemClock, type Clock } from './core/clock.ts';
import { ManagementPortTaken, startManagementServer, type ManagementServer } from './http/server.ts';
import { AmqpListener, LOOPBACK_HOSTS } from './server/listener.ts';
import { BROKER_VERSION } from './server/server-properties.ts';
import { DatabaseLock } from './store/lock.ts';
import { SqliteStore } from './store/sqlite-store.ts';

export interface BrokerSimOptions {
  /** AMQP port; 0 takes any free one. Default 5672. */
  port?: number;
  /** Address to listen on. Default: 127.0.0.1 and ::1 both (LOOPBACK_HOSTS). */
  host?: string;
  /** SQLite file; ':memory:' keeps nothing. Default ':memory:' for the library, a file for the CLI. */
  dbPath?: string;
  /** Management HTTP API port (0 = any free one, false = off). Default: off. */
  httpPort?: number | false;
  /**
   * When the management port is taken: 'fail' (default), 'next' (take the next free port, like
   * --any-port), or 'off' (run without the API and log why).
   */
  httpPortTaken?: 'fail' | 'next' | 'off';
  /** Heartbeat offered in connection.tune, seconds. Default 60, as RabbitMQ. */
  heartbeat?: number;
  /** Consumer timeout (lease) in ms of broker time. Default 30 minutes, as RabbitMQ; 0 = none. */
  consumerTimeout?: number;
  /** Every queue delivers each message at most once; failures go to `<queue>.failed`. */
  atMostOnce?: boolean;
  /** Connection limits (max message size, handshake timeout, write buffer), RabbitMQ's defaults otherwise. */
  limits?: Partial<import('./server/connection.ts').Limits>;
  /** Most connections open at once; more are closed at once. Default: no limit. */
  maxConnections?: number;
  /**
   * 'disk' (default): a confirm waits for an fsync, so it survives a power cut; 'process': it
   * survives the broker being killed, not the machine (faster on slow disks).
   */
  durability?: 'disk' | 'process';
  /** Largest size of the database file, bytes; beyond it publishers are blocked. Default: no limit. */
  maxDbBytes?: number;
  /**
   * The memory alarm's limit, bytes (RabbitMQ's vm_memory_high_watermark): above it publishers are
   * blocked with connection.blocked until consumers drain. Default: DEFAULT_MEMORY_SHARE of the machine.
   */
  maxMemory?: number;
  /** Broker timers (leases, TTLs, queue expiry, heartbeats) run this many times faster. Default 1. */
  timeScale?: number;
  /** The broker's clock; tests inject one. Default: real time, scaled by timeScale. */
  clock?: Clock;
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

/** RabbitMQ's default vm_memory_high_watermark: 0.4 of the machine's memory. */
export const DEFAULT_MEMORY_SHARE = 0.4;

/** The memory this process may have: the machine's, or its container's limit when that is lower. */
export function machineMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 && limit < totalmem() ? limit : totalmem();
}

export async function startBrokerSim(o: BrokerSimOptions = {}): Promise<BrokerSim> {
  const host = o.host ?? LOOPBACK_HOSTS[0]!;
  const dbPath = o.dbPath ?? ':memory:';
  const log = o.log ?? (() => {});
  // Before the database is opened: a second broker on the file must not touch it.
  const lock = dbPath === ':memory:' ? undefined : DatabaseLock.take(dbPath);
  if (lock?.previousCrashed) log('the last broker on this database did not stop cleanly: its stored messages come back redelivered, as on RabbitMQ');
  let store: SqliteStore;
  try {
    store = new SqliteStore(dbPath, (err) => log(`store: commit failed, publishers blocked until it works again: ${err.message}`),
      { maxBytes: o.maxDbBytes, durability: o.durability ?? 'disk', afterCrash: lock?.previousCrashed ?? false });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const closeStore = (): void => { store.close(); lock?.release(); };
  store.onWritableChange((ok) => { if (ok) log('store: commits work again, publishers unblocked'); });
  const timeScale = o.timeScale ?? 1;
  const clock = o.clock ?? scaledClock(timeScale, systemClock);
  let broker: Broker;
  try {
    const memory = { limit: o.maxMemory ?? Math.round(machineMemory() * DEFAULT_MEMORY_SHARE), base: process.memoryUsage.rss() };
    broker = new Broker(store, clock, { consumerTimeout: o.consumerTimeout, atMostOnce: o.atMostOnce, memory, log });
  } catch (err) {
    closeStore();
    throw err;
  }
  const listener = new AmqpListener(broker, { host: o.host ?? LOOPBACK_HOSTS, port: o.port ?? 5672, heartbeat: scaledHeartbeat(o.heartbeat ?? 60, timeScale), log,
    ...(o.limits ? { limits: o.limits } : {}), ...(o.maxConnections !== undefined ? { maxConnections: o.maxConnections } : {}) });
  let port: number;
  try {
    port = await listener.listen();
  } catch (err) {
    broker.stop();
    closeStore();
    throw err;
  }
  let http: ManagementServer | undefined;
  // With a database file, the admin commands reach this broker through its API with this token.
  const adminToken = dbPath === ':memory:' ? undefined : newAdminToken();
  let removeToken = (): void => {};
  try {
    http = await startHttp(o, broker, listener, port, host, log, adminToken);
    if (http && adminToken) removeToken = writeAdminToken(dbPath, adminToken);
  } catch (err) {
    await listener.close();
    broker.stop();
    closeStore();
    throw err;
  }
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `amqp://guest:guest@${shownHost}:${port}`;
  lock?.setUrl(url);
  return {
    url,
    port,
    ...(http ? { managementUrl: http.url } : {}),
    dbPath,
    broker,
    listener,
    async close() {
      removeToken();
      await http?.close();
      await listener.close();
      broker.stop();
      closeStore();
    },
  };
}

/** The management API, if asked for; a taken port fails, moves on, or turns the API off. */
async function startHttp(o: BrokerSimOptions, broker: Broker, listener: AmqpListener, amqpPort: number, host: string,
  log: (line: string) => void, adminToken: string | undefined): Promise<ManagementServer | undefined> {
  if (o.httpPort === undefined || o.httpPort === false) return undefined;
  const taken = o.httpPortTaken ?? 'fail';
  try {
    // The API sees the AMQP connections through its read-only views of them.
    const amqp = { connections: () => listener.connections, port: amqpPort };
    return await startManagementServer(broker, amqp, {
      host, port: o.httpPort, nextFreePort: taken === 'next', productVersion: BROKER_VERSION, log,
      ...(adminToken ? { adminToken } : {}),
    });
  } catch (err) {
    if (!(err instanceof ManagementPortTaken) || taken !== 'off') throw err;
    log(`management API off: ${err.message}`);
    return undefined;
  }
}

/**
 * On a sped-up clock the heartbeat offered shrinks too (never below 1 s), so a stopped or vanished
 * client loses its leases after the scaled timeout while live clients keep up with it.
 */
function scaledHeartbeat(seconds: number, scale: number): number {
  return seconds <= 0 ? 0 : Math.max(1, Math.round(seconds / scale));
}
