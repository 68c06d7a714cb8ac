/**
 * `broker-sim [serve]`: runs the broker in the foreground until SIGINT/SIGTERM. On a terminal it
 * shows a dashboard with the log under it; the dashboard is plugged in by whoever builds the
 * command line (bin/broker-sim.js gives qtop's), so the broker depends on no tool.
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { removeDiscovery, writeDiscovery } from '../discovery.ts';
import { DEFAULT_MEMORY_SHARE, machineMemory, startBrokerSim, type BrokerSim } from '../index.ts';
import type { Durability } from '../core/storage.ts';
import type { ArgsOf } from '../run-cli.ts';
import { RABBITMQ_VERSION } from '../server/server-properties.ts';
import { dbOptions, dbPathOf } from './db-options.ts';

/**
 * A live view of the broker in its own terminal: given the broker's URLs and the log lines so far,
 * it takes over the screen and returns where further log lines go. Quitting it calls onQuit.
 */
export type DashboardHook = (o: { amqpUrl: string; managementUrl: string; early: string[]; onQuit: () => void }) =>
  ((line: string) => void) | Promise<(line: string) => void>;

/** What the serve command is given by its caller. */
export interface ServeHooks {
  /** Shown on a terminal unless --no-tui; without it the log is printed plainly. */
  dashboard?: DashboardHook;
}

/** RabbitMQ's management port: tools that look for a management API try it first. */
export const DEFAULT_HTTP_PORT = 15672;

export const command = ['serve', '$0'];
export const describe = 'Run broker-sim (the default command)';

export function builder(y: Argv) {
  return dbOptions(y)
    .option('port', { type: 'number', default: 5672, describe: 'AMQP port (0 = any free port)' })
    .option('host', { type: 'string', defaultDescription: '127.0.0.1 and ::1', describe: 'address to listen on (default: both loopbacks, so localhost works either way)' })
    .option('any-port', { type: 'boolean', default: false, describe: 'if the port is taken, take the next free one' })
    .option('heartbeat', { type: 'number', default: 60, describe: 'heartbeat timeout offered to clients, seconds' })
    .option('consumer-timeout', {
      type: 'string', default: '30m', coerce: parseDuration,
      describe: 'how long a delivery may stay unacknowledged before its channel is closed (RabbitMQ consumer_timeout); e.g. 10s, 5m, 0 = never',
    })
    .option('at-most-once', { type: 'boolean', default: false, describe: 'deliver every message at most once: failures go to <queue>.failed' })
    .option('durability', {
      choices: ['disk', 'process'] as const, default: 'disk' as const,
      describe: 'what a publisher confirm promises: disk = the message is on disk (fsync per group commit) and survives a power cut, '
        + 'as on RabbitMQ; process = it survives broker-sim being killed, but an operating-system crash or power cut may lose the last confirmed messages (faster on slow disks)',
    })
    .option('max-db-size', {
      type: 'string', coerce: (v?: string) => (v === undefined ? undefined : parseSize(v)),
      describe: 'largest database file, e.g. 500MB; when full, publishers are blocked until consumers make room (default: no limit)',
    })
    .option('max-memory', {
      type: 'string', default: String(DEFAULT_MEMORY_SHARE), coerce: (v: string) => parseMemoryLimit(v),
      describe: 'memory alarm (RabbitMQ vm_memory_high_watermark): a share of the machine\'s memory (0.4) or a size (512MB); '
        + 'above it publishers are blocked with connection.blocked until consumers drain',
    })
    .option('time-scale', { type: 'number', default: 1, describe: 'run broker timers (leases, TTLs, expiry, heartbeats) this many times faster' })
    .option('http-port', {
      type: 'number', defaultDescription: String(DEFAULT_HTTP_PORT),
      describe: 'management HTTP API port (0 = any free port); if the default is taken, the API is off unless --any-port',
    })
    .option('http', { type: 'boolean', default: true, describe: 'serve the management HTTP API (--no-http turns it off)' })
    .option('max-message-size', { type: 'string', default: '128MB', coerce: parseSize, describe: 'largest message body accepted (RabbitMQ max_message_size); larger publishes close the channel with 406' })
    .option('max-connections', { type: 'number', describe: 'most connections open at once (RabbitMQ connection_max); default: no limit' })
    .option('handshake-timeout', { type: 'string', default: '10s', coerce: parseDuration, describe: 'a client that has not opened its connection by then is dropped (RabbitMQ handshake_timeout)' })
    .option('tui', { type: 'boolean', default: true, describe: 'on a terminal, show the qtop dashboard with the log under it (--no-tui: a plain log)' })
    .check((a) => {
      if (!(Number(a['time-scale']) > 0)) throw new Error(`--time-scale must be a positive number, got ${a['time-scale']}`);
      if (!isPort(a.port)) throw new Error(`--port must be a port number from 0 to 65535, got ${a.port}`);
      const hp = a['http-port'];
      if (hp !== undefined && !isPort(hp)) {
        throw new Error(`--http-port must be a port number from 0 to 65535, got ${hp}`);
      }
      return true;
    });
}

