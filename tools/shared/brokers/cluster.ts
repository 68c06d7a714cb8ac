/**
 * A RabbitMQ cluster of three nodes on this machine, for lab 16 and its grader: three
 * rabbitmq-server processes with distinct node names (qlab1-<run>@localhost …), AMQP and
 * distribution ports chosen free, their own data, logs, config and shared Erlang cookie in a scratch
 * folder, no plugins (so no management port is taken), joined with `rabbitmqctl join_cluster`. The
 * machine's own RabbitMQ node (rabbit@…, port 5672) is never touched: every command names a node of
 * this cluster. docker-compose.yml's `cluster` profile is the same three nodes in containers.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's /usr/sbin scripts switch to the rabbitmq user; the scripts behind them run as the caller. */
const SCRIPT_DIRS = ['/usr/lib/rabbitmq/bin', '/usr/local/lib/rabbitmq/bin', '/opt/rabbitmq/sbin', '/usr/local/sbin', '/usr/sbin'];

/** Where rabbitmq-server or rabbitmqctl is, run as the caller (not through Debian's user-switching wrapper). */
export function rabbitmqBin(name: string): string | undefined {
  const dir = process.env.RABBITMQ_SCRIPTS_DIR;
  if (dir) return existsSync(join(dir, name)) ? join(dir, name) : undefined;
  return SCRIPT_DIRS.map((d) => join(d, name)).find((p) => existsSync(p));
}

/** Why a local cluster cannot be started here, or undefined when it can. */
export function clusterUnavailable(): string | undefined {
  if (!rabbitmqBin('rabbitmq-server') || !rabbitmqBin('rabbitmqctl')) {
    return 'a local RabbitMQ cluster needs rabbitmq-server and rabbitmqctl (apt-get install rabbitmq-server; RABBITMQ_SCRIPTS_DIR to name their folder), or use `docker compose --profile cluster up`';
  }
  return undefined;
}

export interface ClusterNode {
  /** Erlang node name, e.g. qlab1-3fa2c1@localhost. */
  name: string;
  port: number;
  /** AMQP URL of this node. */
  url: string;
  running: boolean;
}

