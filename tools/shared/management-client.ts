/**
 * A small typed client for RabbitMQ's management HTTP API, which broker-sim serves too (same paths,
 * same JSON). Fetch-based, basic auth. Every failure is a ManagementError whose message is one line
 * that says what to do (enable the plugin, check the password, give the user the management tag).
 *
 *   const api = new ManagementClient({ url: 'http://127.0.0.1:15672', username: 'guest', password: 'guest' });
 *   const queues = await api.getQueues('/');
 *
 * The interfaces name the fields the kit reads; RabbitMQ sends more, and some only once its
 * statistics have been collected (every 5 s), so the counts are optional.
 */

// ---- RabbitMQ's JSON shapes -----------------------------------------------------------------

export interface RateDetails { rate: number }

/** message_stats of a queue, vhost or the overview: counters since start, with their rates per second. */
export interface MessageStats {
  publish?: number; publish_details?: RateDetails;
  deliver?: number; deliver_details?: RateDetails;
  deliver_no_ack?: number; deliver_no_ack_details?: RateDetails;
  get?: number; get_details?: RateDetails;
  get_no_ack?: number; get_no_ack_details?: RateDetails;
  get_empty?: number; get_empty_details?: RateDetails;
  deliver_get?: number; deliver_get_details?: RateDetails;
  ack?: number; ack_details?: RateDetails;
  redeliver?: number; redeliver_details?: RateDetails;
}

export interface MessageCounts {
  messages?: number; messages_details?: RateDetails;
  messages_ready?: number; messages_ready_details?: RateDetails;
  messages_unacknowledged?: number; messages_unacknowledged_details?: RateDetails;
}

export interface Overview {
  management_version: string;
  rabbitmq_version?: string;
  product_name?: string;
  product_version?: string;
  cluster_name: string;
  node: string;
  message_stats?: MessageStats;
  queue_totals?: MessageCounts;
  object_totals: { connections: number; channels: number; exchanges: number; queues: number; consumers?: number };
  listeners?: { node: string; protocol: string; ip_address: string; port: number }[];
}

export interface WhoAmI { name: string; tags: string[] | string }

export interface VhostInfo extends MessageCounts {
  name: string;
  description?: string;
  tracing?: boolean;
  message_stats?: MessageStats;
}

export interface ConsumerInfo {
  consumer_tag: string;
  ack_required: boolean;
  exclusive: boolean;
  prefetch_count: number;
  active?: boolean;
  activity_status?: string;
  arguments: Record<string, unknown>;
  queue: { name: string; vhost: string };
  channel_details: { name: string; number: number; connection_name: string; peer_host: string; peer_port: number; user: string };
}

export interface QueueInfo extends MessageCounts {
  name: string;
  vhost: string;
  durable: boolean;
  auto_delete: boolean;
  exclusive: boolean;
  arguments: Record<string, unknown>;
  type?: string;
  state?: string;
  node?: string;
  consumers?: number;
  message_bytes?: number;
  message_stats?: MessageStats;
  /** GET of one queue only. */
  consumer_details?: ConsumerInfo[];
}

export interface ExchangeInfo {
  name: string;
  vhost: string;
  type: string;
  durable: boolean;
  auto_delete: boolean;
  internal: boolean;
  arguments: Record<string, unknown>;
}

export interface BindingInfo {
  source: string;
  vhost: string;
  destination: string;
  destination_type: 'queue' | 'exchange';
  routing_key: string;
  arguments: Record<string, unknown>;
  /** Names the binding in the URL that deletes it. */
  properties_key: string;
}

export interface ConnectionInfo {
  name: string;
  user: string;
  vhost: string;
  state: string;
  channels: number;
  peer_host: string;
  peer_port: number;
  connected_at: number;
  client_properties: Record<string, unknown>;
  user_provided_name?: string;
}

export interface ChannelInfo {
  name: string;
  number: number;
  user: string;
  vhost: string;
  consumer_count: number;
  messages_unacknowledged: number;
  prefetch_count: number;
  global_prefetch_count?: number;
  confirm: boolean;
  transactional: boolean;
  connection_details: { name: string; peer_host: string; peer_port: number };
}

export type AckMode = 'ack_requeue_true' | 'ack_requeue_false' | 'reject_requeue_true' | 'reject_requeue_false';

/** A message from POST /api/queues/{vhost}/{name}/get. */
export interface GotMessage {
  payload: string;
  payload_encoding: 'string' | 'base64';
  payload_bytes: number;
  redelivered: boolean;
  exchange: string;
  routing_key: string;
  /** Messages left ready in the queue after this one was taken. */
  message_count: number;
  /** RabbitMQ sends `[]` when the message has no properties. */
  properties: Record<string, unknown> | [];
}

export interface PublishResult { routed: boolean }

// ---- broker-sim's extras (/api/queuelab/…) ----------------------------------------------------

export interface UnackedDelivery {
  vhost: string;
  queue: string;
  message_id: number;
  delivery_tag: number;
  channel: string;
  connection: string;
  user?: string;
  consumer_tag: string | null;
  redelivered: boolean;
  /** Broker clock, ms. */
  delivered_at: number;
  held_ms: number;
  /** When the lease runs out (broker clock, ms), or null when no consumer timeout applies. */
  deadline: number | null;
  time_left_ms: number | null;
}

export interface BrokerEventInfo {
  id: number;
  at: number;
  kind: string;
  vhost: string;
  queue: string;
  message_id: number | null;
  consumer_tag: string | null;
  channel: string | null;
  detail: string | null;
}

export interface FailedQueueInfo {
  vhost: string;
  queue: string;
  source_queue: string;
  messages: number;
  items: { message_id: number; exchange: string; routing_key: string; payload_bytes: number; payload: string;
    death: { reason: string | null; queue: string | null; count: number | null; time: number | null } | null }[];
}

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
  getNodes(): Promise<{ name: string; uptime?: number }[]> { return this.get('/nodes'); }
  whoami(): Promise<WhoAmI> { return this.get('/whoami'); }
  getVhosts(): Promise<VhostInfo[]> { return this.get('/vhosts'); }

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
