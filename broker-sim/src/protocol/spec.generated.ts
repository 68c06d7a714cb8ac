// generated — do not edit. Source: broker-sim/spec/amqp-rabbitmq-0.9.1.json, by broker-sim/scripts/generate-codec.ts
import type { FieldTable } from './field-table.ts';

/** Wire types of method arguments and content properties. */
export type WireType = 'bit' | 'octet' | 'short' | 'long' | 'longlong' | 'shortstr' | 'longstr' | 'timestamp' | 'table';

/** Reply codes and frame constants of AMQP 0-9-1. */
export const ReplyCode = {
  CONTENT_TOO_LARGE: 311,
  NO_ROUTE: 312,
  NO_CONSUMERS: 313,
  ACCESS_REFUSED: 403,
  NOT_FOUND: 404,
  RESOURCE_LOCKED: 405,
  PRECONDITION_FAILED: 406,
  CONNECTION_FORCED: 320,
  INVALID_PATH: 402,
  FRAME_ERROR: 501,
  SYNTAX_ERROR: 502,
  COMMAND_INVALID: 503,
  CHANNEL_ERROR: 504,
  UNEXPECTED_FRAME: 505,
  RESOURCE_ERROR: 506,
  NOT_ALLOWED: 530,
  NOT_IMPLEMENTED: 540,
  INTERNAL_ERROR: 541,
} as const;

/** Every method of 0-9-1 by its name, class.method. */
export type MethodName =
  | 'basic.qos'
  | 'basic.qos-ok'
  | 'basic.consume'
  | 'basic.consume-ok'
  | 'basic.cancel'
  | 'basic.cancel-ok'
  | 'basic.publish'
  | 'basic.return'
  | 'basic.deliver'
  | 'basic.get'
  | 'basic.get-ok'
  | 'basic.get-empty'
  | 'basic.ack'
  | 'basic.reject'
  | 'basic.recover-async'
  | 'basic.recover'
  | 'basic.recover-ok'
  | 'basic.nack'
  | 'connection.start'
  | 'connection.start-ok'
  | 'connection.secure'
  | 'connection.secure-ok'
  | 'connection.tune'
  | 'connection.tune-ok'
  | 'connection.open'
  | 'connection.open-ok'
  | 'connection.close'
  | 'connection.close-ok'
  | 'connection.blocked'
  | 'connection.unblocked'
  | 'connection.update-secret'
  | 'connection.update-secret-ok'
  | 'channel.open'
  | 'channel.open-ok'
  | 'channel.flow'
  | 'channel.flow-ok'
  | 'channel.close'
  | 'channel.close-ok'
  | 'access.request'
  | 'access.request-ok'
  | 'exchange.declare'
  | 'exchange.declare-ok'
  | 'exchange.delete'
  | 'exchange.delete-ok'
  | 'exchange.bind'
  | 'exchange.bind-ok'
  | 'exchange.unbind'
  | 'exchange.unbind-ok'
  | 'queue.declare'
  | 'queue.declare-ok'
  | 'queue.bind'
  | 'queue.bind-ok'
  | 'queue.purge'
  | 'queue.purge-ok'
  | 'queue.delete'
  | 'queue.delete-ok'
  | 'queue.unbind'
  | 'queue.unbind-ok'
  | 'tx.select'
  | 'tx.select-ok'
  | 'tx.commit'
  | 'tx.commit-ok'
  | 'tx.rollback'
  | 'tx.rollback-ok'
  | 'confirm.select'
  | 'confirm.select-ok';

