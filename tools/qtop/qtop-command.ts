/**
 * qtop's command line: which management API to watch and as whom. With no flags it finds the
 * broker-sim that `npm start` runs; `--url` (an AMQP URL, as the other tools take) points it at a
 * RabbitMQ, whose management API is on port 15672 of the same host.
 */
import yargs, { type Argv } from 'yargs';
import { readDiscovery } from '../../broker-sim/src/cli/discovery.ts';
import { DEFAULT_MANAGEMENT_URL } from '../shared/management-client.ts';

export interface QtopArgs {
  url?: string; managementUrl?: string; username?: string; password?: string; vhost?: string; interval: number;
}

export function buildCli(argv: string[]): Argv<QtopArgs> {
  return yargs(argv)
    .scriptName('qtop')
    .usage('$0 [options]: a live dashboard of queues, consumers, leases and events, for broker-sim or RabbitMQ')
    .option('url', { type: 'string', describe: 'AMQP URL of the broker; its management API is taken to be on port 15672 of that host (default: $AMQP_URL, else the running broker-sim)' })
    .option('management-url', { type: 'string', describe: `management API URL (default: $MANAGEMENT_URL, else the running broker-sim's, else ${DEFAULT_MANAGEMENT_URL})` })
    .option('username', { type: 'string', describe: 'user (default: the URL\'s, else guest)' })
    .option('password', { type: 'string', describe: 'password (default: the URL\'s, else guest)' })
    .option('vhost', { type: 'string', describe: 'show only this vhost (default: every vhost you may see; v cycles)' })
    .option('interval', { type: 'number', default: 1, describe: 'seconds between refreshes' })
    .check((a) => {
      if (!(Number(a.interval) > 0)) throw new Error(`--interval must be a positive number of seconds, got ${a.interval}`);
      return true;
    })
    .strict()
    .help()
    .version(false) as unknown as Argv<QtopArgs>;
}

/** The management URL and credentials to use. */
export function resolveManagement(a: QtopArgs, env: NodeJS.ProcessEnv = process.env): { url: string; username: string; password: string } {
  const running = readDiscovery(env);
  const amqpUrl = a.url || env.AMQP_URL || running?.amqpUrl;
  let url = a.managementUrl;
  if (!url && (a.url || env.AMQP_URL)) {
    const given = new URL((a.url || env.AMQP_URL)!);
    const sameAsRunning = running && new URL(running.amqpUrl).port === (given.port || '5672') && running.managementUrl;
    url = sameAsRunning ? running.managementUrl! : `http://${given.hostname}:15672`;
  }
  url ||= env.MANAGEMENT_URL || running?.managementUrl || DEFAULT_MANAGEMENT_URL;
  const creds = amqpUrl ? new URL(amqpUrl) : undefined;
  return {
    url,
    username: a.username ?? (creds?.username ? decodeURIComponent(creds.username) : 'guest'),
    password: a.password ?? (creds?.password ? decodeURIComponent(creds.password) : 'guest'),
  };
}
