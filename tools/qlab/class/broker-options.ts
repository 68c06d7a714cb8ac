/** The management API a class command talks to, and as which administrator: the kit's one URL chain. */
import type { Argv } from 'yargs';
import { chooseAmqpUrl, chooseManagementUrl, MANAGEMENT_URL_CHAIN } from '../../../broker-sim/src/discovery.ts';
import { ManagementClient } from '../../shared/management-client.ts';

export interface BrokerArgs { url?: string; managementUrl?: string; admin?: string }

export function brokerOptions<T>(y: Argv<T>) {
  return y
    .option('url', { type: 'string', describe: 'AMQP URL of the class broker, with the administrator\'s user (default: $AMQP_URL, else the running broker-sim)' })
    .option('management-url', { type: 'string', describe: `its management API (default: the one beside --url's broker, else ${MANAGEMENT_URL_CHAIN})` })
    .option('admin', { type: 'string', describe: 'administrator as USER:PASSWORD (default: the URL\'s user, else guest:guest)' });
}

export function adminClient(a: BrokerArgs, env: NodeJS.ProcessEnv = process.env): ManagementClient {
  const { url } = chooseManagementUrl(a, env);
  const amqp = new URL(chooseAmqpUrl(a.url, env).url);
  if (!a.admin) return new ManagementClient({ url, username: decodeURIComponent(amqp.username) || 'guest', password: decodeURIComponent(amqp.password) || 'guest' });
  const colon = a.admin.indexOf(':');
  if (colon < 0) return new ManagementClient({ url, username: a.admin, password: '' });
  return new ManagementClient({ url, username: a.admin.slice(0, colon), password: a.admin.slice(colon + 1) });
}
