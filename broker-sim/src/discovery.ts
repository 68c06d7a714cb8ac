/**
 * How the kit's programs find the broker: the discovery entries running broker-sims write (so tools
 * find one with no flags even when it had to take another port), and the one chain of default URLs
 * every client of the kit follows. broker-sim's CLI writes the entries; tools, graders and the labs'
 * helpers (labs/broker.ts, labs/broker.py, which reads the same JSON files) read them.
 * It imports nothing else of the broker, so both sides may depend on it.
 *
 * Each broker-sim has its own entry, `$QUEUELAB_HOME/brokers/<pid>.json` (default ~/.queuelab), and
 * removes only its own when it exits: a second broker cannot take the first one's entry away.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';

/** What a running broker-sim says about itself. */
export interface Discovery {
  pid: number;
  amqpUrl: string;
  managementUrl: string | null;
  /** The database file, absolute (':memory:' for --memory). */
  dbPath: string;
  startedAt: string;
}

/** The AMQP URL a client uses when nothing else is said: RabbitMQ's own default. */
export const DEFAULT_AMQP_URL = 'amqp://guest:guest@localhost:5672';
/** RabbitMQ's management API; broker-sim serves it there too when the port is free. */
export const DEFAULT_MANAGEMENT_URL = 'http://localhost:15672';
/** RabbitMQ's management port, which sits beside AMQP's 5672 on the same host. */
export const MANAGEMENT_PORT = 15672;

/** The folder of the entries, one file per running broker-sim. */
export function discoveryDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.QUEUELAB_HOME || join(homedir(), '.queuelab'), 'brokers');
}

function entryPath(pid: number, env: NodeJS.ProcessEnv): string {
  return join(discoveryDir(env), `${pid}.json`);
}

/** Writes this broker's entry whole (a reader never sees half of it). */
export function writeDiscovery(d: Discovery, env: NodeJS.ProcessEnv = process.env): void {
  const path = entryPath(d.pid, env);
  mkdirSync(dirname(path), { recursive: true });
  const entry = { ...d, dbPath: d.dbPath === ':memory:' ? d.dbPath : resolve(d.dbPath) };
  writeFileSync(`${path}.tmp`, JSON.stringify(entry, null, 2) + '\n');
  renameSync(`${path}.tmp`, path);
}

/** Removes the entry of the broker with this pid, and no other. */
export function removeDiscovery(pid = process.pid, env: NodeJS.ProcessEnv = process.env): void {
  rmSync(entryPath(pid, env), { force: true });
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Every running broker-sim's entry, newest first; entries of brokers that are gone are removed. */
export function listDiscoveries(env: NodeJS.ProcessEnv = process.env): Discovery[] {
  let names: string[];
  try { names = readdirSync(discoveryDir(env)).filter((n) => /^\d+\.json$/.test(n)); } catch { return []; }
  const found: Discovery[] = [];
  for (const n of names) {
    let d: Discovery;
    try { d = JSON.parse(readFileSync(join(discoveryDir(env), n), 'utf8')) as Discovery; } catch { continue; }
    if (alive(d.pid)) found.push(d);
    else removeDiscovery(d.pid, env); // kill -9 leaves its entry behind
  }
  return found.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** The folder a database belongs to: a broker whose database is in cwd or above it is this folder's. */
function servesFolder(d: Discovery, cwd: string): number {
  if (d.dbPath === ':memory:') return -1;
  const dir = dirname(d.dbPath);
  return cwd === dir || cwd.startsWith(dir.endsWith(sep) ? dir : dir + sep) ? dir.length : -1;
}

/** The broker a client in `cwd` uses, and why that one. */
export interface Found { broker: Discovery; why: string }

/**
 * The running broker-sim for this folder: the one whose database is in `cwd` or the nearest folder
 * above it, else the only one running, else (several, none for this folder) the newest, said so.
 */
export function findBroker(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Found | undefined {
  const all = listDiscoveries(env);
  if (all.length === 0) return undefined;
  const mine = all.map((d) => ({ d, depth: servesFolder(d, cwd) })).filter((x) => x.depth >= 0)
    .sort((a, b) => b.depth - a.depth)[0];
  if (mine) return { broker: mine.d, why: 'the database of this folder' };
  if (all.length === 1) return { broker: all[0]!, why: 'the only one running' };
  return { broker: all[0]!, why: `the newest of ${all.length} running, none with its database in this folder` };
}

/** The running broker-sim a client in this folder uses, or undefined when none is running. */
export function readDiscovery(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Discovery | undefined {
  return findBroker(env, cwd)?.broker;
}

/** Where a URL came from, for messages that tell the user what to change. */
export type UrlSource = '--url' | '--management-url' | 'AMQP_URL' | 'MANAGEMENT_URL' | 'running broker-sim' | 'default';

export interface ChosenUrl {
  url: string;
  source: UrlSource;
  /** When the URL is a running broker-sim's: which one (pid, database) and why it was chosen. */
  found?: Found;
}

/** The chain in words, for `--help`. */
export const AMQP_URL_CHAIN = `$AMQP_URL, else the running broker-sim for this folder, else ${DEFAULT_AMQP_URL}`;

/**
 * The AMQP URL to connect to: the one given (a --url flag), else $AMQP_URL, else the running
 * broker-sim's, else amqp://guest:guest@localhost:5672.
 */
export function chooseAmqpUrl(given?: string, env: NodeJS.ProcessEnv = process.env): ChosenUrl {
  if (given) return { url: given, source: '--url' };
  if (env.AMQP_URL) return { url: env.AMQP_URL, source: 'AMQP_URL' };
  const found = findBroker(env);
  if (found) return { url: found.broker.amqpUrl, source: 'running broker-sim', found };
  return { url: DEFAULT_AMQP_URL, source: 'default' };
}

/** The chain in words, for `--help`. */
export const MANAGEMENT_URL_CHAIN = "$MANAGEMENT_URL, else the one beside $AMQP_URL's broker, "
  + `else the running broker-sim's for this folder, else ${DEFAULT_MANAGEMENT_URL}`;

/**
 * The management API to talk to: the one given (--management-url), else the one beside a broker
 * named by --url, else $MANAGEMENT_URL, else the one beside $AMQP_URL's broker, else the running
 * broker-sim's, else http://localhost:15672. "Beside" a broker is the running broker-sim's API when
 * the URL names its port, else port 15672 of the URL's host (RabbitMQ's).
 */
export function chooseManagementUrl(given: { managementUrl?: string; url?: string } = {},
  env: NodeJS.ProcessEnv = process.env): ChosenUrl {
  if (given.managementUrl) return { url: given.managementUrl, source: '--management-url' };
  const running = readDiscovery(env);
  if (given.url) return { url: managementBeside(given.url, running), source: '--url' };
  if (env.MANAGEMENT_URL) return { url: env.MANAGEMENT_URL, source: 'MANAGEMENT_URL' };
  if (env.AMQP_URL) return { url: managementBeside(env.AMQP_URL, running), source: 'AMQP_URL' };
  if (running?.managementUrl) return { url: running.managementUrl, source: 'running broker-sim' };
  return { url: DEFAULT_MANAGEMENT_URL, source: 'default' };
}

/** The management API of the broker at amqpUrl. */
function managementBeside(amqpUrl: string, running: Discovery | undefined): string {
  const u = new URL(amqpUrl);
  const port = u.port || '5672';
  if (running?.managementUrl && new URL(running.amqpUrl).port === port) return running.managementUrl;
  return `http://${u.hostname}:${MANAGEMENT_PORT}`;
}
