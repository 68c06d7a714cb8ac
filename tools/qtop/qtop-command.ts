/**
 * qtop's command line: which management API to watch and as whom. With no flags it finds the
 * broker-sim that `npm start` runs; `--url` (an AMQP URL, as the other tools take) points it at a
 * RabbitMQ, whose management API is on port 15672 of the same host.
 */
import yargs, { type Argv } from 'yargs';
import { chooseAmqpUrl, chooseManagementUrl, MANAGEMENT_URL_CHAIN } from '../../broker-sim/src/discovery.ts';

export interface QtopArgs {
  url?: string; managementUrl?: string; username?: string; password?: string; vhost?: string; interval: number;
}

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
    .check((a) => {
      if (!(Number(a.interval) > 0)) throw new Error(`--interval must be a positive number of seconds, got ${a.interval}`);
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
