/**
 * The management API's JSON, as types: what RabbitMQ 3.10's management plugin sends and broker-sim
 * serves, and what the kit's client (tools/shared/management-client.ts) reads. broker-sim's
 * handlers build their answers as these types and the client parses into them, so a field renamed
 * on one side and not the other is a compile error.
 *
 * Types only, no runtime imports: tools may import this file without pulling in the broker.
 *
 * A field is optional where RabbitMQ may leave it out: counts and rates appear only once its
 * statistics have been collected (every 5 s), some fields only on GET of one object, and where an
 * object has no such thing (no consumers' channel, no timestamp) the field is absent or null, as
 * RabbitMQ sends it. RabbitMQ sends more fields than these; these are the ones the kit uses.
 */

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

/** message_stats of an exchange: RabbitMQ counts these once the exchange has seen traffic; broker-sim does not. */
export interface ExchangeMessageStats {
  publish_in?: number; publish_in_details?: RateDetails;
  publish_out?: number; publish_out_details?: RateDetails;
}

export interface MessageCounts {
  messages?: number; messages_details?: RateDetails;
  messages_ready?: number; messages_ready_details?: RateDetails;
  messages_unacknowledged?: number; messages_unacknowledged_details?: RateDetails;
}

/** An error answer: `{"error": "Object Not Found", "reason": "Not Found"}`. */
export interface ErrorBody { error: string; reason: string }

/** What `?page=N` wraps a list in. */
export interface Page<T> {
  filtered_count: number; item_count: number; items: T[]; page: number; page_count: number; page_size: number; total_count: number;
}

// ---- /api/overview, /api/whoami, /api/vhosts, /api/nodes, /api/users, /api/permissions ----

export interface ExchangeTypeInfo { name: string; description: string; enabled: boolean }

export interface ListenerInfo { node: string; protocol: string; ip_address: string; port: number }

export interface ObjectTotals { connections: number; channels: number; exchanges: number; queues: number; consumers?: number }

export interface Overview {
  management_version: string;
  rates_mode?: string;
  exchange_types?: ExchangeTypeInfo[];
  rabbitmq_version?: string;
  product_name?: string;
  product_version?: string;
  cluster_name: string;
  node: string;
  disable_stats?: boolean;
  enable_queue_totals?: boolean;
  message_stats?: MessageStats;
  queue_totals?: MessageCounts;
  object_totals: ObjectTotals;
  listeners?: ListenerInfo[];
  /** broker-sim's own: what a publisher confirm promises ('disk': fsynced, 'process': survives a kill, 'memory': nothing kept). */
  durability?: 'disk' | 'process' | 'memory';
}

export interface WhoAmI { name: string; tags: string[] | string }

export interface VhostInfo extends MessageCounts {
  name: string;
  description?: string;
  /** RabbitMQ sends [] or "" for a vhost without tags. */
  tags?: string[] | string;
  metadata?: { description: string; tags: string[] | string };
  tracing?: boolean;
  default_queue_type?: string;
  /** node → "running" */
  cluster_state?: Record<string, string>;
  message_stats?: MessageStats;
}

export interface NodeInfo {
  name: string;
  type?: string;
  running?: boolean;
  /** Memory in use, bytes, as the memory alarm counts it (RabbitMQ: as vm_memory_calculation_strategy says). */
  mem_used?: number;
  /** The memory alarm's limit, bytes (vm_memory_high_watermark). */
  mem_limit?: number;
  /** The memory alarm is in effect: publishers are blocked. */
  mem_alarm?: boolean;
  /** The disk alarm is in effect (broker-sim: its database cannot be written). */
  disk_free_alarm?: boolean;
  /** ms since the node started. */
  uptime?: number;
  os_pid?: string;
  /** CPU cores the node may use. */
  processors?: number;
}

export interface UserInfo {
  name: string;
  /** RabbitMQ's salted SHA-256 (base64); "" for a user who cannot log in with a password. */
  password_hash?: string;
  hashing_algorithm?: string;
  tags: string[] | string;
  limits: Record<string, unknown>;
}