/** The arguments of each method, named in camelCase after the spec. */
export interface MethodArgs {
  'basic.qos': { prefetchSize: number; prefetchCount: number; global: boolean };
  'basic.qos-ok': {  };
  'basic.consume': { ticket: number; queue: string; consumerTag: string; noLocal: boolean; noAck: boolean; exclusive: boolean; nowait: boolean; arguments: FieldTable };
  'basic.consume-ok': { consumerTag: string };
  'basic.cancel': { consumerTag: string; nowait: boolean };
  'basic.cancel-ok': { consumerTag: string };
  'basic.publish': { ticket: number; exchange: string; routingKey: string; mandatory: boolean; immediate: boolean };
  'basic.return': { replyCode: number; replyText: string; exchange: string; routingKey: string };
  'basic.deliver': { consumerTag: string; deliveryTag: number; redelivered: boolean; exchange: string; routingKey: string };
  'basic.get': { ticket: number; queue: string; noAck: boolean };
  'basic.get-ok': { deliveryTag: number; redelivered: boolean; exchange: string; routingKey: string; messageCount: number };
  'basic.get-empty': { clusterId: string };
  'basic.ack': { deliveryTag: number; multiple: boolean };
  'basic.reject': { deliveryTag: number; requeue: boolean };
  'basic.recover-async': { requeue: boolean };
  'basic.recover': { requeue: boolean };
  'basic.recover-ok': {  };
  'basic.nack': { deliveryTag: number; multiple: boolean; requeue: boolean };
  'connection.start': { versionMajor: number; versionMinor: number; serverProperties: FieldTable; mechanisms: Buffer | string; locales: Buffer | string };
  'connection.start-ok': { clientProperties: FieldTable; mechanism: string; response: Buffer | string; locale: string };
  'connection.secure': { challenge: Buffer | string };
  'connection.secure-ok': { response: Buffer | string };
  'connection.tune': { channelMax: number; frameMax: number; heartbeat: number };
  'connection.tune-ok': { channelMax: number; frameMax: number; heartbeat: number };
  'connection.open': { virtualHost: string; capabilities: string; insist: boolean };
  'connection.open-ok': { knownHosts: string };
  'connection.close': { replyCode: number; replyText: string; classId: number; methodId: number };
  'connection.close-ok': {  };
  'connection.blocked': { reason: string };
  'connection.unblocked': {  };
  'connection.update-secret': { newSecret: Buffer | string; reason: string };
  'connection.update-secret-ok': {  };
  'channel.open': { outOfBand: string };
  'channel.open-ok': { channelId: Buffer | string };
  'channel.flow': { active: boolean };
  'channel.flow-ok': { active: boolean };
  'channel.close': { replyCode: number; replyText: string; classId: number; methodId: number };
  'channel.close-ok': {  };
  'access.request': { realm: string; exclusive: boolean; passive: boolean; active: boolean; write: boolean; read: boolean };
  'access.request-ok': { ticket: number };
  'exchange.declare': { ticket: number; exchange: string; type: string; passive: boolean; durable: boolean; autoDelete: boolean; internal: boolean; nowait: boolean; arguments: FieldTable };
  'exchange.declare-ok': {  };
  'exchange.delete': { ticket: number; exchange: string; ifUnused: boolean; nowait: boolean };
  'exchange.delete-ok': {  };
  'exchange.bind': { ticket: number; destination: string; source: string; routingKey: string; nowait: boolean; arguments: FieldTable };
  'exchange.bind-ok': {  };
  'exchange.unbind': { ticket: number; destination: string; source: string; routingKey: string; nowait: boolean; arguments: FieldTable };
  'exchange.unbind-ok': {  };
  'queue.declare': { ticket: number; queue: string; passive: boolean; durable: boolean; exclusive: boolean; autoDelete: boolean; nowait: boolean; arguments: FieldTable };
  'queue.declare-ok': { queue: string; messageCount: number; consumerCount: number };
  'queue.bind': { ticket: number; queue: string; exchange: string; routingKey: string; nowait: boolean; arguments: FieldTable };
  'queue.bind-ok': {  };
  'queue.purge': { ticket: number; queue: string; nowait: boolean };
  'queue.purge-ok': { messageCount: number };
  'queue.delete': { ticket: number; queue: string; ifUnused: boolean; ifEmpty: boolean; nowait: boolean };
  'queue.delete-ok': { messageCount: number };
  'queue.unbind': { ticket: number; queue: string; exchange: string; routingKey: string; arguments: FieldTable };
  'queue.unbind-ok': {  };
  'tx.select': {  };
  'tx.select-ok': {  };
  'tx.commit': {  };
  'tx.commit-ok': {  };
  'tx.rollback': {  };
  'tx.rollback-ok': {  };
  'confirm.select': { nowait: boolean };
  'confirm.select-ok': {  };
}

