/** Raw management API calls for the administration tests: a status and a parsed body, nothing hidden. */
import type { BrokerUnderTest } from '../../../test/support/brokers.ts';

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
