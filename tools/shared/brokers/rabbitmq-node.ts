/**
 * One private RabbitMQ node on this machine, from the installed rabbitmq-server, run the way the
 * lab 16 cluster runs its nodes (cluster.ts: the scripts behind Debian's wrappers, run as the
 * caller, with an Erlang cookie of its own): its own node name, port, data and logs, no plugins. The
 * bench starts it fresh, restarts it on its data, reads its process and the size of its data, and
 * stops it; the machine's own node (rabbit@…, port 5672) is never touched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { clusterUnavailable, rabbitmqBin } from './cluster.ts';

export interface RabbitMqNode {
  kind: 'rabbitmq';
  node: string;
  url: string;
  /** The node's Erlang VM (beam.smp), for its CPU and memory. */
  pid: number;
  /** From start to the first accepted TCP connection, ms. */
  startupMs: number;
  /** Its data folder (mnesia: the message store, queue indexes, definitions). */
  dataDir: string;
  /** Stops the node and starts it again on the same data; pid and startupMs name the new process. */
  restart(): Promise<{ startupMs: number }>;
  /** Stops the node and removes its folder. */
  close(): Promise<void>;
}

/** Why no private node can be started here (rabbitmq-server missing), or undefined. */
export const rabbitMqNodeUnavailable = clusterUnavailable;

/** Size of a folder and everything under it, MiB. */
export function folderMiB(dir: string): number {
  let bytes = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else { try { bytes += statSync(p).size; } catch { /* removed meanwhile */ } }
    }
  };
  if (existsSync(dir)) walk(dir);
  return bytes / 1024 / 1024;
}

/** Starts a fresh node on 127.0.0.1:port and resolves once it accepts connections. */
export async function startRabbitMqNode(o: { port: number; name?: string; timeoutMs?: number }): Promise<RabbitMqNode> {
  const why = rabbitMqNodeUnavailable();
  if (why) throw new Error(why);
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-rabbitmq-'));
  const home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.erlang.cookie'), `QUEUELAB${randomBytes(12).toString('hex').toUpperCase()}`, { mode: 0o400 });
  writeFileSync(join(dir, 'enabled_plugins'), '[].');
  writeFileSync(join(dir, 'rabbitmq-env.conf'), '');
  writeFileSync(join(dir, 'rabbitmq.conf'), `listeners.tcp.local = 127.0.0.1:${o.port}\n`);
  const node = `${o.name ?? `qlab-${o.port}`}@localhost`;
  const env = {
    ...process.env, HOME: home, ERL_EPMD_ADDRESS: '127.0.0.1',
    RABBITMQ_NODENAME: node, RABBITMQ_NODE_PORT: String(o.port), RABBITMQ_DIST_PORT: String(o.port + 20_000),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'), RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'), RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'), RABBITMQ_PID_FILE: join(dir, 'pid'),
  };
  const timeoutMs = o.timeoutMs ?? 120_000;
  let child: ChildProcess | undefined;
  const start = async (): Promise<{ pid: number; startupMs: number }> => {
    rmSync(env.RABBITMQ_PID_FILE, { force: true });
    const t0 = performance.now();
    child = spawn(rabbitmqBin('rabbitmq-server')!, [], { env, stdio: 'ignore', detached: true });
    await untilListening(o.port, timeoutMs, node, child);
    const startupMs = performance.now() - t0;
    return { pid: Number(readFileSync(env.RABBITMQ_PID_FILE, 'utf8').trim()), startupMs };
  };
  const stop = async (): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const ended = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    spawn(rabbitmqBin('rabbitmqctl')!, ['-n', node, 'stop'], { env, stdio: 'ignore' });
    const timer = setTimeout(() => { try { process.kill(-c.pid!, 'SIGKILL'); } catch { /* gone */ } }, 60_000);
    await ended;
    clearTimeout(timer);
  };
  const first = await start();
  const handle: RabbitMqNode = {
    kind: 'rabbitmq', node, url: `amqp://guest:guest@127.0.0.1:${o.port}`, pid: first.pid, startupMs: first.startupMs,
    dataDir: join(dir, 'mnesia'),
    restart: async () => {
      await stop();
      const next = await start();
      handle.pid = next.pid;
      handle.startupMs = next.startupMs;
      return { startupMs: next.startupMs };
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** The node accepts TCP once it is booted (RabbitMQ opens its listeners last); polled every 50 ms, for the startup time. */
async function untilListening(port: number, timeoutMs: number, node: string, child: ChildProcess): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`RabbitMQ node ${node} ended at start (exit code ${child.exitCode})`);
    if (await accepts(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`RabbitMQ node ${node} did not accept connections on port ${port} within ${timeoutMs / 1000} s`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}
