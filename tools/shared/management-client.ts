/**
 * A small typed client for RabbitMQ's management HTTP API, which broker-sim serves too (same paths,
 * same JSON). Fetch-based, basic auth. Every failure is a ManagementError whose message is one line
 * that says what to do (enable the plugin, check the password, give the user the management tag).
 *
 *   const api = new ManagementClient({ url: 'http://127.0.0.1:15672', username: 'guest', password: 'guest' });
 *   const queues = await api.getQueues('/');
 *
 * The JSON types are broker-sim's management contract (broker-sim/src/http/contract.ts), which its
 * API builds its answers from: they name the fields the kit reads; RabbitMQ sends more, and some
 * only once its statistics have been collected (every 5 s), so the counts are optional.
 */
// The API's JSON, shared with broker-sim's management API.
import type {
  AckMode, BindingInfo, BrokerEventInfo, ChannelInfo, ConnectionInfo, ConsumerInfo, ExchangeInfo, FailedQueueInfo, GotMessage,
  NodeInfo, Overview, PermissionInfo, PolicyInfo, PublishResult, QueueInfo, UnackedDelivery, UserInfo, VhostInfo, VhostLimitsInfo, WhoAmI,
} from '../../broker-sim/src/http/contract.ts';

export type * from '../../broker-sim/src/http/contract.ts';

// ---- the client ---------------------------------------------------------------------------------

export interface ManagementClientOptions {
  /** Base URL, e.g. http://127.0.0.1:15672 (a trailing /api is accepted). */
  url: string;
  username?: string;
  password?: string;
  /** Per request, ms. Default 10 s. */
  timeoutMs?: number;
}

export class ManagementError extends Error {
  override name = 'ManagementError';
  constructor(message: string, readonly status?: number, readonly error?: string, readonly reason?: string) {
    super(message);
  }
}

const v = (vhost: string): string => encodeURIComponent(vhost);
const x = (exchange: string): string => encodeURIComponent(exchange === '' ? 'amq.default' : exchange);

export class ManagementClient {
  readonly url: string;
  private readonly auth: string;
  private readonly username: string;
  private readonly timeoutMs: number;

  constructor(o: ManagementClientOptions) {
    this.url = o.url.replace(/\/+$/, '').replace(/\/api$/, '');
    this.username = o.username ?? 'guest';
    this.auth = 'Basic ' + Buffer.from(`${this.username}:${o.password ?? 'guest'}`).toString('base64');
    this.timeoutMs = o.timeoutMs ?? 10_000;
  }

  getOverview(): Promise<Overview> { return this.get('/overview'); }
  /** The broker's nodes (one for broker-sim), with `uptime` in ms. */
  getNodes(): Promise<NodeInfo[]> { return this.get('/nodes'); }
  whoami(): Promise<WhoAmI> { return this.get('/whoami'); }
  getVhosts(): Promise<VhostInfo[]> { return this.get('/vhosts'); }

  /** PUT a vhost: 'created', or 'exists' (nothing changed). The creating user gets full permissions on it. */
  async putVhost(name: string): Promise<'created' | 'exists'> {
    return await this.send('PUT', `/vhosts/${v(name)}`, {}) === 201 ? 'created' : 'exists';
  }
  /** Deletes a vhost with everything in it; its connections are closed. */
  async deleteVhost(name: string): Promise<void> { await this.send('DELETE', `/vhosts/${v(name)}`); }

  getUsers(): Promise<UserInfo[]> { return this.get('/users'); }
  /** PUT a user (created or updated): tags comma-separated, as RabbitMQ takes them. */
  async putUser(name: string, password: string, tags: string[] = []): Promise<void> {
    await this.send('PUT', `/users/${v(name)}`, { password, tags: tags.join(',') });
  }
  async deleteUser(name: string): Promise<void> { await this.send('DELETE', `/users/${v(name)}`); }

  getPermissions(): Promise<PermissionInfo[]> { return this.get('/permissions'); }
  async putPermissions(vhost: string, user: string, p: { configure: string; write: string; read: string }): Promise<void> {
    await this.send('PUT', `/permissions/${v(vhost)}/${v(user)}`, p);
  }

  /** The limits set on a vhost (GET /api/vhost-limits/{v}): [] when it has none. */
  getVhostLimits(vhost: string): Promise<VhostLimitsInfo[]> { return this.get(`/vhost-limits/${v(vhost)}`); }
  /** One vhost limit (max-queues, max-connections); a negative value lifts it. */
  async putVhostLimit(vhost: string, name: 'max-queues' | 'max-connections', value: number): Promise<void> {
    await this.send('PUT', `/vhost-limits/${v(vhost)}/${name}`, { value });
  }

  /** Every queue the user may see, or one vhost's. */
  getQueues(vhost?: string): Promise<QueueInfo[]> { return this.get(vhost === undefined ? '/queues' : `/queues/${v(vhost)}`); }
  getQueue(vhost: string, name: string): Promise<QueueInfo> { return this.get(`/queues/${v(vhost)}/${v(name)}`); }

