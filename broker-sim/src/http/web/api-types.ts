/**
 * The management API's JSON as the page reads it: the fields it uses, taken from the one contract
 * (../contract.ts) that broker-sim's handlers build and the kit's client reads, so a field renamed
 * there is a compile error here too. RabbitMQ sends counts and message_stats once its statistics
 * have been collected, and more fields on GET of one object, so the page treats those as optional.
 */
import type * as C from '../contract.ts';

export type {
  AckMode, BindingInfo, BrokerEventInfo, GotMessage, MessageStats, PublishResult, RateDetails, UnackedDelivery, WhoAmI,
} from '../contract.ts';

export type Overview = Pick<C.Overview,
  'management_version' | 'rabbitmq_version' | 'product_name' | 'product_version' | 'cluster_name' | 'node' | 'message_stats'>;

export type VhostInfo = Pick<C.VhostInfo, 'name'>;

export type QueueInfo = Pick<C.QueueInfo,
  'name' | 'vhost' | 'durable' | 'auto_delete' | 'exclusive' | 'arguments' | 'type' | 'consumers' | 'messages'
  | 'messages_ready' | 'messages_unacknowledged' | 'message_stats'>;

export type ExchangeInfo = Pick<C.ExchangeInfo, 'name' | 'vhost' | 'type' | 'durable' | 'message_stats'>;

export type ConsumerInfo = Pick<C.ConsumerInfo, 'consumer_tag' | 'ack_required' | 'prefetch_count' | 'active' | 'queue'> & {
  channel_details: Pick<C.ConsumerChannelDetails, 'name' | 'number' | 'connection_name'>;
};

export type ConnectionInfo = Pick<C.ConnectionInfo, 'name' | 'user_provided_name'> & Partial<Pick<C.ConnectionInfo, 'client_properties'>>;

export type ChannelInfo = Pick<C.ChannelInfo, 'name' | 'message_stats'> & Partial<Pick<C.ChannelInfo, 'messages_unacknowledged'>> & {
  connection_details: Pick<C.ChannelConnectionDetails, 'name'>;
};
