/** Raw management API calls for the administration tests: a status and a parsed body, nothing hidden. */
import { after, before } from 'node:test';
import type { BrokerUnderTest } from '../../../test/support/brokers.ts';
import { closeAll } from '../conformance/support/amqp.ts';

/** A call's outcome: the status, and the JSON body (undefined when there is none). */
export interface Reply {
  status: number;
  // The tests read whatever the broker sent.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export type Api = (method: string, path: string, body?: unknown) => Promise<Reply>;

/** Calls under /api on a broker as one user; a string body is sent as it is (for malformed documents). */
export function api(broker: BrokerUnderTest, user = 'guest', password = 'guest'): Api {
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return async (method, path, body) => {
    const res = await fetch(`${broker.managementUrl}/api${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
  };
}

/** The broker's AMQP URL for another user and vhost. */
export function amqpUrl(broker: BrokerUnderTest, user: string, password: string, vhost: string): string {
  const u = new URL(broker.url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  u.pathname = `/${encodeURIComponent(vhost)}`;
  return u.toString();
}

/**
 * A vhost of the test's own on the broker, made before the block's tests (guest gets full rights
 * on it, as on RabbitMQ) and deleted after them, with every connection the tests left open.
 */
export function ownVhost(broker: BrokerUnderTest, prefix: string): { readonly name: string; readonly path: string } {
  const own = { name: '', path: '' };
  before(async () => {
    own.name = broker.name(prefix);
    own.path = encodeURIComponent(own.name);
    const status = (await api(broker)('PUT', `/vhosts/${own.path}`)).status;
    if (status !== 201) throw new Error(`PUT /api/vhosts/${own.path} answered ${status}`);
  });
  after(async () => {
    await closeAll();
    await api(broker)('DELETE', `/vhosts/${own.path}`);
  });
  return own;
}