  /** PUT a queue: 'created', or 'exists' when an equivalent one was there (a different one is an error). */
  async declareQueue(vhost: string, name: string, options: { durable?: boolean; auto_delete?: boolean; arguments?: Record<string, unknown> } = {}): Promise<'created' | 'exists'> {
    const status = await this.send('PUT', `/queues/${v(vhost)}/${v(name)}`, options);
    return status === 201 ? 'created' : 'exists';
  }

  async deleteQueue(vhost: string, name: string, options: { ifEmpty?: boolean; ifUnused?: boolean } = {}): Promise<void> {
    const q = new URLSearchParams();
    if (options.ifEmpty) q.set('if-empty', 'true');
    if (options.ifUnused) q.set('if-unused', 'true');
    await this.send('DELETE', `/queues/${v(vhost)}/${v(name)}${q.size ? `?${q}` : ''}`);
  }

  /** Drops every ready message (DELETE …/contents). */
  async purgeQueue(vhost: string, name: string): Promise<void> {
    await this.send('DELETE', `/queues/${v(vhost)}/${v(name)}/contents`);
  }

  /** Takes up to `count` messages, then acks, requeues or rejects them as `ackmode` says. */
  getMessages(vhost: string, queue: string, options: { count?: number; ackmode?: AckMode; encoding?: 'auto' | 'base64'; truncate?: number } = {}): Promise<GotMessage[]> {
    return this.post(`/queues/${v(vhost)}/${v(queue)}/get`, {
      count: options.count ?? 1, ackmode: options.ackmode ?? 'ack_requeue_true', encoding: options.encoding ?? 'auto',
      ...(options.truncate === undefined ? {} : { truncate: options.truncate }),
    });
  }

  /** Publishes one message; `routed` says whether any queue got it. A Buffer payload goes base64. */
  publish(vhost: string, exchange: string, routingKey: string, payload: string | Buffer, properties: Record<string, unknown> = {}): Promise<PublishResult> {
    const binary = Buffer.isBuffer(payload);
    return this.post(`/exchanges/${v(vhost)}/${x(exchange)}/publish`, {
      properties, routing_key: routingKey,
      payload: binary ? payload.toString('base64') : payload, payload_encoding: binary ? 'base64' : 'string',
    });
  }

  getExchanges(vhost?: string): Promise<ExchangeInfo[]> { return this.get(vhost === undefined ? '/exchanges' : `/exchanges/${v(vhost)}`); }
  getExchange(vhost: string, name: string): Promise<ExchangeInfo> { return this.get(`/exchanges/${v(vhost)}/${x(name)}`); }

  async declareExchange(vhost: string, name: string, type: string, options: { durable?: boolean; auto_delete?: boolean; internal?: boolean; arguments?: Record<string, unknown> } = {}): Promise<'created' | 'exists'> {
    const status = await this.send('PUT', `/exchanges/${v(vhost)}/${x(name)}`, { type, ...options });
    return status === 201 ? 'created' : 'exists';
  }

  async deleteExchange(vhost: string, name: string): Promise<void> {
    await this.send('DELETE', `/exchanges/${v(vhost)}/${x(name)}`);
  }

  /** Every policy the user may see, or one vhost's. */
  getPolicies(vhost?: string): Promise<PolicyInfo[]> { return this.get(vhost === undefined ? '/policies' : `/policies/${v(vhost)}`); }
  getPolicy(vhost: string, name: string): Promise<PolicyInfo> { return this.get(`/policies/${v(vhost)}/${v(name)}`); }

  /** PUT a policy: 'created', or 'updated' when one of that name was there. */
  async setPolicy(vhost: string, name: string, policy: Omit<PolicyInfo, 'vhost' | 'name' | 'apply-to' | 'priority'>
    & Partial<Pick<PolicyInfo, 'apply-to' | 'priority'>>): Promise<'created' | 'updated'> {
    return (await this.send('PUT', `/policies/${v(vhost)}/${v(name)}`, policy)) === 201 ? 'created' : 'updated';
  }

  async deletePolicy(vhost: string, name: string): Promise<void> {
    await this.send('DELETE', `/policies/${v(vhost)}/${v(name)}`);
  }

  getBindings(vhost?: string): Promise<BindingInfo[]> { return this.get(vhost === undefined ? '/bindings' : `/bindings/${v(vhost)}`); }
  getQueueBindings(vhost: string, queue: string): Promise<BindingInfo[]> { return this.get(`/queues/${v(vhost)}/${v(queue)}/bindings`); }

  async bindQueue(vhost: string, exchange: string, queue: string, routingKey = '', args: Record<string, unknown> = {}): Promise<void> {
    await this.send('POST', `/bindings/${v(vhost)}/e/${x(exchange)}/q/${v(queue)}`, { routing_key: routingKey, arguments: args });
  }

