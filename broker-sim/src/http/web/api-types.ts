/**
 * The management API's JSON as the page reads it: only the fields it uses, in RabbitMQ's names
 * (broker-sim answers with the same). RabbitMQ sends counts and message_stats once its statistics
 * have been collected, so those are optional.
 */

export interface RateDetails { rate: number }

/** Counters since start (`publish`) with their rates (`publish_details.rate`), as RabbitMQ sends them. */
export type MessageStats = Record<string, number | RateDetails | undefined>;

export interface Overview {
  management_version: string;
  rabbitmq_version?: string;
  product_name?: string;
  product_version?: string;
  cluster_name: string;
  node: string;
  message_stats?: MessageStats;
}

export interface WhoAmI { name: string; tags: string[] | string }

export interface VhostInfo { name: string }

export interface QueueInfo {
  name: string;
  vhost: string;
  durable: boolean;
  auto_delete: boolean;
  exclusive: boolean;
  arguments: Record<string, unknown>;
  type?: string;
  consumers?: number;
  messages?: number;
  messages_ready?: number;
  messages_unacknowledged?: number;
  message_stats?: MessageStats;
}

export interface ExchangeInfo {
  name: string;
  vhost: string;
  type: string;
  durable: boolean;
  /** RabbitMQ counts publish_in and publish_out once the exchange has seen traffic; broker-sim does not. */
  message_stats?: MessageStats;
}

export interface BindingInfo {
  source: string;
  vhost: string;
  destination: string;
  destination_type: 'queue' | 'exchange';
  routing_key: string;
  arguments: Record<string, unknown>;
  properties_key: string;
}

export interface ConsumerInfo {
  consumer_tag: string;
  ack_required: boolean;
  prefetch_count: number;
  active?: boolean;
  queue: { name: string; vhost: string };
  channel_details: { name: string; number: number; connection_name: string };
}

export interface ConnectionInfo {
  name: string;
  user_provided_name?: string;
  client_properties?: Record<string, unknown>;
}

export interface ChannelInfo {
  name: string;
  messages_unacknowledged?: number;
  connection_details: { name: string };
  /** RabbitMQ's, once the channel has seen traffic. */
  message_stats?: MessageStats;
}

/** broker-sim's /api/queuelab/unacked: one unacknowledged delivery and its lease. */
export interface UnackedDelivery {
  vhost: string;
  queue: string;
  message_id: number;
  delivery_tag: number;
  channel: string;
  connection: string;
  consumer_tag: string | null;
  delivered_at: number;
  held_ms: number;
  deadline: number | null;
  time_left_ms: number | null;
}

/** broker-sim's /api/queuelab/events: one entry of the event log. */
export interface BrokerEventInfo {
  id: number;
  at: number;
  kind: string;
  vhost: string;
  queue: string;
  message_id: number | null;
  consumer_tag: string | null;
  detail: string | null;
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
  message_count: number;
  /** RabbitMQ sends `[]` when the message has no properties. */
  properties: Record<string, unknown> | [];
}

export interface PublishResult { routed: boolean }
