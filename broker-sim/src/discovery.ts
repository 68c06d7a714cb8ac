/**
 * How the kit's programs find the broker: the discovery file a running broker-sim writes (so tools
 * find it with no flags even when it had to take another port), and the one chain of default URLs
 * every client of the kit follows. broker-sim's CLI writes the file; tools and graders read it.
 * It imports nothing else of the broker, so both sides may depend on it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What a running broker-sim says about itself. */
export interface Discovery {
  pid: number;
  amqpUrl: string;
  managementUrl: string | null;
  dbPath: string;
  startedAt: string;
}

/** The AMQP URL a client uses when nothing else is said: RabbitMQ's own default. */
export const DEFAULT_AMQP_URL = 'amqp://guest:guest@localhost:5672';
/** RabbitMQ's management API; broker-sim serves it there too when the port is free. */
export const DEFAULT_MANAGEMENT_URL = 'http://localhost:15672';
/** RabbitMQ's management port, which sits beside AMQP's 5672 on the same host. */
export const MANAGEMENT_PORT = 15672;

export function discoveryPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.QUEUELAB_HOME ?? join(homedir(), '.queuelab'), 'broker-sim.json');
}

export function writeDiscovery(d: Discovery, env: NodeJS.ProcessEnv = process.env): void {
  const path = discoveryPath(env);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(d, null, 2) + '\n');
}

/** Removes the file if it is this process's. */
export function removeDiscovery(pid = process.pid, env: NodeJS.ProcessEnv = process.env): void {
  const d = readDiscovery(env);
  if (d && d.pid === pid) rmSync(discoveryPath(env), { force: true });
}

/** The running broker-sim, or undefined when none is (the file is absent or its pid is gone). */
export function readDiscovery(env: NodeJS.ProcessEnv = process.env): Discovery | undefined {
  try {
    const d = JSON.parse(readFileSync(discoveryPath(env), 'utf8')) as Discovery;
    process.kill(d.pid, 0);
    return d;
  } catch {
    return undefined;
  }
}

/** Where a URL came from, for messages that tell the user what to change. */
export type UrlSource = '--url' | '--management-url' | 'AMQP_URL' | 'MANAGEMENT_URL' | 'running broker-sim' | 'default';

export interface ChosenUrl { url: string; source: UrlSource }

/** The chain in words, for `--help`. */
export const AMQP_URL_CHAIN = `$AMQP_URL, else the running broker-sim, else ${DEFAULT_AMQP_URL}`;

/**
 * The AMQP URL to connect to: the one given (a --url flag), else $AMQP_URL, else the running
 * broker-sim's, else amqp://guest:guest@localhost:5672.
 */
export function chooseAmqpUrl(given?: string, env: NodeJS.ProcessEnv = process.env): ChosenUrl {
  if (given) return { url: given, source: '--url' };
  if (env.AMQP_URL) return { url: env.AMQP_URL, source: 'AMQP_URL' };
  const running = readDiscovery(env);
  if (running) return { url: running.amqpUrl, source: 'running broker-sim' };
  return { url: DEFAULT_AMQP_URL, source: 'default' };
}

/** The chain in words, for `--help`. */
export const MANAGEMENT_URL_CHAIN = "$MANAGEMENT_URL, else the one beside $AMQP_URL's broker, "
  + `else the running broker-sim's, else ${DEFAULT_MANAGEMENT_URL}`;

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