  async bindExchange(vhost: string, source: string, destination: string, routingKey = '', args: Record<string, unknown> = {}): Promise<void> {
    await this.send('POST', `/bindings/${v(vhost)}/e/${x(source)}/e/${x(destination)}`, { routing_key: routingKey, arguments: args });
  }

  /** Removes the binding named by its properties_key (from getQueueBindings). */
  async unbindQueue(vhost: string, exchange: string, queue: string, propertiesKey: string): Promise<void> {
    await this.send('DELETE', `/bindings/${v(vhost)}/e/${x(exchange)}/q/${v(queue)}/${encodeURIComponent(propertiesKey)}`);
  }

  getConsumers(vhost?: string): Promise<ConsumerInfo[]> { return this.get(vhost === undefined ? '/consumers' : `/consumers/${v(vhost)}`); }
  getConnections(): Promise<ConnectionInfo[]> { return this.get('/connections'); }
  getChannels(): Promise<ChannelInfo[]> { return this.get('/channels'); }

  async closeConnection(name: string, reason?: string): Promise<void> {
    await this.send('DELETE', `/connections/${encodeURIComponent(name)}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`);
  }

  /** True when the API is broker-sim's (which has the /api/queuelab extras). */
  async isBrokerSim(): Promise<boolean> {
    return (await this.getOverview()).product_name === 'broker-sim';
  }

  /** broker-sim only: every unacknowledged delivery, optionally of one vhost or queue. */
  getUnacked(vhost?: string, queue?: string): Promise<UnackedDelivery[]> {
    const path = vhost === undefined ? '' : queue === undefined ? `/${v(vhost)}` : `/${v(vhost)}/${v(queue)}`;
    return this.get(`/queuelab/unacked${path}`);
  }
  /** broker-sim only: deliveries with a lease deadline, soonest first. */
  getLeases(): Promise<UnackedDelivery[]> { return this.get('/queuelab/leases'); }
  /** broker-sim only: the event log, newest first. */
  getEvents(options: { limit?: number; vhost?: string } = {}): Promise<BrokerEventInfo[]> {
    const q = new URLSearchParams();
    if (options.limit !== undefined) q.set('limit', String(options.limit));
    if (options.vhost !== undefined) q.set('vhost', options.vhost);
    return this.get(`/queuelab/events${q.size ? `?${q}` : ''}`);
  }
  /** broker-sim only: messages in `<queue>.failed` queues. */
  getFailed(): Promise<FailedQueueInfo[]> { return this.get('/queuelab/failed'); }

  // ---- transport ----

  private async get<T>(path: string): Promise<T> {
    return (await this.request('GET', path)).json() as Promise<T>;
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    return (await this.request('POST', path, body)).json() as Promise<T>;
  }

  /** For requests answered with no body: the status. */
  private async send(method: string, path: string, body?: unknown): Promise<number> {
    const res = await this.request(method, path, body);
    await res.arrayBuffer();
    return res.status;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    const target = `${this.url}/api${path}`;
    let res: Response;
    try {
      res = await fetch(target, {
        method,
        headers: { authorization: this.auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new ManagementError(this.unreachable(err));
    }
    if (res.ok) return res;
    const text = await res.text();
    let error: string | undefined;
    let reason: string | undefined;
    try {
      const parsed = JSON.parse(text) as { error?: unknown; reason?: unknown };
      error = typeof parsed.error === 'string' ? parsed.error : undefined;
      reason = typeof parsed.reason === 'string' ? parsed.reason : JSON.stringify(parsed.reason);
    } catch { /* not JSON: some other server on that port */ }
    throw new ManagementError(this.explain(res.status, method, path, reason, error === undefined), res.status, error, reason);
  }

  private unreachable(err: unknown): string {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    if (cause === 'ECONNREFUSED') {
      return `no management API at ${this.url} (connection refused): is RabbitMQ's management plugin enabled? `
        + `rabbitmq-plugins enable rabbitmq_management (broker-sim: started with --no-http, or on another --http-port?)`;
    }
    if (cause === 'TimeoutError') return `the management API at ${this.url} did not answer within ${this.timeoutMs} ms`;
    return `cannot reach the management API at ${this.url}: ${cause}`;
  }

  private explain(status: number, method: string, path: string, reason: string | undefined, notJson: boolean): string {
    if (notJson) return `${this.url} answered ${method} /api${path} with HTTP ${status} and no API error: is it RabbitMQ's management API?`;
    if (status === 401 && reason === 'Login failed') {
      return `the management API at ${this.url} refused the login of user '${this.username}': check the username and password (guest works from this machine only)`;
    }
    if (status === 401 && reason === 'Not management user') {
      return `user '${this.username}' may not use the management API: give them the management tag `
        + `(rabbitmqctl set_user_tags ${this.username} management; broker-sim user add ${this.username} --tags management …)`;
    }
    if (status === 404) return `not found: ${method} /api${path}`;
    return `${method} /api${path} failed with HTTP ${status}: ${reason ?? 'no reason given'}`;
  }
}