export interface RabbitCluster {
  nodes: ClusterNode[];
  /** The node a quorum queue's leader is on, by queue name. */
  leaderOf(queue: string, vhost?: string): Promise<ClusterNode | undefined>;
  /** Stops a node (the whole Erlang node), as a machine that goes down. */
  stopNode(node: ClusterNode): Promise<void>;
  /** rabbitmqctl against one of the cluster's nodes. */
  rabbitmqctl(node: ClusterNode, args: string[]): Promise<string>;
  /** Stops every node and removes their files. */
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * await_startup fails at once while the node has not yet registered with epmd: it is asked again,
 * until the node is up, its process has ended (its log says why), or three minutes have passed.
 */
async function awaitStartup(ask: () => Promise<string>, child: ChildProcess, dir: string, ms = 180_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try { await ask(); return; } catch (err) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`a node ended at start: ${logTail(dir)}`);
      if (Date.now() > deadline) throw new Error(`${(err as Error).message.split('\n')[0]}; its log: ${logTail(dir)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * One cluster at a time in a process: graders of two languages running at once take turns, so two
 * sets of Erlang nodes never compete for a small machine (a start then takes about 20 s).
 */
let turn: Promise<void> = Promise.resolve();

/** The last lines of a node's log, to say why it did not start. */
function logTail(dir: string): string {
  try {
    const logs = join(dir, 'log');
    const file = readdirSync(logs).find((f) => f.endsWith('.log') && !f.includes('upgrade'));
    return file ? readFileSync(join(logs, file), 'utf8').trim().split('\n').slice(-3).join(' | ') : 'no log';
  } catch { return 'no log'; }
}

/** Starts three nodes and joins the second and third to the first. */
export async function startRabbitCluster(size = 3): Promise<RabbitCluster> {
  const why = clusterUnavailable();
  if (why) throw new Error(why);
  const previous = turn;
  let release!: () => void;
  turn = new Promise((r) => { release = r; });
  await previous;
  try {
    return await startNodes(size, release);
  } catch (err) {
    release();
    throw err;
  }
}

async function startNodes(size: number, release: () => void): Promise<RabbitCluster> {
  const server = rabbitmqBin('rabbitmq-server')!;
  const ctl = rabbitmqBin('rabbitmqctl')!;
  const dir = mkdtempSync(join(tmpdir(), 'qlab-cluster-'));
  const home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.erlang.cookie'), `QUEUELAB${randomBytes(12).toString('hex').toUpperCase()}`, { mode: 0o400 });
  const id = randomBytes(3).toString('hex');
  const env = { ...process.env, HOME: home, ERL_EPMD_ADDRESS: '127.0.0.1' };
  const children: ChildProcess[] = [];
  const nodes: ClusterNode[] = [];

  const rabbitmqctl = async (node: ClusterNode, args: string[]): Promise<string> =>
    (await run(ctl, ['-n', node.name, ...args], { env, timeout: 120_000 })).stdout;

  for (let i = 1; i <= size; i++) {
    const d = join(dir, `node${i}`);
    mkdirSync(d);
    const port = await freePort();
    const dist = await freePort();
    writeFileSync(join(d, 'enabled_plugins'), '[].');
    writeFileSync(join(d, 'rabbitmq-env.conf'), '');
    writeFileSync(join(d, 'rabbitmq.conf'), `listeners.tcp.local = 127.0.0.1:${port}\n`);
    const name = `qlab${i}-${id}@localhost`;
    const child = spawn(server, [], {
      env: { ...env, RABBITMQ_NODENAME: name, RABBITMQ_NODE_PORT: String(port), RABBITMQ_DIST_PORT: String(dist),
        RABBITMQ_MNESIA_BASE: join(d, 'mnesia'), RABBITMQ_LOG_BASE: join(d, 'log'),
        RABBITMQ_ENABLED_PLUGINS_FILE: join(d, 'enabled_plugins'), RABBITMQ_CONF_ENV_FILE: join(d, 'rabbitmq-env.conf'),
        RABBITMQ_CONFIG_FILE: join(d, 'rabbitmq.conf') },
      stdio: 'ignore', detached: true,
    });
    children.push(child);
    nodes.push({ name, port, url: `amqp://guest:guest@127.0.0.1:${port}`, running: true });
  }

  // The nodes are detached (their own process group): a grader or test that exits without close()
  // (Ctrl-C, SIGTERM, a crash) must not leave three Erlang nodes running.
  const killAll = (): void => {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null && c.pid) { try { process.kill(-c.pid, 'SIGKILL'); } catch { /* gone */ } }
    }
  };
  const onExit = (): void => { killAll(); rmSync(dir, { recursive: true, force: true }); };
  process.once('exit', onExit);

  const close = async (): Promise<void> => {
    await Promise.all(nodes.filter((n) => n.running).map((n) => rabbitmqctl(n, ['stop']).catch(() => {})));
    killAll();
    process.off('exit', onExit);
    rmSync(dir, { recursive: true, force: true });
    release();
  };

  try {
    for (const [i, n] of nodes.entries()) {
      await awaitStartup(() => rabbitmqctl(n, ['await_startup', '--timeout', '60']), children[i]!, join(dir, `node${i + 1}`));
    }
    for (const n of nodes.slice(1)) {
      await rabbitmqctl(n, ['stop_app']);
      await rabbitmqctl(n, ['join_cluster', nodes[0]!.name]);
      await rabbitmqctl(n, ['start_app']);
    }
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    await close();
    throw new Error(`the local RabbitMQ cluster did not start: ${message}`);
  }

  return {
    nodes,
    rabbitmqctl,
    async leaderOf(queue, vhost = '/') {
      const from = nodes.find((n) => n.running)!;
      const out = await rabbitmqctl(from, ['list_queues', '-p', vhost, 'name', 'leader', '--formatter', 'json', '--quiet']);
      const leader = (JSON.parse(out) as { name: string; leader: string }[]).find((q) => q.name === queue)?.leader;
      return nodes.find((n) => n.name === leader);
    },
    async stopNode(node) {
      await rabbitmqctl(node, ['stop']);
      node.running = false;
    },
    close,
  };
}
