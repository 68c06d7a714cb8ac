/**
 * A broker of its own for one lab's grading run, so runs side by side never see each other's queues
 * and nothing is left behind: a private broker-sim (its database removed on close), or on RabbitMQ
 * a fresh vhost that close() deletes with every queue and exchange the run declared in it.
 */
import { randomBytes } from 'node:crypto';
import { startInProcessSim, type BrokerKind, type RabbitMq } from '../tools/shared/brokers/index.ts';
import { ManagementClient } from '../tools/shared/management-client.ts';

export interface LabBroker { kind: BrokerKind; url: string; managementUrl?: string; close(): Promise<void> }

/** The vhost prefix of grading runs on RabbitMQ: qlab-grade-PID-…, PID the grading process's. */
export const GRADING_VHOST_PREFIX = 'qlab-grade-';

export function startLabBroker(rabbitmq?: RabbitMq): Promise<LabBroker> {
  return rabbitmq ? privateVhost(rabbitmq) : startInProcessSim();
}

/** RabbitMQ's management API as the broker's own user (guest from this machine). */
export function managementOf(r: { url: string; managementUrl: string }): ManagementClient {
  const u = new URL(r.url);
  return new ManagementClient({ url: r.managementUrl, username: decodeURIComponent(u.username || 'guest'), password: decodeURIComponent(u.password || 'guest') });
}

async function privateVhost(r: RabbitMq): Promise<LabBroker> {
  const api = managementOf(r);
  const vhost = `${GRADING_VHOST_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
  await api.putVhost(vhost); // its creator gets full permissions on it
  const url = new URL(r.url);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return { kind: 'rabbitmq', url: url.toString(), managementUrl: r.managementUrl, close: () => api.deleteVhost(vhost) };
}
