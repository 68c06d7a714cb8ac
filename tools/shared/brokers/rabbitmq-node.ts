/**
 * A private RabbitMQ node on this machine, from the installed `rabbitmq-server`: its own node name,
 * ports and data folder, so the bench can start it fresh, restart it, read its process and the size
 * of its data, and stop it without touching the machine's own node (rabbit@…, port 5672).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';

const SERVER = '/usr/sbin/rabbitmq-server';
const CTL = '/usr/sbin/rabbitmqctl';

export interface RabbitMqNodeOptions {
  /** Node name before the @; default qlab-<port>. */
  name?: string;
  /** AMQP port (on 127.0.0.1). */
  port: number;
  /** Lines added to its rabbitmq.conf. */
  config?: string[];
  /** How long it may take to accept connections, ms. Default 60 s. */
  timeoutMs?: number;
}

export interface RabbitMqNode {
  kind: 'rabbitmq';
  node: string;
  url: string;
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

/** Whether a private node can be started here: rabbitmq-server and rabbitmqctl installed. */
export function rabbitMqServerInstalled(): boolean {
  return existsSync(SERVER) && existsSync(CTL);
}

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

/** Starts a fresh node on 127.0.0.1:port with no plugins, and resolves once it accepts connections. */
export async function startRabbitMqNode(o: RabbitMqNodeOptions): Promise<RabbitMqNode> {
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-rabbitmq-'));
  const node = `${o.name ?? `qlab-${o.port}`}@localhost`;
  writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
  writeFileSync(join(dir, 'rabbitmq.conf'), [`listeners.tcp.default = 127.0.0.1:${o.port}`, ...(o.config ?? [])].join('\n') + '\n');
  giveToRabbitMqUser(dir);
  const env = {
    ...process.env,
    RABBITMQ_NODENAME: node,
    RABBITMQ_NODE_PORT: String(o.port),
    RABBITMQ_DIST_PORT: String(o.port + 20_000),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_PID_FILE: join(dir, 'pid'),
  };
  const timeoutMs = o.timeoutMs ?? 60_000;
  const start = async (): Promise<{ pid: number; startupMs: number }> => {
    rmSync(env.RABBITMQ_PID_FILE, { force: true });
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(SERVER, ['-detached'], { env, stdio: 'ignore' });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`rabbitmq-server -detached exited with ${code}`))));
    });
    await untilListening(o.port, timeoutMs, node);
    return { pid: Number(readFileSync(env.RABBITMQ_PID_FILE, 'utf8').trim()), startupMs: performance.now() - t0 };
  };
  const stop = (): void => {
    try { execFileSync(CTL, ['-n', node, 'stop', env.RABBITMQ_PID_FILE], { env, stdio: 'ignore', timeout: 60_000 }); } catch { /* already down */ }
  };
  const first = await start();
  const handle: RabbitMqNode = {
    kind: 'rabbitmq', node, url: `amqp://guest:guest@127.0.0.1:${o.port}`, pid: first.pid, startupMs: first.startupMs,
    dataDir: join(dir, 'mnesia'),
    restart: async () => {
      stop();
      const next = await start();
      handle.pid = next.pid;
      handle.startupMs = next.startupMs;
      return { startupMs: next.startupMs };
    },
    close: async () => {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** rabbitmq-server run as root switches to the rabbitmq user, which must own the node's folder. */
function giveToRabbitMqUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'rabbitmq'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'rabbitmq'], { encoding: 'utf8' }).trim());
  } catch { return; }
  chownSync(dir, uid, gid);
  for (const f of readdirSync(dir)) chownSync(join(dir, f), uid, gid);
}

async function untilListening(port: number, timeoutMs: number, node: string): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
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