/** PUT /api/users/{name}: password or password_hash (not both), and tags (required; "" for none). */
export interface UserPut { password?: string; password_hash?: string; hashing_algorithm?: string; tags: string | string[] }

export interface PermissionInfo { user: string; vhost: string; configure: string; write: string; read: string }

/** PUT /api/permissions/{vhost}/{user}: all three regexes. */
export type PermissionPut = Pick<PermissionInfo, 'configure' | 'write' | 'read'>;

/** GET /api/vhost-limits: the limits set on one vhost (max-queues, max-connections; -1 = none). */
export interface VhostLimitsInfo { vhost: string; value: Record<string, number> }

/** GET /api/feature-flags. */
export interface FeatureFlagInfo { name: string; desc: string; doc_url: string; state: 'enabled' | 'disabled'; stability: string; provided_by: string }

// ---- /api/definitions ----

export interface DefinitionUser { name: string; password_hash: string; hashing_algorithm?: string; tags: string[] | string; limits?: Record<string, unknown> }
export interface DefinitionQueue { name: string; vhost?: string; durable: boolean; auto_delete: boolean; arguments: Record<string, unknown> }
export interface DefinitionExchange {
  name: string; vhost?: string; type: string; durable: boolean; auto_delete: boolean; internal: boolean; arguments: Record<string, unknown>;
}
export interface DefinitionBinding {
  source: string; vhost?: string; destination: string; destination_type: 'queue' | 'exchange'; routing_key: string; arguments: Record<string, unknown>;
}
/** A runtime parameter; broker-sim keeps those of component vhost-limits (name "limits"). */
export interface DefinitionParameter { vhost?: string; component: string; name: string; value: unknown }
export interface DefinitionPolicy {
  vhost?: string; name: string; pattern: string; 'apply-to': string; definition: Record<string, unknown>; priority: number;
}

/**
 * GET /api/definitions (everything) or /api/definitions/{vhost} (one vhost: no users, vhosts,
 * permissions, and no vhost field on its objects), and what POST takes back.
 */
export interface Definitions {
  rabbit_version?: string;
  rabbitmq_version?: string;
  product_name?: string;
  product_version?: string;
  users?: DefinitionUser[];
  vhosts?: { name: string; description?: string; tags?: string[] }[];
  permissions?: PermissionInfo[];
  topic_permissions?: unknown[];
  parameters?: DefinitionParameter[];
  global_parameters?: unknown[];
  policies?: DefinitionPolicy[];
  queues?: DefinitionQueue[];
  exchanges?: DefinitionExchange[];
  bindings?: DefinitionBinding[];
}

// ---- queues, exchanges, bindings ----

/** Where a consumer's channel is. */
export interface ConsumerChannelDetails {
  name: string; number: number; connection_name: string; node?: string; peer_host: string; peer_port: number; user: string;
}

export interface ConsumerInfo {
  consumer_tag: string;
  ack_required: boolean;
  exclusive: boolean;
  prefetch_count: number;
  active?: boolean;
  /** "up", or "waiting" for a single-active-consumer queue's other consumers. */
  activity_status?: string;
  /** basic.consume's arguments. */
  arguments: Record<string, unknown>;
  queue: { name: string; vhost: string };
  channel_details: ConsumerChannelDetails;
}

/** The connection an exclusive queue belongs to. */
export interface OwnerDetails { name: string; peer_host: string; peer_port: number }

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
  policy?: string | null;
  operator_policy?: string | null;
  effective_policy_definition?: Record<string, unknown>;
  exclusive_consumer_tag?: string | null;
  single_active_consumer_tag?: string | null;
  /** The head message's timestamp property (seconds), or null when it has none. */
  head_message_timestamp?: number | null;
  message_bytes?: number;
  message_bytes_ready?: number;
  message_bytes_unacknowledged?: number;
  /** Messages, and their bytes, held in memory (ready and unacknowledged). */
  messages_ram?: number;
  messages_ready_ram?: number;
  messages_unacknowledged_ram?: number;
  message_bytes_ram?: number;
  /** Ready messages kept on disk only (broker-sim: in its database, read back as the queue reaches them). */
  messages_paged_out?: number;
  message_bytes_paged_out?: number;
  message_stats?: MessageStats;
  /** Exclusive queues, GET of one queue. */
  owner_pid_details?: OwnerDetails;
  /** GET of one queue only. */
  consumer_details?: ConsumerInfo[];
  /** GET of one queue only; empty in the basic rates mode. */
  deliveries?: unknown[];
  incoming?: unknown[];
}

