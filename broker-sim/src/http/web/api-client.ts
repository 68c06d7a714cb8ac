/**
 * The page's client for the management API: fetch with basic auth, RabbitMQ's paths, and one-line
 * errors built from the API's `{error, reason}`. It runs in the browser and in Node (tests), so it
 * uses nothing but fetch and btoa. The page calls the API on its own origin: broker-sim serves both,
 * and `qtop --web` relays a RabbitMQ's.
 */
import type { AckMode, GotMessage, PublishResult } from './api-types.ts';

export class PageApiError extends Error {
  override name = 'PageApiError';
  constructor(message: string, readonly status: number, readonly reason?: string) {
    super(message);
  }
}

/** `vhost` and object names go into paths URL-encoded; the default exchange is "amq.default" there. */
export const seg = (name: string): string => encodeURIComponent(name);
export const exchangeSeg = (name: string): string => seg(name === '' ? 'amq.default' : name);

/** The properties a publish may carry, in the management API's JSON names. */
export interface PublishProperties {
  delivery_mode?: 1 | 2;
  content_type?: string;
  headers?: Record<string, string>;
  correlation_id?: string;
  reply_to?: string;
  message_id?: string;
  expiration?: string;
  priority?: number;
}

export class PageApi {
  private readonly auth: string;

  /** base: the API's root URL, ending in /api/ (e.g. new URL('api/', location.href)). */
  constructor(readonly base: string, readonly username: string, password: string) {
    // btoa takes Latin-1 only: encode the UTF-8 bytes of the credentials first.
    const bytes = new TextEncoder().encode(`${username}:${password}`);
    this.auth = `Basic ${btoa(String.fromCharCode(...bytes))}`;
  }

  get<T>(path: string): Promise<T> { return this.request<T>('GET', path); }

  /** The messages of a queue: `ack_requeue_true` peeks (they go back, marked redelivered); `ack_requeue_false` takes them. */
  getMessages(vhost: string, queue: string, count: number, ackmode: AckMode): Promise<GotMessage[]> {
    return this.request('POST', `queues/${seg(vhost)}/${seg(queue)}/get`, { count, ackmode, encoding: 'auto', truncate: 50_000 });
  }

  publish(vhost: string, exchange: string, routingKey: string, payload: string, properties: PublishProperties): Promise<PublishResult> {
    return this.request('POST', `exchanges/${seg(vhost)}/${exchangeSeg(exchange)}/publish`,
      { properties, routing_key: routingKey, payload, payload_encoding: 'string' });
  }

  /** Drops the queue's ready messages, as rabbitmqadmin purge queue. */
  async purge(vhost: string, queue: string): Promise<void> {
    await this.request('DELETE', `queues/${seg(vhost)}/${seg(queue)}/contents`);
  }

  async deleteQueue(vhost: string, queue: string): Promise<void> {
    await this.request('DELETE', `queues/${seg(vhost)}/${seg(queue)}`);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.base), {
        method,
        // X-Requested-With: broker-sim then leaves out WWW-Authenticate, so a wrong password shows on the page, not in a browser prompt.
        headers: { authorization: this.auth, 'x-requested-with': 'XMLHttpRequest', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new PageApiError(`cannot reach the management API (${(err as Error).message})`, 0);
    }
    const text = await res.text();
    if (!res.ok) throw refusal(res.status, method, path, text);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}

function refusal(status: number, method: string, path: string, text: string): PageApiError {
  let reason: string | undefined;
  try {
    const parsed = JSON.parse(text) as { reason?: unknown };
    reason = typeof parsed.reason === 'string' ? parsed.reason : parsed.reason === undefined ? undefined : JSON.stringify(parsed.reason);
  } catch { /* not the API's JSON */ }
  if (status === 401 && reason === 'Login failed') return new PageApiError('login failed: check the user name and password', status, reason);
  if (status === 401 && reason === 'Not management user') {
    return new PageApiError('this user may not use the management API: it needs the management tag', status, reason);
  }
  if (status === 404) return new PageApiError(`not found: ${method} /api/${path}`, status, reason);
  return new PageApiError(`${method} /api/${path} refused (HTTP ${status}): ${reason ?? (text.slice(0, 200) || 'no reason given')}`, status, reason);
}