type ServeArgs = ArgumentsCamelCase<ArgsOf<typeof builder>>;

function isPort(p: unknown): boolean {
  return Number.isInteger(p) && Number(p) >= 0 && Number(p) <= 65535;
}

/** "1048576", "512KB", "100MB", "2GB" → bytes. */
export function parseSize(v: string | number): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*$/i.exec(String(v));
  if (!m) throw new Error(`not a size: '${v}' (use e.g. 500MB, 2GB)`);
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(m[2] ?? 'B').toUpperCase() as 'B' | 'KB' | 'MB' | 'GB'];
  return Math.round(Number(m[1]) * unit);
}

/** "0.4" (a share of the machine's memory, as vm_memory_high_watermark) or "512MB" → bytes. */
export function parseMemoryLimit(v: string | number, total = machineMemory()): number {
  const share = /^\s*(0?\.\d+|1(?:\.0*)?)\s*$/.exec(String(v));
  const bytes = share ? Math.round(Number(share[1]) * total) : parseSize(v);
  if (!(bytes > 0)) throw new Error(`--max-memory must be above 0, got '${v}' (use e.g. 0.4 or 512MB)`);
  return bytes;
}

/** "1500" (ms), "10s", "5m", "1h" → milliseconds. */
export function parseDuration(v: string | number): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(String(v));
  if (!m) throw new Error(`not a duration: '${v}' (use e.g. 1500, 10s, 5m, 1h)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(m[1]) * unit);
}

/** Tries port, port+1, … when anyPort is set; otherwise fails with one line. */
async function startOnFreePort(a: ServeArgs, log: (l: string) => void): Promise<BrokerSim> {
  for (let port = a.port, tries = 0; ; port++, tries++) {
    try {
      return await startBrokerSim({ port, host: a.host, dbPath: dbPathOf(a), heartbeat: a.heartbeat, log,
        consumerTimeout: a.consumerTimeout, atMostOnce: a.atMostOnce, timeScale: a.timeScale, maxDbBytes: a.maxDbSize, durability: a.durability,
        maxMemory: a.maxMemory,
        limits: { maxMessageSize: a.maxMessageSize, handshakeTimeout: a.handshakeTimeout },
        ...(a.maxConnections !== undefined ? { maxConnections: a.maxConnections } : {}),
        ...httpOptions(a) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE') throw err;
      if (!a.anyPort || tries > 100) {
        throw new Error(`port ${a.port} is taken (is RabbitMQ running?); use --port N or --any-port`);
      }
    }
  }
}

/**
 * The management API: on 15672 unless told otherwise. With --any-port a taken port moves on to the
 * next free one; a taken default port (RabbitMQ's management plugin is on it) turns the API off
 * with a warning; a taken port given with --http-port is an error.
 */
export function httpOptions(a: Pick<ServeArgs, 'http' | 'httpPort' | 'anyPort'>): { httpPort: number | false; httpPortTaken: 'fail' | 'next' | 'off' } {
  if (!a.http) return { httpPort: false, httpPortTaken: 'fail' };
  return {
    httpPort: a.httpPort ?? DEFAULT_HTTP_PORT,
    httpPortTaken: a.anyPort ? 'next' : a.httpPort === undefined ? 'off' : 'fail',
  };
}

/** The start-up line that says what a confirm promises. */
export function durabilityLine(d: Durability): string {
  if (d === 'memory') return 'durability memory: nothing is kept on disk (--memory); everything is gone after a restart';
  return d === 'disk'
    ? 'durability disk: a confirmed message is on disk (fsync) and survives a power cut'
    : 'durability process: a confirmed message survives broker-sim being killed, not a power cut (--durability process)';
}

/** Runs the broker until a signal (or the dashboard's quit) stops it. */
export async function serve(a: ServeArgs, hooks: ServeHooks = {}): Promise<void> {
  // With the dashboard on screen the log goes into it; before it starts, lines wait in `early`.
  const early: string[] = [];
  let sink: ((line: string) => void) | undefined;
  const tui = a.tui && process.stdout.isTTY === true && process.stdin.isTTY === true;
  const dashboard = tui ? hooks.dashboard : undefined;
  const log = (line: string): void => {
    const stamped = `${new Date().toISOString()} ${line}`;
    if (!tui) console.error(stamped);
    else if (sink) sink(stamped);
    else early.push(stamped);
  };
  const say = (line: string): void => (tui ? log(line) : console.log(line));
  const sim = await startOnFreePort(a, log);
  const loopbackOnly = a.host === undefined || a.host === '127.0.0.1' || a.host === '::1' || a.host === 'localhost';
  if (!loopbackOnly && [...sim.broker.users.keys()].every((u) => u === 'guest')) {
    log(`warning: listening on ${a.host} but the only user is guest, who may log in from this machine only; `
      + 'add users for the others with `broker-sim user add NAME --password P --vhost V`');
  }
  writeDiscovery({ pid: process.pid, amqpUrl: sim.url, managementUrl: sim.managementUrl ?? null, dbPath: sim.dbPath, startedAt: new Date().toISOString() });
  say(`broker-sim listening on ${sim.url} (database ${sim.dbPath})`);
  say(`clients see RabbitMQ ${RABBITMQ_VERSION} in its server properties (the semantics it implements); cluster_name says broker-sim`);
  say(durabilityLine(sim.broker.storage.durability));
  if (a.atMostOnce) say('at-most-once: a message given back unacknowledged goes to <queue>.failed, never to another worker');
  if (a.timeScale !== 1) say(`time scale ${a.timeScale}: broker timers run ${a.timeScale}× faster`);
  if (sim.port !== a.port && a.port !== 0) say(`port ${a.port} was taken; use AMQP_URL=${sim.url}`);
  if (sim.managementUrl) say(`management API on ${sim.managementUrl}/api/ (RabbitMQ's paths; log in as guest/guest from this machine)`);
  if (sim.managementUrl) say(`web view on ${sim.managementUrl}/ (open it in a browser: the topology, live)`);
  const stop = async (): Promise<void> => {
    removeDiscovery();
    await sim.close();
    // On exit, after the dashboard has given the screen back, so that the line stays in the terminal.
    process.once('exit', () => process.stdout.write(`${stoppedLine(sim.dbPath)}\n`));
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (dashboard && sim.managementUrl) {
    const show = await dashboard({ amqpUrl: sim.url, managementUrl: sim.managementUrl, early: early.splice(0), onQuit: () => void stop() });
    for (const l of early.splice(0)) show(l); // logged while the dashboard was loading
    sink = show;
  } else if (tui) {
    for (const l of early) console.error(l);
    sink = (l) => console.error(l);
    console.error(dashboard
      ? 'no dashboard: the management API is off (--no-http, or its port was taken without --any-port)'
      : 'no dashboard: this broker-sim was started without one');
  }
}

/** What Ctrl-C leaves on the screen: that the broker stopped, and where its data is. */
export function stoppedLine(dbPath: string): string {
  if (dbPath === ':memory:') return 'broker-sim stopped; it kept nothing (--memory)';
  return `broker-sim stopped; its data is in ${resolve(dbPath)} (start it again on the same file and it carries on from there)`;
}

/** The serve command, with the dashboard (if any) it shows on a terminal. */
export function serveCommand(hooks: ServeHooks = {}): CommandModule<object, ArgsOf<typeof builder>> {
  return { command, describe, builder, handler: (a) => serve(a, hooks) };
}