export interface ExchangeInfo {
  name: string;
  vhost: string;
  type: string;
  durable: boolean;
  auto_delete: boolean;
  internal: boolean;
  arguments: Record<string, unknown>;
  /** The policy in effect on it; absent when none is. */
  policy?: string;
  message_stats?: ExchangeMessageStats;
  /** GET of one exchange only; empty in the basic rates mode. */
  incoming?: unknown[];
  outgoing?: unknown[];
}

/** A policy, as GET /api/policies… shows it and PUT /api/policies/{vhost}/{name} takes it. */
export interface PolicyInfo {
  vhost: string;
  name: string;
  /** A regular expression on queue and exchange names, unanchored. */
  pattern: string;
  'apply-to': 'queues' | 'exchanges' | 'all';
  definition: Record<string, unknown>;
  priority: number;
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

// ---- connections and channels ----

export interface ConnectionInfo {
  name: string;
  user: string;
  vhost: string;
  /** running, flow, blocking, blocked, closing… */
  state: string;
  channels: number;
  peer_host: string;
  peer_port: number;
  host?: string;
  port?: number;
  connected_at: number;
  client_properties: Record<string, unknown>;
  user_provided_name?: string;
  auth_mechanism?: string;
  channel_max?: number;
  frame_max?: number;
  /** The heartbeat agreed, seconds. */
  timeout?: number;
  protocol?: string;
  /** Bytes received from and sent to the client. */
  recv_oct?: number;
  send_oct?: number;
  ssl?: boolean;
  type?: string;
  node?: string;
}

export interface ChannelConnectionDetails { name: string; peer_host: string; peer_port: number }

export interface ChannelInfo {
  name: string;
  number: number;
  user: string;
  vhost: string;
  consumer_count: number;
  messages_unacknowledged: number;
  /** Publishes not yet confirmed (confirm mode). */
  messages_unconfirmed?: number;
  /** Publishes and acks held by an open transaction. */
  messages_uncommitted?: number;
  acks_uncommitted?: number;
  prefetch_count: number;
  global_prefetch_count?: number;
  confirm: boolean;
  transactional: boolean;
  state?: string;
  node?: string;
  connection_details: ChannelConnectionDetails;
  /** RabbitMQ's, once the channel has seen traffic (publish, ack, deliver…). */
  message_stats?: MessageStats;
  /** GET of one channel only. */
  consumer_details?: ConsumerInfo[];
}

// ---- publish and get ----

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

// ---- broker-sim's extras (/api/queuelab/…) ----

/** GET /api/queuelab: each extra endpoint and what it shows. */
export type QueuelabEndpoints = Record<'unacked' | 'leases' | 'events' | 'failed', string>;

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
  /** The first 40 bytes of the body, as text. */
  body_preview?: string;
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

/** Why a message failed: the first entry of its x-death. */
export interface FailedDeath { reason: string | null; queue: string | null; count: number | null; time: number | null }

export interface FailedMessage {
  message_id: number; exchange: string; routing_key: string; payload_bytes: number; payload: string; death: FailedDeath | null;
}

export interface FailedQueueInfo {
  vhost: string;
  queue: string;
  source_queue: string;
  messages: number;
  items: FailedMessage[];
}

// ---- /api/health/checks/…, /api/healthchecks/node, /api/aliveness-test/{vhost} ----

/** A resource alarm in effect, as a health check lists it. */
export interface AlarmInfo { node: string; resource: 'memory' | 'disk' }

/** A health check's answer: 200 `{"status": "ok"}`, or 503 with why. */
export interface HealthCheck {
  status: 'ok' | 'failed';
  reason?: string;
  alarms?: AlarmInfo[];
  /** port-listener: the port asked about; on failure, `missing` and the ports listened on. */
  port?: number;
  missing?: number;
  ports?: number[];
}
