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

/** A student vhost's limits (RabbitMQ's vhost limits; -1: none). */
export interface StudentLimits { 'max-queues': number; 'max-connections': number }

/** Every lab needs fewer than 20 queues and a handful of connections: room to spare, not for a runaway loop. */
export const DEFAULT_LIMITS: StudentLimits = { 'max-queues': 100, 'max-connections': 50 };

export function limitOptions<T>(y: Argv<T>) {
  return y
    .option('max-queues', { type: 'number', default: DEFAULT_LIMITS['max-queues'], describe: 'most queues a student may declare in their vhost (-1: no limit)' })
    .option('max-connections', { type: 'number', default: DEFAULT_LIMITS['max-connections'], describe: 'most connections to a student\'s vhost (-1: no limit)' });
}

export function limitsOf(a: { maxQueues: number; maxConnections: number }): StudentLimits {
  return { 'max-queues': a.maxQueues, 'max-connections': a.maxConnections };
}