/** One method: its name, ids, whether content follows it, and its arguments in wire order. */
export interface MethodSpec {
  name: MethodName; classId: number; methodId: number; content: boolean; synchronous: boolean;
  args: readonly { name: string; type: WireType; default: unknown }[];
}

export const METHODS: readonly MethodSpec[] = [
  { name: 'basic.qos', classId: 60, methodId: 10, content: false, synchronous: true,
    args: [{ name: 'prefetchSize', type: 'long', default: 0 }, { name: 'prefetchCount', type: 'short', default: 0 }, { name: 'global', type: 'bit', default: false }] },
  { name: 'basic.qos-ok', classId: 60, methodId: 11, content: false, synchronous: false,
    args: [] },
  { name: 'basic.consume', classId: 60, methodId: 20, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'queue', type: 'shortstr', default: "" }, { name: 'consumerTag', type: 'shortstr', default: "" }, { name: 'noLocal', type: 'bit', default: false }, { name: 'noAck', type: 'bit', default: false }, { name: 'exclusive', type: 'bit', default: false }, { name: 'nowait', type: 'bit', default: false }, { name: 'arguments', type: 'table', default: {} }] },
  { name: 'basic.consume-ok', classId: 60, methodId: 21, content: false, synchronous: false,
    args: [{ name: 'consumerTag', type: 'shortstr', default: "" }] },
  { name: 'basic.cancel', classId: 60, methodId: 30, content: false, synchronous: true,
    args: [{ name: 'consumerTag', type: 'shortstr', default: "" }, { name: 'nowait', type: 'bit', default: false }] },
  { name: 'basic.cancel-ok', classId: 60, methodId: 31, content: false, synchronous: false,
    args: [{ name: 'consumerTag', type: 'shortstr', default: "" }] },
  { name: 'basic.publish', classId: 60, methodId: 40, content: true, synchronous: false,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'exchange', type: 'shortstr', default: "" }, { name: 'routingKey', type: 'shortstr', default: "" }, { name: 'mandatory', type: 'bit', default: false }, { name: 'immediate', type: 'bit', default: false }] },
  { name: 'basic.return', classId: 60, methodId: 50, content: true, synchronous: false,
    args: [{ name: 'replyCode', type: 'short', default: 0 }, { name: 'replyText', type: 'shortstr', default: "" }, { name: 'exchange', type: 'shortstr', default: "" }, { name: 'routingKey', type: 'shortstr', default: "" }] },
  { name: 'basic.deliver', classId: 60, methodId: 60, content: true, synchronous: false,
    args: [{ name: 'consumerTag', type: 'shortstr', default: "" }, { name: 'deliveryTag', type: 'longlong', default: 0 }, { name: 'redelivered', type: 'bit', default: false }, { name: 'exchange', type: 'shortstr', default: "" }, { name: 'routingKey', type: 'shortstr', default: "" }] },
  { name: 'basic.get', classId: 60, methodId: 70, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'queue', type: 'shortstr', default: "" }, { name: 'noAck', type: 'bit', default: false }] },
  { name: 'basic.get-ok', classId: 60, methodId: 71, content: true, synchronous: false,
    args: [{ name: 'deliveryTag', type: 'longlong', default: 0 }, { name: 'redelivered', type: 'bit', default: false }, { name: 'exchange', type: 'shortstr', default: "" }, { name: 'routingKey', type: 'shortstr', default: "" }, { name: 'messageCount', type: 'long', default: 0 }] },
  { name: 'basic.get-empty', classId: 60, methodId: 72, content: false, synchronous: false,
    args: [{ name: 'clusterId', type: 'shortstr', default: "" }] },
  { name: 'basic.ack', classId: 60, methodId: 80, content: false, synchronous: false,
    args: [{ name: 'deliveryTag', type: 'longlong', default: 0 }, { name: 'multiple', type: 'bit', default: false }] },
  { name: 'basic.reject', classId: 60, methodId: 90, content: false, synchronous: false,
    args: [{ name: 'deliveryTag', type: 'longlong', default: 0 }, { name: 'requeue', type: 'bit', default: true }] },
  { name: 'basic.recover-async', classId: 60, methodId: 100, content: false, synchronous: false,
    args: [{ name: 'requeue', type: 'bit', default: false }] },
  { name: 'basic.recover', classId: 60, methodId: 110, content: false, synchronous: true,
    args: [{ name: 'requeue', type: 'bit', default: false }] },
  { name: 'basic.recover-ok', classId: 60, methodId: 111, content: false, synchronous: false,
    args: [] },
  { name: 'basic.nack', classId: 60, methodId: 120, content: false, synchronous: false,
    args: [{ name: 'deliveryTag', type: 'longlong', default: 0 }, { name: 'multiple', type: 'bit', default: false }, { name: 'requeue', type: 'bit', default: true }] },
  { name: 'connection.start', classId: 10, methodId: 10, content: false, synchronous: true,
    args: [{ name: 'versionMajor', type: 'octet', default: 0 }, { name: 'versionMinor', type: 'octet', default: 9 }, { name: 'serverProperties', type: 'table', default: {} }, { name: 'mechanisms', type: 'longstr', default: "PLAIN" }, { name: 'locales', type: 'longstr', default: "en_US" }] },
  { name: 'connection.start-ok', classId: 10, methodId: 11, content: false, synchronous: false,
    args: [{ name: 'clientProperties', type: 'table', default: {} }, { name: 'mechanism', type: 'shortstr', default: "PLAIN" }, { name: 'response', type: 'longstr', default: "" }, { name: 'locale', type: 'shortstr', default: "en_US" }] },
  { name: 'connection.secure', classId: 10, methodId: 20, content: false, synchronous: true,
    args: [{ name: 'challenge', type: 'longstr', default: "" }] },
  { name: 'connection.secure-ok', classId: 10, methodId: 21, content: false, synchronous: false,
    args: [{ name: 'response', type: 'longstr', default: "" }] },
  { name: 'connection.tune', classId: 10, methodId: 30, content: false, synchronous: true,
    args: [{ name: 'channelMax', type: 'short', default: 0 }, { name: 'frameMax', type: 'long', default: 0 }, { name: 'heartbeat', type: 'short', default: 0 }] },
  { name: 'connection.tune-ok', classId: 10, methodId: 31, content: false, synchronous: false,
    args: [{ name: 'channelMax', type: 'short', default: 0 }, { name: 'frameMax', type: 'long', default: 0 }, { name: 'heartbeat', type: 'short', default: 0 }] },
  { name: 'connection.open', classId: 10, methodId: 40, content: false, synchronous: true,
    args: [{ name: 'virtualHost', type: 'shortstr', default: "/" }, { name: 'capabilities', type: 'shortstr', default: "" }, { name: 'insist', type: 'bit', default: false }] },
  { name: 'connection.open-ok', classId: 10, methodId: 41, content: false, synchronous: false,
    args: [{ name: 'knownHosts', type: 'shortstr', default: "" }] },
  { name: 'connection.close', classId: 10, methodId: 50, content: false, synchronous: true,
    args: [{ name: 'replyCode', type: 'short', default: 0 }, { name: 'replyText', type: 'shortstr', default: "" }, { name: 'classId', type: 'short', default: 0 }, { name: 'methodId', type: 'short', default: 0 }] },
  { name: 'connection.close-ok', classId: 10, methodId: 51, content: false, synchronous: false,
    args: [] },
  { name: 'connection.blocked', classId: 10, methodId: 60, content: false, synchronous: false,
    args: [{ name: 'reason', type: 'shortstr', default: "" }] },
  { name: 'connection.unblocked', classId: 10, methodId: 61, content: false, synchronous: false,
    args: [] },
  { name: 'connection.update-secret', classId: 10, methodId: 70, content: false, synchronous: true,
    args: [{ name: 'newSecret', type: 'longstr', default: "" }, { name: 'reason', type: 'shortstr', default: "" }] },
  { name: 'connection.update-secret-ok', classId: 10, methodId: 71, content: false, synchronous: false,
    args: [] },
  { name: 'channel.open', classId: 20, methodId: 10, content: false, synchronous: true,
    args: [{ name: 'outOfBand', type: 'shortstr', default: "" }] },
  { name: 'channel.open-ok', classId: 20, methodId: 11, content: false, synchronous: false,
    args: [{ name: 'channelId', type: 'longstr', default: "" }] },
  { name: 'channel.flow', classId: 20, methodId: 20, content: false, synchronous: true,
    args: [{ name: 'active', type: 'bit', default: false }] },
  { name: 'channel.flow-ok', classId: 20, methodId: 21, content: false, synchronous: false,
    args: [{ name: 'active', type: 'bit', default: false }] },
  { name: 'channel.close', classId: 20, methodId: 40, content: false, synchronous: true,
    args: [{ name: 'replyCode', type: 'short', default: 0 }, { name: 'replyText', type: 'shortstr', default: "" }, { name: 'classId', type: 'short', default: 0 }, { name: 'methodId', type: 'short', default: 0 }] },
  { name: 'channel.close-ok', classId: 20, methodId: 41, content: false, synchronous: false,
    args: [] },
  { name: 'access.request', classId: 30, methodId: 10, content: false, synchronous: true,
    args: [{ name: 'realm', type: 'shortstr', default: "/data" }, { name: 'exclusive', type: 'bit', default: false }, { name: 'passive', type: 'bit', default: true }, { name: 'active', type: 'bit', default: true }, { name: 'write', type: 'bit', default: true }, { name: 'read', type: 'bit', default: true }] },
  { name: 'access.request-ok', classId: 30, methodId: 11, content: false, synchronous: false,
    args: [{ name: 'ticket', type: 'short', default: 1 }] },
  { name: 'exchange.declare', classId: 40, methodId: 10, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'exchange', type: 'shortstr', default: "" }, { name: 'type', type: 'shortstr', default: "direct" }, { name: 'passive', type: 'bit', default: false }, { name: 'durable', type: 'bit', default: false }, { name: 'autoDelete', type: 'bit', default: false }, { name: 'internal', type: 'bit', default: false }, { name: 'nowait', type: 'bit', default: false }, { name: 'arguments', type: 'table', default: {} }] },
  { name: 'exchange.declare-ok', classId: 40, methodId: 11, content: false, synchronous: false,
    args: [] },
  { name: 'exchange.delete', classId: 40, methodId: 20, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'exchange', type: 'shortstr', default: "" }, { name: 'ifUnused', type: 'bit', default: false }, { name: 'nowait', type: 'bit', default: false }] },
  { name: 'exchange.delete-ok', classId: 40, methodId: 21, content: false, synchronous: false,
    args: [] },
  { name: 'exchange.bind', classId: 40, methodId: 30, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'destination', type: 'shortstr', default: "" }, { name: 'source', type: 'shortstr', default: "" }, { name: 'routingKey', type: 'shortstr', default: "" }, { name: 'nowait', type: 'bit', default: false }, { name: 'arguments', type: 'table', default: {} }] },
  { name: 'exchange.bind-ok', classId: 40, methodId: 31, content: false, synchronous: false,
    args: [] },
  { name: 'exchange.unbind', classId: 40, methodId: 40, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'destination', type: 'shortstr', default: "" }, { name: 'source', type: 'shortstr', default: "" }, { name: 'routingKey', type: 'shortstr', default: "" }, { name: 'nowait', type: 'bit', default: false }, { name: 'arguments', type: 'table', default: {} }] },
  { name: 'exchange.unbind-ok', classId: 40, methodId: 51, content: false, synchronous: false,
    args: [] },
  { name: 'queue.declare', classId: 50, methodId: 10, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'queue', type: 'shortstr', default: "" }, { name: 'passive', type: 'bit', default: false }, { name: 'durable', type: 'bit', default: false }, { name: 'exclusive', type: 'bit', default: false }, { name: 'autoDelete', type: 'bit', default: false }, { name: 'nowait', type: 'bit', default: false }, { name: 'arguments', type: 'table', default: {} }] },
  { name: 'queue.declare-ok', classId: 50, methodId: 11, content: false, synchronous: false,
    args: [{ name: 'queue', type: 'shortstr', default: "" }, { name: 'messageCount', type: 'long', default: 0 }, { name: 'consumerCount', type: 'long', default: 0 }] },
  { name: 'queue.bind', classId: 50, methodId: 20, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'queue', type: 'shortstr', default: "" }, { name: 'exchange', type: 'shortstr', default: "" }, { name: 'routingKey', type: 'shortstr', default: "" }, { name: 'nowait', type: 'bit', default: false }, { name: 'arguments', type: 'table', default: {} }] },
  { name: 'queue.bind-ok', classId: 50, methodId: 21, content: false, synchronous: false,
    args: [] },
  { name: 'queue.purge', classId: 50, methodId: 30, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'queue', type: 'shortstr', default: "" }, { name: 'nowait', type: 'bit', default: false }] },
  { name: 'queue.purge-ok', classId: 50, methodId: 31, content: false, synchronous: false,
    args: [{ name: 'messageCount', type: 'long', default: 0 }] },
  { name: 'queue.delete', classId: 50, methodId: 40, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'queue', type: 'shortstr', default: "" }, { name: 'ifUnused', type: 'bit', default: false }, { name: 'ifEmpty', type: 'bit', default: false }, { name: 'nowait', type: 'bit', default: false }] },
  { name: 'queue.delete-ok', classId: 50, methodId: 41, content: false, synchronous: false,
    args: [{ name: 'messageCount', type: 'long', default: 0 }] },
  { name: 'queue.unbind', classId: 50, methodId: 50, content: false, synchronous: true,
    args: [{ name: 'ticket', type: 'short', default: 0 }, { name: 'queue', type: 'shortstr', default: "" }, { name: 'exchange', type: 'shortstr', default: "" }, { name: 'routingKey', type: 'shortstr', default: "" }, { name: 'arguments', type: 'table', default: {} }] },
  { name: 'queue.unbind-ok', classId: 50, methodId: 51, content: false, synchronous: false,
    args: [] },
  { name: 'tx.select', classId: 90, methodId: 10, content: false, synchronous: true,
    args: [] },
  { name: 'tx.select-ok', classId: 90, methodId: 11, content: false, synchronous: false,
    args: [] },
  { name: 'tx.commit', classId: 90, methodId: 20, content: false, synchronous: true,
    args: [] },
  { name: 'tx.commit-ok', classId: 90, methodId: 21, content: false, synchronous: false,
    args: [] },
  { name: 'tx.rollback', classId: 90, methodId: 30, content: false, synchronous: true,
    args: [] },
  { name: 'tx.rollback-ok', classId: 90, methodId: 31, content: false, synchronous: false,
    args: [] },
  { name: 'confirm.select', classId: 85, methodId: 10, content: false, synchronous: true,
    args: [{ name: 'nowait', type: 'bit', default: false }] },
  { name: 'confirm.select-ok', classId: 85, methodId: 11, content: false, synchronous: false,
    args: [] },
];

/** basic's content properties in flag order (bit 15 first). */
export const BASIC_PROPERTIES: readonly { name: string; type: WireType }[] = [
  { name: 'contentType', type: 'shortstr' },
  { name: 'contentEncoding', type: 'shortstr' },
  { name: 'headers', type: 'table' },
  { name: 'deliveryMode', type: 'octet' },
  { name: 'priority', type: 'octet' },
  { name: 'correlationId', type: 'shortstr' },
  { name: 'replyTo', type: 'shortstr' },
  { name: 'expiration', type: 'shortstr' },
  { name: 'messageId', type: 'shortstr' },
  { name: 'timestamp', type: 'timestamp' },
  { name: 'type', type: 'shortstr' },
  { name: 'userId', type: 'shortstr' },
  { name: 'appId', type: 'shortstr' },
  { name: 'clusterId', type: 'shortstr' },
];
