/**
 * Connection flags shared by every tool of the kit: --url, or the lab sheet's --host --port --vhost
 * --username --password, plus --heartbeat. Without flags a tool follows the kit's one chain
 * (broker-sim/src/discovery.ts): AMQP_URL, then the broker-sim that `npm start` is running (even on
 * another port), then amqp://guest:guest@localhost:5672.
 */
import type { Argv } from 'yargs';
import { AMQP_URL_CHAIN, chooseAmqpUrl, type ChosenUrl } from '../../broker-sim/src/discovery.ts';

export interface ConnectionArgs {
  url?: string;
  host?: string;
  port?: number;
  vhost?: string;
  username?: string;
  password?: string;
  heartbeat: number;
}

export function withConnectionOptions<T>(y: Argv<T>): Argv<T & ConnectionArgs> {
  return y
    .option('url', { type: 'string', describe: `broker URL (default: ${AMQP_URL_CHAIN})`, group: 'Connection:' })
    .option('host', { type: 'string', describe: 'broker host (overrides the URL\'s; the port is then 5672 unless --port)', group: 'Connection:' })
    .option('port', { type: 'number', describe: 'broker port (overrides the URL\'s; default 5672 with --host)', group: 'Connection:' })
    .option('vhost', { type: 'string', describe: 'virtual host (on a class server: your username)', group: 'Connection:' })
    .option('username', { type: 'string', describe: 'user name', group: 'Connection:' })
    .option('password', { type: 'string', describe: 'password', group: 'Connection:' })
    .option('heartbeat', { type: 'number', default: 60, describe: 'heartbeat timeout asked for, in seconds: the broker\'s (60 s on RabbitMQ and broker-sim) is the most you get; 0 or more than the broker\'s gives the broker\'s', group: 'Connection:' });
}

/**
 * The URL to connect to: the base URL with any of the separate flags applied on top. --host names
 * another broker, so it means that host's port 5672 (as pika and the lab sheet take it) unless --port.
 */
export function resolveAmqpUrl(a: ConnectionArgs, env: NodeJS.ProcessEnv = process.env): ChosenUrl {
  const chosen = chooseAmqpUrl(a.url, env);
  const u = new URL(chosen.url);
  if (a.host) { u.hostname = a.host; u.port = '5672'; }
  if (a.port) u.port = String(a.port);
  if (a.vhost !== undefined) u.pathname = '/' + encodeURIComponent(a.vhost);
  if (a.username !== undefined) u.username = encodeURIComponent(a.username);
  if (a.password !== undefined) u.password = encodeURIComponent(a.password);
  u.searchParams.set('heartbeat', String(a.heartbeat));
  // A running broker-sim is what is reached only while its address was kept.
  const found = a.host || a.port ? undefined : chosen.found;
  return { url: u.toString(), source: chosen.source, ...(found ? { found } : {}) };
}

/** The URL without its password, for printing. */
export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
