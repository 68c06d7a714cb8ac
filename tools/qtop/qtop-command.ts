/**
 * qtop's command line: which management API to watch and as whom. With no flags it finds the
 * broker-sim that `npm start` runs; `--url` (an AMQP URL, as the other tools take) points it at a
 * RabbitMQ, whose management API is on port 15672 of the same host.
 */
import { connect } from 'node:net';
import yargs, { type Argv } from 'yargs';
import { ToolError } from '../shared/connect.ts';
import { chooseAmqpUrl, chooseManagementUrl, MANAGEMENT_URL_CHAIN } from '../../broker-sim/src/discovery.ts';

export interface QtopArgs {
  url?: string; managementUrl?: string; username?: string; password?: string; vhost?: string; interval: number;
  /** --web and its address; absent where the arguments are made by hand (the defaults then). */
  web?: boolean; webHost?: string; webPort?: number;
  /** The class view (class-view.ts) instead of the queue dashboard. */
  class?: boolean;
}

/** Where `qtop --web` serves the broker view unless told otherwise (the next free port when taken). */
export const DEFAULT_WEB_PORT = 15670;

export function buildCli(argv: string[]): Argv<QtopArgs> {
  return yargs(argv)
    .scriptName('qtop')
    .usage('$0 [options]: a live dashboard of queues, consumers, leases and events, for broker-sim or RabbitMQ')
    .option('url', { type: 'string', describe: 'AMQP URL of the broker; its management API is taken to be on port 15672 of that host (default: $AMQP_URL, else the running broker-sim)' })
    .option('management-url', { type: 'string', describe: `management API URL (default: the one beside --url's broker, else ${MANAGEMENT_URL_CHAIN})` })
    .option('username', { type: 'string', describe: 'user (default: the URL\'s, else guest)' })
    .option('password', { type: 'string', describe: 'password (default: the URL\'s, else guest)' })
    .option('vhost', { type: 'string', describe: 'show only this vhost (default: every vhost you may see; v cycles)' })
    .option('interval', { type: 'number', default: 1, describe: 'seconds between refreshes' })
    .option('class', { type: 'boolean', default: false, describe: 'the class view: one row per student vhost (connections, queues, messages, consumers, last activity); best as an administrator' })
    .option('web', { type: 'boolean', default: false, describe: 'serve the broker view, a web page, instead of the terminal dashboard (it relays the management API, so it works for RabbitMQ too)' })
    .option('web-port', { type: 'number', default: DEFAULT_WEB_PORT, describe: 'port of the web page with --web (taken: the next free one; 0 = any)' })
    .option('web-host', { type: 'string', default: '127.0.0.1', describe: 'address the web page listens on with --web' })
    .check((a) => {
      if (!(Number(a.interval) > 0)) throw new Error(`--interval must be a positive number of seconds, got ${a.interval}`);
      const wp = Number(a['web-port']);
      if (!(Number.isInteger(wp) && wp >= 0 && wp <= 65535)) throw new Error(`--web-port must be a port number from 0 to 65535, got ${a['web-port']}`);
      return true;
    })
    .strict()
    .help()
    .version(false) as unknown as Argv<QtopArgs>;
}

/** The management URL and credentials to use: the kit's one chain, with the AMQP URL's user. */
export function resolveManagement(a: QtopArgs, env: NodeJS.ProcessEnv = process.env): { url: string; username: string; password: string } {
  const { url } = chooseManagementUrl(a, env);
  const creds = new URL(chooseAmqpUrl(a.url, env).url);
  return {
    url,
    username: a.username ?? (creds.username ? decodeURIComponent(creds.username) : 'guest'),
    password: a.password ?? (creds.password ? decodeURIComponent(creds.password) : 'guest'),
  };
}

/** The vhost the web page opens on: --vhost, else the AMQP URL's (none: the page picks one). */
export function webVhost(a: QtopArgs, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (a.vhost !== undefined) return a.vhost;
  const given = a.url || env.AMQP_URL;
  const path = given ? new URL(given).pathname : '';
  return path.length > 1 ? decodeURIComponent(path.slice(1)) : undefined;
}

/**
 * With --url, its broker must answer: otherwise the management API beside it (port 15672 of the
 * host) may be another broker's, and qtop would silently show that one.
 */
export async function checkUrlAnswers(a: QtopArgs, timeoutMs = 3000): Promise<void> {
  if (!a.url || a.managementUrl) return;
  const u = new URL(a.url);
  const port = Number(u.port || 5672);
  const answered = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: u.hostname, port, timeout: timeoutMs }, () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => { socket.destroy(); resolve(false); });
  });
  if (!answered) throw new ToolError(`nothing answers at ${u.hostname}:${port} (--url): is the broker running there? (or give --management-url)`);
}
