// generated — do not edit. Source: broker-sim/spec/amqp-rabbitmq-0.9.1.json, by
// broker-sim/scripts/generate-codec.ts (npm run generate).
/*
 * AMQP 0-9-1 methods: names, typed arguments, defaults, and a straight-line codec per method.
 *
 * Derived from the AMQP 0-9-1 specification as published by RabbitMQ, whose notice follows:
 *
 * Copyright (C) 2008-2020 VMware, Inc. or its affiliates.
 *
 * Permission is hereby granted, free of charge, to any person
 * obtaining a copy of this file (the "Software"), to deal in the
 * Software without restriction, including without limitation the
 * rights to use, copy, modify, merge, publish, distribute,
 * sublicense, and/or sell copies of the Software, and to permit
 * persons to whom the Software is furnished to do so, subject to
 * the following conditions:
 *
 * The above copyright notice and this permission notice shall be
 * included in all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
 * EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES
 * OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 * NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
 * HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
 * WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
 * FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
 * OTHER DEALINGS IN THE SOFTWARE.
 *
 * Class information entered from amqp_xml0-8.pdf and domain types from amqp-xml-doc0-9.pdf
 * Updated for 0-9-1 by Tony Garnock-Jones
 *
 * b3cb053f15e7b98808c0ccc67f23cb3e  amqp_xml0-8.pdf
 * http://twiststandards.org/?option=com_docman&task=cat_view&gid=28&Itemid=90
 * 8444db91e2949dbecfb2585e9eef6d64  amqp-xml-doc0-9.pdf
 * https://jira.amqp.org/confluence/download/attachments/720900/amqp-xml-doc0-9.pdf?version=1
 */
/* eslint-disable */
import { ProtocolError } from './errors.ts';
import { decodeTableRange, tableBytes, type FieldTable } from './field-table.ts';
import { longstrBytes, shortstrTooLong, truncated } from './primitives.ts';
import { ReplyCode } from './reply-codes.generated.ts';

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

/** The arguments of each method, named in camelCase after the spec. longstr decodes to a Buffer. */
export interface MethodArgs {
  'basic.qos': { prefetchSize: number; prefetchCount: number; global: boolean };
  'basic.qos-ok': {};
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
  'basic.recover-ok': {};
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
  'connection.close-ok': {};
  'connection.blocked': { reason: string };
  'connection.unblocked': {};
  'connection.update-secret': { newSecret: Buffer | string; reason: string };
  'connection.update-secret-ok': {};
  'channel.open': { outOfBand: string };
  'channel.open-ok': { channelId: Buffer | string };
  'channel.flow': { active: boolean };
  'channel.flow-ok': { active: boolean };
  'channel.close': { replyCode: number; replyText: string; classId: number; methodId: number };
  'channel.close-ok': {};
  'access.request': { realm: string; exclusive: boolean; passive: boolean; active: boolean; write: boolean; read: boolean };
  'access.request-ok': { ticket: number };
  'exchange.declare': { ticket: number; exchange: string; type: string; passive: boolean; durable: boolean; autoDelete: boolean; internal: boolean; nowait: boolean; arguments: FieldTable };
  'exchange.declare-ok': {};
  'exchange.delete': { ticket: number; exchange: string; ifUnused: boolean; nowait: boolean };
  'exchange.delete-ok': {};
  'exchange.bind': { ticket: number; destination: string; source: string; routingKey: string; nowait: boolean; arguments: FieldTable };
  'exchange.bind-ok': {};
  'exchange.unbind': { ticket: number; destination: string; source: string; routingKey: string; nowait: boolean; arguments: FieldTable };
  'exchange.unbind-ok': {};
  'queue.declare': { ticket: number; queue: string; passive: boolean; durable: boolean; exclusive: boolean; autoDelete: boolean; nowait: boolean; arguments: FieldTable };
  'queue.declare-ok': { queue: string; messageCount: number; consumerCount: number };
  'queue.bind': { ticket: number; queue: string; exchange: string; routingKey: string; nowait: boolean; arguments: FieldTable };
  'queue.bind-ok': {};
  'queue.purge': { ticket: number; queue: string; nowait: boolean };
  'queue.purge-ok': { messageCount: number };
  'queue.delete': { ticket: number; queue: string; ifUnused: boolean; ifEmpty: boolean; nowait: boolean };
  'queue.delete-ok': { messageCount: number };
  'queue.unbind': { ticket: number; queue: string; exchange: string; routingKey: string; arguments: FieldTable };
  'queue.unbind-ok': {};
  'tx.select': {};
  'tx.select-ok': {};
  'tx.commit': {};
  'tx.commit-ok': {};
  'tx.rollback': {};
  'tx.rollback-ok': {};
  'confirm.select': { nowait: boolean };
  'confirm.select-ok': {};
}

/** A method: its name, class and method ids, and its arguments. */
export type Method = { [K in MethodName]: { name: K; classId: number; methodId: number; args: MethodArgs[K] } }[MethodName];

/** Wire types of method arguments and content properties. */
export type WireType = 'bit' | 'octet' | 'short' | 'long' | 'longlong' | 'shortstr' | 'longstr' | 'timestamp' | 'table';

/** One method of the spec: ids, whether content follows it, whether it expects a reply, arguments in wire order. */
export interface MethodSpec {
  readonly name: MethodName; readonly classId: number; readonly methodId: number;
  readonly content: boolean; readonly synchronous: boolean;
  readonly args: readonly { readonly name: string; readonly type: WireType; readonly default: unknown }[];
}

/** Every method of the spec, in spec order (for tools and tests; the codec does not read it). */
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

/** Builds a method, filling every argument not given (or given as undefined) with the spec's default. */
export function method<K extends MethodName>(name: K, args: Partial<MethodArgs[K]> = {}): Method {
  switch (name as MethodName) {
    case 'basic.qos': {
      const a = args as Partial<MethodArgs['basic.qos']>;
      return { name: 'basic.qos', classId: 60, methodId: 10, args: { prefetchSize: a.prefetchSize ?? 0, prefetchCount: a.prefetchCount ?? 0, global: a.global ?? false } };
    }
    case 'basic.qos-ok': {
      return { name: 'basic.qos-ok', classId: 60, methodId: 11, args: {} };
    }
    case 'basic.consume': {
      const a = args as Partial<MethodArgs['basic.consume']>;
      return { name: 'basic.consume', classId: 60, methodId: 20, args: { ticket: a.ticket ?? 0, queue: a.queue ?? "", consumerTag: a.consumerTag ?? "", noLocal: a.noLocal ?? false, noAck: a.noAck ?? false, exclusive: a.exclusive ?? false, nowait: a.nowait ?? false, arguments: a.arguments ?? {} } };
    }
    case 'basic.consume-ok': {
      const a = args as Partial<MethodArgs['basic.consume-ok']>;
      return { name: 'basic.consume-ok', classId: 60, methodId: 21, args: { consumerTag: a.consumerTag ?? "" } };
    }
    case 'basic.cancel': {
      const a = args as Partial<MethodArgs['basic.cancel']>;
      return { name: 'basic.cancel', classId: 60, methodId: 30, args: { consumerTag: a.consumerTag ?? "", nowait: a.nowait ?? false } };
    }
    case 'basic.cancel-ok': {
      const a = args as Partial<MethodArgs['basic.cancel-ok']>;
      return { name: 'basic.cancel-ok', classId: 60, methodId: 31, args: { consumerTag: a.consumerTag ?? "" } };
    }
    case 'basic.publish': {
      const a = args as Partial<MethodArgs['basic.publish']>;
      return { name: 'basic.publish', classId: 60, methodId: 40, args: { ticket: a.ticket ?? 0, exchange: a.exchange ?? "", routingKey: a.routingKey ?? "", mandatory: a.mandatory ?? false, immediate: a.immediate ?? false } };
    }
    case 'basic.return': {
      const a = args as Partial<MethodArgs['basic.return']>;
      return { name: 'basic.return', classId: 60, methodId: 50, args: { replyCode: a.replyCode ?? 0, replyText: a.replyText ?? "", exchange: a.exchange ?? "", routingKey: a.routingKey ?? "" } };
    }
    case 'basic.deliver': {
      const a = args as Partial<MethodArgs['basic.deliver']>;
      return { name: 'basic.deliver', classId: 60, methodId: 60, args: { consumerTag: a.consumerTag ?? "", deliveryTag: a.deliveryTag ?? 0, redelivered: a.redelivered ?? false, exchange: a.exchange ?? "", routingKey: a.routingKey ?? "" } };
    }
    case 'basic.get': {
      const a = args as Partial<MethodArgs['basic.get']>;
      return { name: 'basic.get', classId: 60, methodId: 70, args: { ticket: a.ticket ?? 0, queue: a.queue ?? "", noAck: a.noAck ?? false } };
    }
    case 'basic.get-ok': {
      const a = args as Partial<MethodArgs['basic.get-ok']>;
      return { name: 'basic.get-ok', classId: 60, methodId: 71, args: { deliveryTag: a.deliveryTag ?? 0, redelivered: a.redelivered ?? false, exchange: a.exchange ?? "", routingKey: a.routingKey ?? "", messageCount: a.messageCount ?? 0 } };
    }
    case 'basic.get-empty': {
      const a = args as Partial<MethodArgs['basic.get-empty']>;
      return { name: 'basic.get-empty', classId: 60, methodId: 72, args: { clusterId: a.clusterId ?? "" } };
    }
    case 'basic.ack': {
      const a = args as Partial<MethodArgs['basic.ack']>;
      return { name: 'basic.ack', classId: 60, methodId: 80, args: { deliveryTag: a.deliveryTag ?? 0, multiple: a.multiple ?? false } };
    }
    case 'basic.reject': {
      const a = args as Partial<MethodArgs['basic.reject']>;
      return { name: 'basic.reject', classId: 60, methodId: 90, args: { deliveryTag: a.deliveryTag ?? 0, requeue: a.requeue ?? true } };
    }
    case 'basic.recover-async': {
      const a = args as Partial<MethodArgs['basic.recover-async']>;
      return { name: 'basic.recover-async', classId: 60, methodId: 100, args: { requeue: a.requeue ?? false } };
    }
    case 'basic.recover': {
      const a = args as Partial<MethodArgs['basic.recover']>;
      return { name: 'basic.recover', classId: 60, methodId: 110, args: { requeue: a.requeue ?? false } };
    }
    case 'basic.recover-ok': {
      return { name: 'basic.recover-ok', classId: 60, methodId: 111, args: {} };
    }
    case 'basic.nack': {
      const a = args as Partial<MethodArgs['basic.nack']>;
      return { name: 'basic.nack', classId: 60, methodId: 120, args: { deliveryTag: a.deliveryTag ?? 0, multiple: a.multiple ?? false, requeue: a.requeue ?? true } };
    }
    case 'connection.start': {
      const a = args as Partial<MethodArgs['connection.start']>;
      return { name: 'connection.start', classId: 10, methodId: 10, args: { versionMajor: a.versionMajor ?? 0, versionMinor: a.versionMinor ?? 9, serverProperties: a.serverProperties ?? {}, mechanisms: a.mechanisms ?? "PLAIN", locales: a.locales ?? "en_US" } };
    }
    case 'connection.start-ok': {
      const a = args as Partial<MethodArgs['connection.start-ok']>;
      return { name: 'connection.start-ok', classId: 10, methodId: 11, args: { clientProperties: a.clientProperties ?? {}, mechanism: a.mechanism ?? "PLAIN", response: a.response ?? "", locale: a.locale ?? "en_US" } };
    }
    case 'connection.secure': {
      const a = args as Partial<MethodArgs['connection.secure']>;
      return { name: 'connection.secure', classId: 10, methodId: 20, args: { challenge: a.challenge ?? "" } };
    }
    case 'connection.secure-ok': {
      const a = args as Partial<MethodArgs['connection.secure-ok']>;
      return { name: 'connection.secure-ok', classId: 10, methodId: 21, args: { response: a.response ?? "" } };
    }
    case 'connection.tune': {
      const a = args as Partial<MethodArgs['connection.tune']>;
      return { name: 'connection.tune', classId: 10, methodId: 30, args: { channelMax: a.channelMax ?? 0, frameMax: a.frameMax ?? 0, heartbeat: a.heartbeat ?? 0 } };
    }
    case 'connection.tune-ok': {
      const a = args as Partial<MethodArgs['connection.tune-ok']>;
      return { name: 'connection.tune-ok', classId: 10, methodId: 31, args: { channelMax: a.channelMax ?? 0, frameMax: a.frameMax ?? 0, heartbeat: a.heartbeat ?? 0 } };
    }
    case 'connection.open': {
      const a = args as Partial<MethodArgs['connection.open']>;
      return { name: 'connection.open', classId: 10, methodId: 40, args: { virtualHost: a.virtualHost ?? "/", capabilities: a.capabilities ?? "", insist: a.insist ?? false } };
    }
    case 'connection.open-ok': {
      const a = args as Partial<MethodArgs['connection.open-ok']>;
      return { name: 'connection.open-ok', classId: 10, methodId: 41, args: { knownHosts: a.knownHosts ?? "" } };
    }
    case 'connection.close': {
      const a = args as Partial<MethodArgs['connection.close']>;
      return { name: 'connection.close', classId: 10, methodId: 50, args: { replyCode: a.replyCode ?? 0, replyText: a.replyText ?? "", classId: a.classId ?? 0, methodId: a.methodId ?? 0 } };
    }
    case 'connection.close-ok': {
      return { name: 'connection.close-ok', classId: 10, methodId: 51, args: {} };
    }
    case 'connection.blocked': {
      const a = args as Partial<MethodArgs['connection.blocked']>;
      return { name: 'connection.blocked', classId: 10, methodId: 60, args: { reason: a.reason ?? "" } };
    }
    case 'connection.unblocked': {
      return { name: 'connection.unblocked', classId: 10, methodId: 61, args: {} };
    }
    case 'connection.update-secret': {
      const a = args as Partial<MethodArgs['connection.update-secret']>;
      return { name: 'connection.update-secret', classId: 10, methodId: 70, args: { newSecret: a.newSecret ?? "", reason: a.reason ?? "" } };
    }
    case 'connection.update-secret-ok': {
      return { name: 'connection.update-secret-ok', classId: 10, methodId: 71, args: {} };
    }
    case 'channel.open': {
      const a = args as Partial<MethodArgs['channel.open']>;
      return { name: 'channel.open', classId: 20, methodId: 10, args: { outOfBand: a.outOfBand ?? "" } };
    }
    case 'channel.open-ok': {
      const a = args as Partial<MethodArgs['channel.open-ok']>;
      return { name: 'channel.open-ok', classId: 20, methodId: 11, args: { channelId: a.channelId ?? "" } };
    }
    case 'channel.flow': {
      const a = args as Partial<MethodArgs['channel.flow']>;
      return { name: 'channel.flow', classId: 20, methodId: 20, args: { active: a.active ?? false } };
    }
    case 'channel.flow-ok': {
      const a = args as Partial<MethodArgs['channel.flow-ok']>;
      return { name: 'channel.flow-ok', classId: 20, methodId: 21, args: { active: a.active ?? false } };
    }
    case 'channel.close': {
      const a = args as Partial<MethodArgs['channel.close']>;
      return { name: 'channel.close', classId: 20, methodId: 40, args: { replyCode: a.replyCode ?? 0, replyText: a.replyText ?? "", classId: a.classId ?? 0, methodId: a.methodId ?? 0 } };
    }
    case 'channel.close-ok': {
      return { name: 'channel.close-ok', classId: 20, methodId: 41, args: {} };
    }
    case 'access.request': {
      const a = args as Partial<MethodArgs['access.request']>;
      return { name: 'access.request', classId: 30, methodId: 10, args: { realm: a.realm ?? "/data", exclusive: a.exclusive ?? false, passive: a.passive ?? true, active: a.active ?? true, write: a.write ?? true, read: a.read ?? true } };
    }
    case 'access.request-ok': {
      const a = args as Partial<MethodArgs['access.request-ok']>;
      return { name: 'access.request-ok', classId: 30, methodId: 11, args: { ticket: a.ticket ?? 1 } };
    }
    case 'exchange.declare': {
      const a = args as Partial<MethodArgs['exchange.declare']>;
      return { name: 'exchange.declare', classId: 40, methodId: 10, args: { ticket: a.ticket ?? 0, exchange: a.exchange ?? "", type: a.type ?? "direct", passive: a.passive ?? false, durable: a.durable ?? false, autoDelete: a.autoDelete ?? false, internal: a.internal ?? false, nowait: a.nowait ?? false, arguments: a.arguments ?? {} } };
    }
    case 'exchange.declare-ok': {
      return { name: 'exchange.declare-ok', classId: 40, methodId: 11, args: {} };
    }
    case 'exchange.delete': {
      const a = args as Partial<MethodArgs['exchange.delete']>;
      return { name: 'exchange.delete', classId: 40, methodId: 20, args: { ticket: a.ticket ?? 0, exchange: a.exchange ?? "", ifUnused: a.ifUnused ?? false, nowait: a.nowait ?? false } };
    }
    case 'exchange.delete-ok': {
      return { name: 'exchange.delete-ok', classId: 40, methodId: 21, args: {} };
    }
    case 'exchange.bind': {
      const a = args as Partial<MethodArgs['exchange.bind']>;
      return { name: 'exchange.bind', classId: 40, methodId: 30, args: { ticket: a.ticket ?? 0, destination: a.destination ?? "", source: a.source ?? "", routingKey: a.routingKey ?? "", nowait: a.nowait ?? false, arguments: a.arguments ?? {} } };
    }
    case 'exchange.bind-ok': {
      return { name: 'exchange.bind-ok', classId: 40, methodId: 31, args: {} };
    }
    case 'exchange.unbind': {
      const a = args as Partial<MethodArgs['exchange.unbind']>;
      return { name: 'exchange.unbind', classId: 40, methodId: 40, args: { ticket: a.ticket ?? 0, destination: a.destination ?? "", source: a.source ?? "", routingKey: a.routingKey ?? "", nowait: a.nowait ?? false, arguments: a.arguments ?? {} } };
    }
    case 'exchange.unbind-ok': {
      return { name: 'exchange.unbind-ok', classId: 40, methodId: 51, args: {} };
    }
    case 'queue.declare': {
      const a = args as Partial<MethodArgs['queue.declare']>;
      return { name: 'queue.declare', classId: 50, methodId: 10, args: { ticket: a.ticket ?? 0, queue: a.queue ?? "", passive: a.passive ?? false, durable: a.durable ?? false, exclusive: a.exclusive ?? false, autoDelete: a.autoDelete ?? false, nowait: a.nowait ?? false, arguments: a.arguments ?? {} } };
    }
    case 'queue.declare-ok': {
      const a = args as Partial<MethodArgs['queue.declare-ok']>;
      return { name: 'queue.declare-ok', classId: 50, methodId: 11, args: { queue: a.queue ?? "", messageCount: a.messageCount ?? 0, consumerCount: a.consumerCount ?? 0 } };
    }
    case 'queue.bind': {
      const a = args as Partial<MethodArgs['queue.bind']>;
      return { name: 'queue.bind', classId: 50, methodId: 20, args: { ticket: a.ticket ?? 0, queue: a.queue ?? "", exchange: a.exchange ?? "", routingKey: a.routingKey ?? "", nowait: a.nowait ?? false, arguments: a.arguments ?? {} } };
    }
    case 'queue.bind-ok': {
      return { name: 'queue.bind-ok', classId: 50, methodId: 21, args: {} };
    }
    case 'queue.purge': {
      const a = args as Partial<MethodArgs['queue.purge']>;
      return { name: 'queue.purge', classId: 50, methodId: 30, args: { ticket: a.ticket ?? 0, queue: a.queue ?? "", nowait: a.nowait ?? false } };
    }
    case 'queue.purge-ok': {
      const a = args as Partial<MethodArgs['queue.purge-ok']>;
      return { name: 'queue.purge-ok', classId: 50, methodId: 31, args: { messageCount: a.messageCount ?? 0 } };
    }
    case 'queue.delete': {
      const a = args as Partial<MethodArgs['queue.delete']>;
      return { name: 'queue.delete', classId: 50, methodId: 40, args: { ticket: a.ticket ?? 0, queue: a.queue ?? "", ifUnused: a.ifUnused ?? false, ifEmpty: a.ifEmpty ?? false, nowait: a.nowait ?? false } };
    }
    case 'queue.delete-ok': {
      const a = args as Partial<MethodArgs['queue.delete-ok']>;
      return { name: 'queue.delete-ok', classId: 50, methodId: 41, args: { messageCount: a.messageCount ?? 0 } };
    }
    case 'queue.unbind': {
      const a = args as Partial<MethodArgs['queue.unbind']>;
      return { name: 'queue.unbind', classId: 50, methodId: 50, args: { ticket: a.ticket ?? 0, queue: a.queue ?? "", exchange: a.exchange ?? "", routingKey: a.routingKey ?? "", arguments: a.arguments ?? {} } };
    }
    case 'queue.unbind-ok': {
      return { name: 'queue.unbind-ok', classId: 50, methodId: 51, args: {} };
    }
    case 'tx.select': {
      return { name: 'tx.select', classId: 90, methodId: 10, args: {} };
    }
    case 'tx.select-ok': {
      return { name: 'tx.select-ok', classId: 90, methodId: 11, args: {} };
    }
    case 'tx.commit': {
      return { name: 'tx.commit', classId: 90, methodId: 20, args: {} };
    }
    case 'tx.commit-ok': {
      return { name: 'tx.commit-ok', classId: 90, methodId: 21, args: {} };
    }
    case 'tx.rollback': {
      return { name: 'tx.rollback', classId: 90, methodId: 30, args: {} };
    }
    case 'tx.rollback-ok': {
      return { name: 'tx.rollback-ok', classId: 90, methodId: 31, args: {} };
    }
    case 'confirm.select': {
      const a = args as Partial<MethodArgs['confirm.select']>;
      return { name: 'confirm.select', classId: 85, methodId: 10, args: { nowait: a.nowait ?? false } };
    }
    case 'confirm.select-ok': {
      return { name: 'confirm.select-ok', classId: 85, methodId: 11, args: {} };
    }
    default: throw new RangeError(`unknown method ${String(name)}`);
  }
}

function encodeBasicQos(ch: number, a: MethodArgs['basic.qos'], tail: number): Buffer {
  const size = 11;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 10;
  let o = 11;
  { const x = a.prefetchSize; b[o] = x >>> 24; b[o + 1] = x >>> 16; b[o + 2] = x >>> 8; b[o + 3] = x; o += 4; }
  { const x = a.prefetchCount; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = (a.global ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeBasicQosOk(ch: number, a: MethodArgs['basic.qos-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 11;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeBasicConsume(ch: number, a: MethodArgs['basic.consume'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.queue);
  if (n0 > 255) shortstrTooLong('basic.consume', 'queue', n0);
  const n1 = Buffer.byteLength(a.consumerTag);
  if (n1 > 255) shortstrTooLong('basic.consume', 'consumerTag', n1);
  const x2 = tableBytes(a.arguments);
  const size = 9 + n0 + n1 + x2.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 20;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.queue, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.consumerTag, o, 'utf8'); o += n1;
  b[o++] = (a.noLocal ? 1 : 0) | (a.noAck ? 2 : 0) | (a.exclusive ? 4 : 0) | (a.nowait ? 8 : 0);
  x2.copy(b, o); o += x2.length;
  b[o] = 0xce;
  return b;
}

function encodeBasicConsumeOk(ch: number, a: MethodArgs['basic.consume-ok'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.consumerTag);
  if (n0 > 255) shortstrTooLong('basic.consume-ok', 'consumerTag', n0);
  const size = 5 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 21;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.consumerTag, o, 'utf8'); o += n0;
  b[o] = 0xce;
  return b;
}

function encodeBasicCancel(ch: number, a: MethodArgs['basic.cancel'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.consumerTag);
  if (n0 > 255) shortstrTooLong('basic.cancel', 'consumerTag', n0);
  const size = 6 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 30;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.consumerTag, o, 'utf8'); o += n0;
  b[o++] = (a.nowait ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeBasicCancelOk(ch: number, a: MethodArgs['basic.cancel-ok'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.consumerTag);
  if (n0 > 255) shortstrTooLong('basic.cancel-ok', 'consumerTag', n0);
  const size = 5 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 31;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.consumerTag, o, 'utf8'); o += n0;
  b[o] = 0xce;
  return b;
}

function encodeBasicPublish(ch: number, a: MethodArgs['basic.publish'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.exchange);
  if (n0 > 255) shortstrTooLong('basic.publish', 'exchange', n0);
  const n1 = Buffer.byteLength(a.routingKey);
  if (n1 > 255) shortstrTooLong('basic.publish', 'routingKey', n1);
  const size = 9 + n0 + n1;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 40;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.exchange, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.routingKey, o, 'utf8'); o += n1;
  b[o++] = (a.mandatory ? 1 : 0) | (a.immediate ? 2 : 0);
  b[o] = 0xce;
  return b;
}

function encodeBasicReturn(ch: number, a: MethodArgs['basic.return'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.replyText);
  if (n0 > 255) shortstrTooLong('basic.return', 'replyText', n0);
  const n1 = Buffer.byteLength(a.exchange);
  if (n1 > 255) shortstrTooLong('basic.return', 'exchange', n1);
  const n2 = Buffer.byteLength(a.routingKey);
  if (n2 > 255) shortstrTooLong('basic.return', 'routingKey', n2);
  const size = 9 + n0 + n1 + n2;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 50;
  let o = 11;
  { const x = a.replyCode; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.replyText, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.exchange, o, 'utf8'); o += n1;
  b[o++] = n2; if (n2 > 0) b.write(a.routingKey, o, 'utf8'); o += n2;
  b[o] = 0xce;
  return b;
}

function encodeBasicDeliver(ch: number, a: MethodArgs['basic.deliver'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.consumerTag);
  if (n0 > 255) shortstrTooLong('basic.deliver', 'consumerTag', n0);
  const n1 = Buffer.byteLength(a.exchange);
  if (n1 > 255) shortstrTooLong('basic.deliver', 'exchange', n1);
  const n2 = Buffer.byteLength(a.routingKey);
  if (n2 > 255) shortstrTooLong('basic.deliver', 'routingKey', n2);
  const size = 16 + n0 + n1 + n2;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 60;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.consumerTag, o, 'utf8'); o += n0;
  { const x = a.deliveryTag; const hi = Math.floor(x / 4294967296); b[o] = hi >>> 24; b[o + 1] = hi >>> 16; b[o + 2] = hi >>> 8; b[o + 3] = hi; o += 4; const lo = x >>> 0; b[o] = lo >>> 24; b[o + 1] = lo >>> 16; b[o + 2] = lo >>> 8; b[o + 3] = lo; o += 4; }
  b[o++] = (a.redelivered ? 1 : 0);
  b[o++] = n1; if (n1 > 0) b.write(a.exchange, o, 'utf8'); o += n1;
  b[o++] = n2; if (n2 > 0) b.write(a.routingKey, o, 'utf8'); o += n2;
  b[o] = 0xce;
  return b;
}

function encodeBasicGet(ch: number, a: MethodArgs['basic.get'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.queue);
  if (n0 > 255) shortstrTooLong('basic.get', 'queue', n0);
  const size = 8 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 70;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.queue, o, 'utf8'); o += n0;
  b[o++] = (a.noAck ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeBasicGetOk(ch: number, a: MethodArgs['basic.get-ok'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.exchange);
  if (n0 > 255) shortstrTooLong('basic.get-ok', 'exchange', n0);
  const n1 = Buffer.byteLength(a.routingKey);
  if (n1 > 255) shortstrTooLong('basic.get-ok', 'routingKey', n1);
  const size = 19 + n0 + n1;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 71;
  let o = 11;
  { const x = a.deliveryTag; const hi = Math.floor(x / 4294967296); b[o] = hi >>> 24; b[o + 1] = hi >>> 16; b[o + 2] = hi >>> 8; b[o + 3] = hi; o += 4; const lo = x >>> 0; b[o] = lo >>> 24; b[o + 1] = lo >>> 16; b[o + 2] = lo >>> 8; b[o + 3] = lo; o += 4; }
  b[o++] = (a.redelivered ? 1 : 0);
  b[o++] = n0; if (n0 > 0) b.write(a.exchange, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.routingKey, o, 'utf8'); o += n1;
  { const x = a.messageCount; b[o] = x >>> 24; b[o + 1] = x >>> 16; b[o + 2] = x >>> 8; b[o + 3] = x; o += 4; }
  b[o] = 0xce;
  return b;
}

function encodeBasicGetEmpty(ch: number, a: MethodArgs['basic.get-empty'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.clusterId);
  if (n0 > 255) shortstrTooLong('basic.get-empty', 'clusterId', n0);
  const size = 5 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 72;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.clusterId, o, 'utf8'); o += n0;
  b[o] = 0xce;
  return b;
}

function encodeBasicAck(ch: number, a: MethodArgs['basic.ack'], tail: number): Buffer {
  const size = 13;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 80;
  let o = 11;
  { const x = a.deliveryTag; const hi = Math.floor(x / 4294967296); b[o] = hi >>> 24; b[o + 1] = hi >>> 16; b[o + 2] = hi >>> 8; b[o + 3] = hi; o += 4; const lo = x >>> 0; b[o] = lo >>> 24; b[o + 1] = lo >>> 16; b[o + 2] = lo >>> 8; b[o + 3] = lo; o += 4; }
  b[o++] = (a.multiple ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeBasicReject(ch: number, a: MethodArgs['basic.reject'], tail: number): Buffer {
  const size = 13;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 90;
  let o = 11;
  { const x = a.deliveryTag; const hi = Math.floor(x / 4294967296); b[o] = hi >>> 24; b[o + 1] = hi >>> 16; b[o + 2] = hi >>> 8; b[o + 3] = hi; o += 4; const lo = x >>> 0; b[o] = lo >>> 24; b[o + 1] = lo >>> 16; b[o + 2] = lo >>> 8; b[o + 3] = lo; o += 4; }
  b[o++] = (a.requeue ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeBasicRecoverAsync(ch: number, a: MethodArgs['basic.recover-async'], tail: number): Buffer {
  const size = 5;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 100;
  let o = 11;
  b[o++] = (a.requeue ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeBasicRecover(ch: number, a: MethodArgs['basic.recover'], tail: number): Buffer {
  const size = 5;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 110;
  let o = 11;
  b[o++] = (a.requeue ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeBasicRecoverOk(ch: number, a: MethodArgs['basic.recover-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 111;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeBasicNack(ch: number, a: MethodArgs['basic.nack'], tail: number): Buffer {
  const size = 13;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 60; b[9] = 0; b[10] = 120;
  let o = 11;
  { const x = a.deliveryTag; const hi = Math.floor(x / 4294967296); b[o] = hi >>> 24; b[o + 1] = hi >>> 16; b[o + 2] = hi >>> 8; b[o + 3] = hi; o += 4; const lo = x >>> 0; b[o] = lo >>> 24; b[o + 1] = lo >>> 16; b[o + 2] = lo >>> 8; b[o + 3] = lo; o += 4; }
  b[o++] = (a.multiple ? 1 : 0) | (a.requeue ? 2 : 0);
  b[o] = 0xce;
  return b;
}

function encodeConnectionStart(ch: number, a: MethodArgs['connection.start'], tail: number): Buffer {
  const x0 = tableBytes(a.serverProperties);
  const x1 = longstrBytes(a.mechanisms);
  const x2 = longstrBytes(a.locales);
  const size = 14 + x0.length + x1.length + x2.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 10;
  let o = 11;
  b[o++] = a.versionMajor;
  b[o++] = a.versionMinor;
  x0.copy(b, o); o += x0.length;
  { const n = x1.length; b[o] = n >>> 24; b[o + 1] = n >>> 16; b[o + 2] = n >>> 8; b[o + 3] = n; o += 4; x1.copy(b, o); o += n; }
  { const n = x2.length; b[o] = n >>> 24; b[o + 1] = n >>> 16; b[o + 2] = n >>> 8; b[o + 3] = n; o += 4; x2.copy(b, o); o += n; }
  b[o] = 0xce;
  return b;
}

function encodeConnectionStartOk(ch: number, a: MethodArgs['connection.start-ok'], tail: number): Buffer {
  const x0 = tableBytes(a.clientProperties);
  const n1 = Buffer.byteLength(a.mechanism);
  if (n1 > 255) shortstrTooLong('connection.start-ok', 'mechanism', n1);
  const x2 = longstrBytes(a.response);
  const n3 = Buffer.byteLength(a.locale);
  if (n3 > 255) shortstrTooLong('connection.start-ok', 'locale', n3);
  const size = 10 + x0.length + n1 + x2.length + n3;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 11;
  let o = 11;
  x0.copy(b, o); o += x0.length;
  b[o++] = n1; if (n1 > 0) b.write(a.mechanism, o, 'utf8'); o += n1;
  { const n = x2.length; b[o] = n >>> 24; b[o + 1] = n >>> 16; b[o + 2] = n >>> 8; b[o + 3] = n; o += 4; x2.copy(b, o); o += n; }
  b[o++] = n3; if (n3 > 0) b.write(a.locale, o, 'utf8'); o += n3;
  b[o] = 0xce;
  return b;
}

function encodeConnectionSecure(ch: number, a: MethodArgs['connection.secure'], tail: number): Buffer {
  const x0 = longstrBytes(a.challenge);
  const size = 8 + x0.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 20;
  let o = 11;
  { const n = x0.length; b[o] = n >>> 24; b[o + 1] = n >>> 16; b[o + 2] = n >>> 8; b[o + 3] = n; o += 4; x0.copy(b, o); o += n; }
  b[o] = 0xce;
  return b;
}

function encodeConnectionSecureOk(ch: number, a: MethodArgs['connection.secure-ok'], tail: number): Buffer {
  const x0 = longstrBytes(a.response);
  const size = 8 + x0.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 21;
  let o = 11;
  { const n = x0.length; b[o] = n >>> 24; b[o + 1] = n >>> 16; b[o + 2] = n >>> 8; b[o + 3] = n; o += 4; x0.copy(b, o); o += n; }
  b[o] = 0xce;
  return b;
}

function encodeConnectionTune(ch: number, a: MethodArgs['connection.tune'], tail: number): Buffer {
  const size = 12;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 30;
  let o = 11;
  { const x = a.channelMax; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  { const x = a.frameMax; b[o] = x >>> 24; b[o + 1] = x >>> 16; b[o + 2] = x >>> 8; b[o + 3] = x; o += 4; }
  { const x = a.heartbeat; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o] = 0xce;
  return b;
}

function encodeConnectionTuneOk(ch: number, a: MethodArgs['connection.tune-ok'], tail: number): Buffer {
  const size = 12;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 31;
  let o = 11;
  { const x = a.channelMax; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  { const x = a.frameMax; b[o] = x >>> 24; b[o + 1] = x >>> 16; b[o + 2] = x >>> 8; b[o + 3] = x; o += 4; }
  { const x = a.heartbeat; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o] = 0xce;
  return b;
}

function encodeConnectionOpen(ch: number, a: MethodArgs['connection.open'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.virtualHost);
  if (n0 > 255) shortstrTooLong('connection.open', 'virtualHost', n0);
  const n1 = Buffer.byteLength(a.capabilities);
  if (n1 > 255) shortstrTooLong('connection.open', 'capabilities', n1);
  const size = 7 + n0 + n1;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 40;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.virtualHost, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.capabilities, o, 'utf8'); o += n1;
  b[o++] = (a.insist ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeConnectionOpenOk(ch: number, a: MethodArgs['connection.open-ok'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.knownHosts);
  if (n0 > 255) shortstrTooLong('connection.open-ok', 'knownHosts', n0);
  const size = 5 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 41;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.knownHosts, o, 'utf8'); o += n0;
  b[o] = 0xce;
  return b;
}

function encodeConnectionClose(ch: number, a: MethodArgs['connection.close'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.replyText);
  if (n0 > 255) shortstrTooLong('connection.close', 'replyText', n0);
  const size = 11 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 50;
  let o = 11;
  { const x = a.replyCode; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.replyText, o, 'utf8'); o += n0;
  { const x = a.classId; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  { const x = a.methodId; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o] = 0xce;
  return b;
}

function encodeConnectionCloseOk(ch: number, a: MethodArgs['connection.close-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 51;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeConnectionBlocked(ch: number, a: MethodArgs['connection.blocked'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.reason);
  if (n0 > 255) shortstrTooLong('connection.blocked', 'reason', n0);
  const size = 5 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 60;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.reason, o, 'utf8'); o += n0;
  b[o] = 0xce;
  return b;
}

function encodeConnectionUnblocked(ch: number, a: MethodArgs['connection.unblocked'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 61;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeConnectionUpdateSecret(ch: number, a: MethodArgs['connection.update-secret'], tail: number): Buffer {
  const x0 = longstrBytes(a.newSecret);
  const n1 = Buffer.byteLength(a.reason);
  if (n1 > 255) shortstrTooLong('connection.update-secret', 'reason', n1);
  const size = 9 + x0.length + n1;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 70;
  let o = 11;
  { const n = x0.length; b[o] = n >>> 24; b[o + 1] = n >>> 16; b[o + 2] = n >>> 8; b[o + 3] = n; o += 4; x0.copy(b, o); o += n; }
  b[o++] = n1; if (n1 > 0) b.write(a.reason, o, 'utf8'); o += n1;
  b[o] = 0xce;
  return b;
}

function encodeConnectionUpdateSecretOk(ch: number, a: MethodArgs['connection.update-secret-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 10; b[9] = 0; b[10] = 71;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeChannelOpen(ch: number, a: MethodArgs['channel.open'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.outOfBand);
  if (n0 > 255) shortstrTooLong('channel.open', 'outOfBand', n0);
  const size = 5 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 20; b[9] = 0; b[10] = 10;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.outOfBand, o, 'utf8'); o += n0;
  b[o] = 0xce;
  return b;
}

function encodeChannelOpenOk(ch: number, a: MethodArgs['channel.open-ok'], tail: number): Buffer {
  const x0 = longstrBytes(a.channelId);
  const size = 8 + x0.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 20; b[9] = 0; b[10] = 11;
  let o = 11;
  { const n = x0.length; b[o] = n >>> 24; b[o + 1] = n >>> 16; b[o + 2] = n >>> 8; b[o + 3] = n; o += 4; x0.copy(b, o); o += n; }
  b[o] = 0xce;
  return b;
}

function encodeChannelFlow(ch: number, a: MethodArgs['channel.flow'], tail: number): Buffer {
  const size = 5;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 20; b[9] = 0; b[10] = 20;
  let o = 11;
  b[o++] = (a.active ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeChannelFlowOk(ch: number, a: MethodArgs['channel.flow-ok'], tail: number): Buffer {
  const size = 5;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 20; b[9] = 0; b[10] = 21;
  let o = 11;
  b[o++] = (a.active ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeChannelClose(ch: number, a: MethodArgs['channel.close'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.replyText);
  if (n0 > 255) shortstrTooLong('channel.close', 'replyText', n0);
  const size = 11 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 20; b[9] = 0; b[10] = 40;
  let o = 11;
  { const x = a.replyCode; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.replyText, o, 'utf8'); o += n0;
  { const x = a.classId; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  { const x = a.methodId; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o] = 0xce;
  return b;
}

function encodeChannelCloseOk(ch: number, a: MethodArgs['channel.close-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 20; b[9] = 0; b[10] = 41;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeAccessRequest(ch: number, a: MethodArgs['access.request'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.realm);
  if (n0 > 255) shortstrTooLong('access.request', 'realm', n0);
  const size = 6 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 30; b[9] = 0; b[10] = 10;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.realm, o, 'utf8'); o += n0;
  b[o++] = (a.exclusive ? 1 : 0) | (a.passive ? 2 : 0) | (a.active ? 4 : 0) | (a.write ? 8 : 0) | (a.read ? 16 : 0);
  b[o] = 0xce;
  return b;
}

function encodeAccessRequestOk(ch: number, a: MethodArgs['access.request-ok'], tail: number): Buffer {
  const size = 6;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 30; b[9] = 0; b[10] = 11;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o] = 0xce;
  return b;
}

function encodeExchangeDeclare(ch: number, a: MethodArgs['exchange.declare'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.exchange);
  if (n0 > 255) shortstrTooLong('exchange.declare', 'exchange', n0);
  const n1 = Buffer.byteLength(a.type);
  if (n1 > 255) shortstrTooLong('exchange.declare', 'type', n1);
  const x2 = tableBytes(a.arguments);
  const size = 9 + n0 + n1 + x2.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 40; b[9] = 0; b[10] = 10;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.exchange, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.type, o, 'utf8'); o += n1;
  b[o++] = (a.passive ? 1 : 0) | (a.durable ? 2 : 0) | (a.autoDelete ? 4 : 0) | (a.internal ? 8 : 0) | (a.nowait ? 16 : 0);
  x2.copy(b, o); o += x2.length;
  b[o] = 0xce;
  return b;
}

function encodeExchangeDeclareOk(ch: number, a: MethodArgs['exchange.declare-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 40; b[9] = 0; b[10] = 11;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeExchangeDelete(ch: number, a: MethodArgs['exchange.delete'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.exchange);
  if (n0 > 255) shortstrTooLong('exchange.delete', 'exchange', n0);
  const size = 8 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 40; b[9] = 0; b[10] = 20;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.exchange, o, 'utf8'); o += n0;
  b[o++] = (a.ifUnused ? 1 : 0) | (a.nowait ? 2 : 0);
  b[o] = 0xce;
  return b;
}

function encodeExchangeDeleteOk(ch: number, a: MethodArgs['exchange.delete-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 40; b[9] = 0; b[10] = 21;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeExchangeBind(ch: number, a: MethodArgs['exchange.bind'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.destination);
  if (n0 > 255) shortstrTooLong('exchange.bind', 'destination', n0);
  const n1 = Buffer.byteLength(a.source);
  if (n1 > 255) shortstrTooLong('exchange.bind', 'source', n1);
  const n2 = Buffer.byteLength(a.routingKey);
  if (n2 > 255) shortstrTooLong('exchange.bind', 'routingKey', n2);
  const x3 = tableBytes(a.arguments);
  const size = 10 + n0 + n1 + n2 + x3.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 40; b[9] = 0; b[10] = 30;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.destination, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.source, o, 'utf8'); o += n1;
  b[o++] = n2; if (n2 > 0) b.write(a.routingKey, o, 'utf8'); o += n2;
  b[o++] = (a.nowait ? 1 : 0);
  x3.copy(b, o); o += x3.length;
  b[o] = 0xce;
  return b;
}

function encodeExchangeBindOk(ch: number, a: MethodArgs['exchange.bind-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 40; b[9] = 0; b[10] = 31;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeExchangeUnbind(ch: number, a: MethodArgs['exchange.unbind'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.destination);
  if (n0 > 255) shortstrTooLong('exchange.unbind', 'destination', n0);
  const n1 = Buffer.byteLength(a.source);
  if (n1 > 255) shortstrTooLong('exchange.unbind', 'source', n1);
  const n2 = Buffer.byteLength(a.routingKey);
  if (n2 > 255) shortstrTooLong('exchange.unbind', 'routingKey', n2);
  const x3 = tableBytes(a.arguments);
  const size = 10 + n0 + n1 + n2 + x3.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 40; b[9] = 0; b[10] = 40;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.destination, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.source, o, 'utf8'); o += n1;
  b[o++] = n2; if (n2 > 0) b.write(a.routingKey, o, 'utf8'); o += n2;
  b[o++] = (a.nowait ? 1 : 0);
  x3.copy(b, o); o += x3.length;
  b[o] = 0xce;
  return b;
}

function encodeExchangeUnbindOk(ch: number, a: MethodArgs['exchange.unbind-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 40; b[9] = 0; b[10] = 51;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeQueueDeclare(ch: number, a: MethodArgs['queue.declare'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.queue);
  if (n0 > 255) shortstrTooLong('queue.declare', 'queue', n0);
  const x1 = tableBytes(a.arguments);
  const size = 8 + n0 + x1.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 10;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.queue, o, 'utf8'); o += n0;
  b[o++] = (a.passive ? 1 : 0) | (a.durable ? 2 : 0) | (a.exclusive ? 4 : 0) | (a.autoDelete ? 8 : 0) | (a.nowait ? 16 : 0);
  x1.copy(b, o); o += x1.length;
  b[o] = 0xce;
  return b;
}

function encodeQueueDeclareOk(ch: number, a: MethodArgs['queue.declare-ok'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.queue);
  if (n0 > 255) shortstrTooLong('queue.declare-ok', 'queue', n0);
  const size = 13 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 11;
  let o = 11;
  b[o++] = n0; if (n0 > 0) b.write(a.queue, o, 'utf8'); o += n0;
  { const x = a.messageCount; b[o] = x >>> 24; b[o + 1] = x >>> 16; b[o + 2] = x >>> 8; b[o + 3] = x; o += 4; }
  { const x = a.consumerCount; b[o] = x >>> 24; b[o + 1] = x >>> 16; b[o + 2] = x >>> 8; b[o + 3] = x; o += 4; }
  b[o] = 0xce;
  return b;
}

function encodeQueueBind(ch: number, a: MethodArgs['queue.bind'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.queue);
  if (n0 > 255) shortstrTooLong('queue.bind', 'queue', n0);
  const n1 = Buffer.byteLength(a.exchange);
  if (n1 > 255) shortstrTooLong('queue.bind', 'exchange', n1);
  const n2 = Buffer.byteLength(a.routingKey);
  if (n2 > 255) shortstrTooLong('queue.bind', 'routingKey', n2);
  const x3 = tableBytes(a.arguments);
  const size = 10 + n0 + n1 + n2 + x3.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 20;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.queue, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.exchange, o, 'utf8'); o += n1;
  b[o++] = n2; if (n2 > 0) b.write(a.routingKey, o, 'utf8'); o += n2;
  b[o++] = (a.nowait ? 1 : 0);
  x3.copy(b, o); o += x3.length;
  b[o] = 0xce;
  return b;
}

function encodeQueueBindOk(ch: number, a: MethodArgs['queue.bind-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 21;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeQueuePurge(ch: number, a: MethodArgs['queue.purge'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.queue);
  if (n0 > 255) shortstrTooLong('queue.purge', 'queue', n0);
  const size = 8 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 30;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.queue, o, 'utf8'); o += n0;
  b[o++] = (a.nowait ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeQueuePurgeOk(ch: number, a: MethodArgs['queue.purge-ok'], tail: number): Buffer {
  const size = 8;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 31;
  let o = 11;
  { const x = a.messageCount; b[o] = x >>> 24; b[o + 1] = x >>> 16; b[o + 2] = x >>> 8; b[o + 3] = x; o += 4; }
  b[o] = 0xce;
  return b;
}

function encodeQueueDelete(ch: number, a: MethodArgs['queue.delete'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.queue);
  if (n0 > 255) shortstrTooLong('queue.delete', 'queue', n0);
  const size = 8 + n0;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 40;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.queue, o, 'utf8'); o += n0;
  b[o++] = (a.ifUnused ? 1 : 0) | (a.ifEmpty ? 2 : 0) | (a.nowait ? 4 : 0);
  b[o] = 0xce;
  return b;
}

function encodeQueueDeleteOk(ch: number, a: MethodArgs['queue.delete-ok'], tail: number): Buffer {
  const size = 8;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 41;
  let o = 11;
  { const x = a.messageCount; b[o] = x >>> 24; b[o + 1] = x >>> 16; b[o + 2] = x >>> 8; b[o + 3] = x; o += 4; }
  b[o] = 0xce;
  return b;
}

function encodeQueueUnbind(ch: number, a: MethodArgs['queue.unbind'], tail: number): Buffer {
  const n0 = Buffer.byteLength(a.queue);
  if (n0 > 255) shortstrTooLong('queue.unbind', 'queue', n0);
  const n1 = Buffer.byteLength(a.exchange);
  if (n1 > 255) shortstrTooLong('queue.unbind', 'exchange', n1);
  const n2 = Buffer.byteLength(a.routingKey);
  if (n2 > 255) shortstrTooLong('queue.unbind', 'routingKey', n2);
  const x3 = tableBytes(a.arguments);
  const size = 9 + n0 + n1 + n2 + x3.length;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 50;
  let o = 11;
  { const x = a.ticket; b[o] = x >>> 8; b[o + 1] = x; o += 2; }
  b[o++] = n0; if (n0 > 0) b.write(a.queue, o, 'utf8'); o += n0;
  b[o++] = n1; if (n1 > 0) b.write(a.exchange, o, 'utf8'); o += n1;
  b[o++] = n2; if (n2 > 0) b.write(a.routingKey, o, 'utf8'); o += n2;
  x3.copy(b, o); o += x3.length;
  b[o] = 0xce;
  return b;
}

function encodeQueueUnbindOk(ch: number, a: MethodArgs['queue.unbind-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 50; b[9] = 0; b[10] = 51;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeTxSelect(ch: number, a: MethodArgs['tx.select'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 90; b[9] = 0; b[10] = 10;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeTxSelectOk(ch: number, a: MethodArgs['tx.select-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 90; b[9] = 0; b[10] = 11;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeTxCommit(ch: number, a: MethodArgs['tx.commit'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 90; b[9] = 0; b[10] = 20;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeTxCommitOk(ch: number, a: MethodArgs['tx.commit-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 90; b[9] = 0; b[10] = 21;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeTxRollback(ch: number, a: MethodArgs['tx.rollback'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 90; b[9] = 0; b[10] = 30;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeTxRollbackOk(ch: number, a: MethodArgs['tx.rollback-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 90; b[9] = 0; b[10] = 31;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function encodeConfirmSelect(ch: number, a: MethodArgs['confirm.select'], tail: number): Buffer {
  const size = 5;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 85; b[9] = 0; b[10] = 10;
  let o = 11;
  b[o++] = (a.nowait ? 1 : 0);
  b[o] = 0xce;
  return b;
}

function encodeConfirmSelectOk(ch: number, a: MethodArgs['confirm.select-ok'], tail: number): Buffer {
  const size = 4;
  const b = Buffer.allocUnsafe(8 + size + tail);
  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;
  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;
  b[7] = 0; b[8] = 85; b[9] = 0; b[10] = 11;
  const o = 11;
  b[o] = 0xce;
  return b;
}

function decodeBasicQos(b: Buffer, o: number, e: number): MethodArgs['basic.qos'] {
  if (o + 7 > e) truncated(60, 10);
  const _prefetchSize = b.readUInt32BE(o); o += 4;
  const _prefetchCount = (b[o]! << 8) | b[o + 1]!; o += 2;
  const bits0 = b[o++]!;
  const _global = (bits0 & 1) !== 0;
  return { prefetchSize: _prefetchSize, prefetchCount: _prefetchCount, global: _global };
}

function decodeBasicQosOk(_b: Buffer, _o: number, _e: number): MethodArgs['basic.qos-ok'] {
  return {  };
}

function decodeBasicConsume(b: Buffer, o: number, e: number): MethodArgs['basic.consume'] {
  if (o + 2 > e) truncated(60, 20);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(60, 20);
  const queueLen = b[o++]!;
  if (o + queueLen > e) truncated(60, 20);
  const _queue = queueLen === 0 ? '' : b.toString('utf8', o, o + queueLen); o += queueLen;
  if (o >= e) truncated(60, 20);
  const consumerTagLen = b[o++]!;
  if (o + consumerTagLen > e) truncated(60, 20);
  const _consumerTag = consumerTagLen === 0 ? '' : b.toString('utf8', o, o + consumerTagLen); o += consumerTagLen;
  if (o + 1 > e) truncated(60, 20);
  const bits0 = b[o++]!;
  const _noLocal = (bits0 & 1) !== 0;
  const _noAck = (bits0 & 2) !== 0;
  const _exclusive = (bits0 & 4) !== 0;
  const _nowait = (bits0 & 8) !== 0;
  if (o + 4 > e) truncated(60, 20);
  const argumentsLen = b.readUInt32BE(o); o += 4;
  if (o + argumentsLen > e) truncated(60, 20);
  const _arguments = decodeTableRange(b, o, o + argumentsLen); o += argumentsLen;
  return { ticket: _ticket, queue: _queue, consumerTag: _consumerTag, noLocal: _noLocal, noAck: _noAck, exclusive: _exclusive, nowait: _nowait, arguments: _arguments };
}

function decodeBasicConsumeOk(b: Buffer, o: number, e: number): MethodArgs['basic.consume-ok'] {
  if (o >= e) truncated(60, 21);
  const consumerTagLen = b[o++]!;
  if (o + consumerTagLen > e) truncated(60, 21);
  const _consumerTag = consumerTagLen === 0 ? '' : b.toString('utf8', o, o + consumerTagLen); o += consumerTagLen;
  return { consumerTag: _consumerTag };
}

function decodeBasicCancel(b: Buffer, o: number, e: number): MethodArgs['basic.cancel'] {
  if (o >= e) truncated(60, 30);
  const consumerTagLen = b[o++]!;
  if (o + consumerTagLen > e) truncated(60, 30);
  const _consumerTag = consumerTagLen === 0 ? '' : b.toString('utf8', o, o + consumerTagLen); o += consumerTagLen;
  if (o + 1 > e) truncated(60, 30);
  const bits0 = b[o++]!;
  const _nowait = (bits0 & 1) !== 0;
  return { consumerTag: _consumerTag, nowait: _nowait };
}

function decodeBasicCancelOk(b: Buffer, o: number, e: number): MethodArgs['basic.cancel-ok'] {
  if (o >= e) truncated(60, 31);
  const consumerTagLen = b[o++]!;
  if (o + consumerTagLen > e) truncated(60, 31);
  const _consumerTag = consumerTagLen === 0 ? '' : b.toString('utf8', o, o + consumerTagLen); o += consumerTagLen;
  return { consumerTag: _consumerTag };
}

function decodeBasicPublish(b: Buffer, o: number, e: number): MethodArgs['basic.publish'] {
  if (o + 2 > e) truncated(60, 40);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(60, 40);
  const exchangeLen = b[o++]!;
  if (o + exchangeLen > e) truncated(60, 40);
  const _exchange = exchangeLen === 0 ? '' : b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  if (o >= e) truncated(60, 40);
  const routingKeyLen = b[o++]!;
  if (o + routingKeyLen > e) truncated(60, 40);
  const _routingKey = routingKeyLen === 0 ? '' : b.toString('utf8', o, o + routingKeyLen); o += routingKeyLen;
  if (o + 1 > e) truncated(60, 40);
  const bits0 = b[o++]!;
  const _mandatory = (bits0 & 1) !== 0;
  const _immediate = (bits0 & 2) !== 0;
  return { ticket: _ticket, exchange: _exchange, routingKey: _routingKey, mandatory: _mandatory, immediate: _immediate };
}

function decodeBasicReturn(b: Buffer, o: number, e: number): MethodArgs['basic.return'] {
  if (o + 2 > e) truncated(60, 50);
  const _replyCode = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(60, 50);
  const replyTextLen = b[o++]!;
  if (o + replyTextLen > e) truncated(60, 50);
  const _replyText = replyTextLen === 0 ? '' : b.toString('utf8', o, o + replyTextLen); o += replyTextLen;
  if (o >= e) truncated(60, 50);
  const exchangeLen = b[o++]!;
  if (o + exchangeLen > e) truncated(60, 50);
  const _exchange = exchangeLen === 0 ? '' : b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  if (o >= e) truncated(60, 50);
  const routingKeyLen = b[o++]!;
  if (o + routingKeyLen > e) truncated(60, 50);
  const _routingKey = routingKeyLen === 0 ? '' : b.toString('utf8', o, o + routingKeyLen); o += routingKeyLen;
  return { replyCode: _replyCode, replyText: _replyText, exchange: _exchange, routingKey: _routingKey };
}

function decodeBasicDeliver(b: Buffer, o: number, e: number): MethodArgs['basic.deliver'] {
  if (o >= e) truncated(60, 60);
  const consumerTagLen = b[o++]!;
  if (o + consumerTagLen > e) truncated(60, 60);
  const _consumerTag = consumerTagLen === 0 ? '' : b.toString('utf8', o, o + consumerTagLen); o += consumerTagLen;
  if (o + 9 > e) truncated(60, 60);
  const _deliveryTag = b.readUInt32BE(o) * 4294967296 + b.readUInt32BE(o + 4); o += 8;
  const bits0 = b[o++]!;
  const _redelivered = (bits0 & 1) !== 0;
  if (o >= e) truncated(60, 60);
  const exchangeLen = b[o++]!;
  if (o + exchangeLen > e) truncated(60, 60);
  const _exchange = exchangeLen === 0 ? '' : b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  if (o >= e) truncated(60, 60);
  const routingKeyLen = b[o++]!;
  if (o + routingKeyLen > e) truncated(60, 60);
  const _routingKey = routingKeyLen === 0 ? '' : b.toString('utf8', o, o + routingKeyLen); o += routingKeyLen;
  return { consumerTag: _consumerTag, deliveryTag: _deliveryTag, redelivered: _redelivered, exchange: _exchange, routingKey: _routingKey };
}

function decodeBasicGet(b: Buffer, o: number, e: number): MethodArgs['basic.get'] {
  if (o + 2 > e) truncated(60, 70);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(60, 70);
  const queueLen = b[o++]!;
  if (o + queueLen > e) truncated(60, 70);
  const _queue = queueLen === 0 ? '' : b.toString('utf8', o, o + queueLen); o += queueLen;
  if (o + 1 > e) truncated(60, 70);
  const bits0 = b[o++]!;
  const _noAck = (bits0 & 1) !== 0;
  return { ticket: _ticket, queue: _queue, noAck: _noAck };
}

function decodeBasicGetOk(b: Buffer, o: number, e: number): MethodArgs['basic.get-ok'] {
  if (o + 9 > e) truncated(60, 71);
  const _deliveryTag = b.readUInt32BE(o) * 4294967296 + b.readUInt32BE(o + 4); o += 8;
  const bits0 = b[o++]!;
  const _redelivered = (bits0 & 1) !== 0;
  if (o >= e) truncated(60, 71);
  const exchangeLen = b[o++]!;
  if (o + exchangeLen > e) truncated(60, 71);
  const _exchange = exchangeLen === 0 ? '' : b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  if (o >= e) truncated(60, 71);
  const routingKeyLen = b[o++]!;
  if (o + routingKeyLen > e) truncated(60, 71);
  const _routingKey = routingKeyLen === 0 ? '' : b.toString('utf8', o, o + routingKeyLen); o += routingKeyLen;
  if (o + 4 > e) truncated(60, 71);
  const _messageCount = b.readUInt32BE(o); o += 4;
  return { deliveryTag: _deliveryTag, redelivered: _redelivered, exchange: _exchange, routingKey: _routingKey, messageCount: _messageCount };
}

function decodeBasicGetEmpty(b: Buffer, o: number, e: number): MethodArgs['basic.get-empty'] {
  if (o >= e) truncated(60, 72);
  const clusterIdLen = b[o++]!;
  if (o + clusterIdLen > e) truncated(60, 72);
  const _clusterId = clusterIdLen === 0 ? '' : b.toString('utf8', o, o + clusterIdLen); o += clusterIdLen;
  return { clusterId: _clusterId };
}

function decodeBasicAck(b: Buffer, o: number, e: number): MethodArgs['basic.ack'] {
  if (o + 9 > e) truncated(60, 80);
  const _deliveryTag = b.readUInt32BE(o) * 4294967296 + b.readUInt32BE(o + 4); o += 8;
  const bits0 = b[o++]!;
  const _multiple = (bits0 & 1) !== 0;
  return { deliveryTag: _deliveryTag, multiple: _multiple };
}

function decodeBasicReject(b: Buffer, o: number, e: number): MethodArgs['basic.reject'] {
  if (o + 9 > e) truncated(60, 90);
  const _deliveryTag = b.readUInt32BE(o) * 4294967296 + b.readUInt32BE(o + 4); o += 8;
  const bits0 = b[o++]!;
  const _requeue = (bits0 & 1) !== 0;
  return { deliveryTag: _deliveryTag, requeue: _requeue };
}

function decodeBasicRecoverAsync(b: Buffer, o: number, e: number): MethodArgs['basic.recover-async'] {
  if (o + 1 > e) truncated(60, 100);
  const bits0 = b[o++]!;
  const _requeue = (bits0 & 1) !== 0;
  return { requeue: _requeue };
}

function decodeBasicRecover(b: Buffer, o: number, e: number): MethodArgs['basic.recover'] {
  if (o + 1 > e) truncated(60, 110);
  const bits0 = b[o++]!;
  const _requeue = (bits0 & 1) !== 0;
  return { requeue: _requeue };
}

function decodeBasicRecoverOk(_b: Buffer, _o: number, _e: number): MethodArgs['basic.recover-ok'] {
  return {  };
}

function decodeBasicNack(b: Buffer, o: number, e: number): MethodArgs['basic.nack'] {
  if (o + 9 > e) truncated(60, 120);
  const _deliveryTag = b.readUInt32BE(o) * 4294967296 + b.readUInt32BE(o + 4); o += 8;
  const bits0 = b[o++]!;
  const _multiple = (bits0 & 1) !== 0;
  const _requeue = (bits0 & 2) !== 0;
  return { deliveryTag: _deliveryTag, multiple: _multiple, requeue: _requeue };
}

function decodeConnectionStart(b: Buffer, o: number, e: number): MethodArgs['connection.start'] {
  if (o + 2 > e) truncated(10, 10);
  const _versionMajor = b[o++]!;
  const _versionMinor = b[o++]!;
  if (o + 4 > e) truncated(10, 10);
  const serverPropertiesLen = b.readUInt32BE(o); o += 4;
  if (o + serverPropertiesLen > e) truncated(10, 10);
  const _serverProperties = decodeTableRange(b, o, o + serverPropertiesLen); o += serverPropertiesLen;
  if (o + 4 > e) truncated(10, 10);
  const mechanismsLen = b.readUInt32BE(o); o += 4;
  if (o + mechanismsLen > e) truncated(10, 10);
  const _mechanisms = Buffer.from(b.subarray(o, o + mechanismsLen)); o += mechanismsLen;
  if (o + 4 > e) truncated(10, 10);
  const localesLen = b.readUInt32BE(o); o += 4;
  if (o + localesLen > e) truncated(10, 10);
  const _locales = Buffer.from(b.subarray(o, o + localesLen)); o += localesLen;
  return { versionMajor: _versionMajor, versionMinor: _versionMinor, serverProperties: _serverProperties, mechanisms: _mechanisms, locales: _locales };
}

function decodeConnectionStartOk(b: Buffer, o: number, e: number): MethodArgs['connection.start-ok'] {
  if (o + 4 > e) truncated(10, 11);
  const clientPropertiesLen = b.readUInt32BE(o); o += 4;
  if (o + clientPropertiesLen > e) truncated(10, 11);
  const _clientProperties = decodeTableRange(b, o, o + clientPropertiesLen); o += clientPropertiesLen;
  if (o >= e) truncated(10, 11);
  const mechanismLen = b[o++]!;
  if (o + mechanismLen > e) truncated(10, 11);
  const _mechanism = mechanismLen === 0 ? '' : b.toString('utf8', o, o + mechanismLen); o += mechanismLen;
  if (o + 4 > e) truncated(10, 11);
  const responseLen = b.readUInt32BE(o); o += 4;
  if (o + responseLen > e) truncated(10, 11);
  const _response = Buffer.from(b.subarray(o, o + responseLen)); o += responseLen;
  if (o >= e) truncated(10, 11);
  const localeLen = b[o++]!;
  if (o + localeLen > e) truncated(10, 11);
  const _locale = localeLen === 0 ? '' : b.toString('utf8', o, o + localeLen); o += localeLen;
  return { clientProperties: _clientProperties, mechanism: _mechanism, response: _response, locale: _locale };
}

function decodeConnectionSecure(b: Buffer, o: number, e: number): MethodArgs['connection.secure'] {
  if (o + 4 > e) truncated(10, 20);
  const challengeLen = b.readUInt32BE(o); o += 4;
  if (o + challengeLen > e) truncated(10, 20);
  const _challenge = Buffer.from(b.subarray(o, o + challengeLen)); o += challengeLen;
  return { challenge: _challenge };
}

function decodeConnectionSecureOk(b: Buffer, o: number, e: number): MethodArgs['connection.secure-ok'] {
  if (o + 4 > e) truncated(10, 21);
  const responseLen = b.readUInt32BE(o); o += 4;
  if (o + responseLen > e) truncated(10, 21);
  const _response = Buffer.from(b.subarray(o, o + responseLen)); o += responseLen;
  return { response: _response };
}

function decodeConnectionTune(b: Buffer, o: number, e: number): MethodArgs['connection.tune'] {
  if (o + 8 > e) truncated(10, 30);
  const _channelMax = (b[o]! << 8) | b[o + 1]!; o += 2;
  const _frameMax = b.readUInt32BE(o); o += 4;
  const _heartbeat = (b[o]! << 8) | b[o + 1]!; o += 2;
  return { channelMax: _channelMax, frameMax: _frameMax, heartbeat: _heartbeat };
}

function decodeConnectionTuneOk(b: Buffer, o: number, e: number): MethodArgs['connection.tune-ok'] {
  if (o + 8 > e) truncated(10, 31);
  const _channelMax = (b[o]! << 8) | b[o + 1]!; o += 2;
  const _frameMax = b.readUInt32BE(o); o += 4;
  const _heartbeat = (b[o]! << 8) | b[o + 1]!; o += 2;
  return { channelMax: _channelMax, frameMax: _frameMax, heartbeat: _heartbeat };
}

function decodeConnectionOpen(b: Buffer, o: number, e: number): MethodArgs['connection.open'] {
  if (o >= e) truncated(10, 40);
  const virtualHostLen = b[o++]!;
  if (o + virtualHostLen > e) truncated(10, 40);
  const _virtualHost = virtualHostLen === 0 ? '' : b.toString('utf8', o, o + virtualHostLen); o += virtualHostLen;
  if (o >= e) truncated(10, 40);
  const capabilitiesLen = b[o++]!;
  if (o + capabilitiesLen > e) truncated(10, 40);
  const _capabilities = capabilitiesLen === 0 ? '' : b.toString('utf8', o, o + capabilitiesLen); o += capabilitiesLen;
  if (o + 1 > e) truncated(10, 40);
  const bits0 = b[o++]!;
  const _insist = (bits0 & 1) !== 0;
  return { virtualHost: _virtualHost, capabilities: _capabilities, insist: _insist };
}

function decodeConnectionOpenOk(b: Buffer, o: number, e: number): MethodArgs['connection.open-ok'] {
  if (o >= e) truncated(10, 41);
  const knownHostsLen = b[o++]!;
  if (o + knownHostsLen > e) truncated(10, 41);
  const _knownHosts = knownHostsLen === 0 ? '' : b.toString('utf8', o, o + knownHostsLen); o += knownHostsLen;
  return { knownHosts: _knownHosts };
}

function decodeConnectionClose(b: Buffer, o: number, e: number): MethodArgs['connection.close'] {
  if (o + 2 > e) truncated(10, 50);
  const _replyCode = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(10, 50);
  const replyTextLen = b[o++]!;
  if (o + replyTextLen > e) truncated(10, 50);
  const _replyText = replyTextLen === 0 ? '' : b.toString('utf8', o, o + replyTextLen); o += replyTextLen;
  if (o + 4 > e) truncated(10, 50);
  const _classId = (b[o]! << 8) | b[o + 1]!; o += 2;
  const _methodId = (b[o]! << 8) | b[o + 1]!; o += 2;
  return { replyCode: _replyCode, replyText: _replyText, classId: _classId, methodId: _methodId };
}

function decodeConnectionCloseOk(_b: Buffer, _o: number, _e: number): MethodArgs['connection.close-ok'] {
  return {  };
}

function decodeConnectionBlocked(b: Buffer, o: number, e: number): MethodArgs['connection.blocked'] {
  if (o >= e) truncated(10, 60);
  const reasonLen = b[o++]!;
  if (o + reasonLen > e) truncated(10, 60);
  const _reason = reasonLen === 0 ? '' : b.toString('utf8', o, o + reasonLen); o += reasonLen;
  return { reason: _reason };
}

function decodeConnectionUnblocked(_b: Buffer, _o: number, _e: number): MethodArgs['connection.unblocked'] {
  return {  };
}

function decodeConnectionUpdateSecret(b: Buffer, o: number, e: number): MethodArgs['connection.update-secret'] {
  if (o + 4 > e) truncated(10, 70);
  const newSecretLen = b.readUInt32BE(o); o += 4;
  if (o + newSecretLen > e) truncated(10, 70);
  const _newSecret = Buffer.from(b.subarray(o, o + newSecretLen)); o += newSecretLen;
  if (o >= e) truncated(10, 70);
  const reasonLen = b[o++]!;
  if (o + reasonLen > e) truncated(10, 70);
  const _reason = reasonLen === 0 ? '' : b.toString('utf8', o, o + reasonLen); o += reasonLen;
  return { newSecret: _newSecret, reason: _reason };
}

function decodeConnectionUpdateSecretOk(_b: Buffer, _o: number, _e: number): MethodArgs['connection.update-secret-ok'] {
  return {  };
}

function decodeChannelOpen(b: Buffer, o: number, e: number): MethodArgs['channel.open'] {
  if (o >= e) truncated(20, 10);
  const outOfBandLen = b[o++]!;
  if (o + outOfBandLen > e) truncated(20, 10);
  const _outOfBand = outOfBandLen === 0 ? '' : b.toString('utf8', o, o + outOfBandLen); o += outOfBandLen;
  return { outOfBand: _outOfBand };
}

function decodeChannelOpenOk(b: Buffer, o: number, e: number): MethodArgs['channel.open-ok'] {
  if (o + 4 > e) truncated(20, 11);
  const channelIdLen = b.readUInt32BE(o); o += 4;
  if (o + channelIdLen > e) truncated(20, 11);
  const _channelId = Buffer.from(b.subarray(o, o + channelIdLen)); o += channelIdLen;
  return { channelId: _channelId };
}

function decodeChannelFlow(b: Buffer, o: number, e: number): MethodArgs['channel.flow'] {
  if (o + 1 > e) truncated(20, 20);
  const bits0 = b[o++]!;
  const _active = (bits0 & 1) !== 0;
  return { active: _active };
}

function decodeChannelFlowOk(b: Buffer, o: number, e: number): MethodArgs['channel.flow-ok'] {
  if (o + 1 > e) truncated(20, 21);
  const bits0 = b[o++]!;
  const _active = (bits0 & 1) !== 0;
  return { active: _active };
}

function decodeChannelClose(b: Buffer, o: number, e: number): MethodArgs['channel.close'] {
  if (o + 2 > e) truncated(20, 40);
  const _replyCode = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(20, 40);
  const replyTextLen = b[o++]!;
  if (o + replyTextLen > e) truncated(20, 40);
  const _replyText = replyTextLen === 0 ? '' : b.toString('utf8', o, o + replyTextLen); o += replyTextLen;
  if (o + 4 > e) truncated(20, 40);
  const _classId = (b[o]! << 8) | b[o + 1]!; o += 2;
  const _methodId = (b[o]! << 8) | b[o + 1]!; o += 2;
  return { replyCode: _replyCode, replyText: _replyText, classId: _classId, methodId: _methodId };
}

function decodeChannelCloseOk(_b: Buffer, _o: number, _e: number): MethodArgs['channel.close-ok'] {
  return {  };
}

function decodeAccessRequest(b: Buffer, o: number, e: number): MethodArgs['access.request'] {
  if (o >= e) truncated(30, 10);
  const realmLen = b[o++]!;
  if (o + realmLen > e) truncated(30, 10);
  const _realm = realmLen === 0 ? '' : b.toString('utf8', o, o + realmLen); o += realmLen;
  if (o + 1 > e) truncated(30, 10);
  const bits0 = b[o++]!;
  const _exclusive = (bits0 & 1) !== 0;
  const _passive = (bits0 & 2) !== 0;
  const _active = (bits0 & 4) !== 0;
  const _write = (bits0 & 8) !== 0;
  const _read = (bits0 & 16) !== 0;
  return { realm: _realm, exclusive: _exclusive, passive: _passive, active: _active, write: _write, read: _read };
}

function decodeAccessRequestOk(b: Buffer, o: number, e: number): MethodArgs['access.request-ok'] {
  if (o + 2 > e) truncated(30, 11);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  return { ticket: _ticket };
}

function decodeExchangeDeclare(b: Buffer, o: number, e: number): MethodArgs['exchange.declare'] {
  if (o + 2 > e) truncated(40, 10);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(40, 10);
  const exchangeLen = b[o++]!;
  if (o + exchangeLen > e) truncated(40, 10);
  const _exchange = exchangeLen === 0 ? '' : b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  if (o >= e) truncated(40, 10);
  const typeLen = b[o++]!;
  if (o + typeLen > e) truncated(40, 10);
  const _type = typeLen === 0 ? '' : b.toString('utf8', o, o + typeLen); o += typeLen;
  if (o + 1 > e) truncated(40, 10);
  const bits0 = b[o++]!;
  const _passive = (bits0 & 1) !== 0;
  const _durable = (bits0 & 2) !== 0;
  const _autoDelete = (bits0 & 4) !== 0;
  const _internal = (bits0 & 8) !== 0;
  const _nowait = (bits0 & 16) !== 0;
  if (o + 4 > e) truncated(40, 10);
  const argumentsLen = b.readUInt32BE(o); o += 4;
  if (o + argumentsLen > e) truncated(40, 10);
  const _arguments = decodeTableRange(b, o, o + argumentsLen); o += argumentsLen;
  return { ticket: _ticket, exchange: _exchange, type: _type, passive: _passive, durable: _durable, autoDelete: _autoDelete, internal: _internal, nowait: _nowait, arguments: _arguments };
}

function decodeExchangeDeclareOk(_b: Buffer, _o: number, _e: number): MethodArgs['exchange.declare-ok'] {
  return {  };
}

function decodeExchangeDelete(b: Buffer, o: number, e: number): MethodArgs['exchange.delete'] {
  if (o + 2 > e) truncated(40, 20);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(40, 20);
  const exchangeLen = b[o++]!;
  if (o + exchangeLen > e) truncated(40, 20);
  const _exchange = exchangeLen === 0 ? '' : b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  if (o + 1 > e) truncated(40, 20);
  const bits0 = b[o++]!;
  const _ifUnused = (bits0 & 1) !== 0;
  const _nowait = (bits0 & 2) !== 0;
  return { ticket: _ticket, exchange: _exchange, ifUnused: _ifUnused, nowait: _nowait };
}

function decodeExchangeDeleteOk(_b: Buffer, _o: number, _e: number): MethodArgs['exchange.delete-ok'] {
  return {  };
}

function decodeExchangeBind(b: Buffer, o: number, e: number): MethodArgs['exchange.bind'] {
  if (o + 2 > e) truncated(40, 30);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(40, 30);
  const destinationLen = b[o++]!;
  if (o + destinationLen > e) truncated(40, 30);
  const _destination = destinationLen === 0 ? '' : b.toString('utf8', o, o + destinationLen); o += destinationLen;
  if (o >= e) truncated(40, 30);
  const sourceLen = b[o++]!;
  if (o + sourceLen > e) truncated(40, 30);
  const _source = sourceLen === 0 ? '' : b.toString('utf8', o, o + sourceLen); o += sourceLen;
  if (o >= e) truncated(40, 30);
  const routingKeyLen = b[o++]!;
  if (o + routingKeyLen > e) truncated(40, 30);
  const _routingKey = routingKeyLen === 0 ? '' : b.toString('utf8', o, o + routingKeyLen); o += routingKeyLen;
  if (o + 1 > e) truncated(40, 30);
  const bits0 = b[o++]!;
  const _nowait = (bits0 & 1) !== 0;
  if (o + 4 > e) truncated(40, 30);
  const argumentsLen = b.readUInt32BE(o); o += 4;
  if (o + argumentsLen > e) truncated(40, 30);
  const _arguments = decodeTableRange(b, o, o + argumentsLen); o += argumentsLen;
  return { ticket: _ticket, destination: _destination, source: _source, routingKey: _routingKey, nowait: _nowait, arguments: _arguments };
}

function decodeExchangeBindOk(_b: Buffer, _o: number, _e: number): MethodArgs['exchange.bind-ok'] {
  return {  };
}

function decodeExchangeUnbind(b: Buffer, o: number, e: number): MethodArgs['exchange.unbind'] {
  if (o + 2 > e) truncated(40, 40);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(40, 40);
  const destinationLen = b[o++]!;
  if (o + destinationLen > e) truncated(40, 40);
  const _destination = destinationLen === 0 ? '' : b.toString('utf8', o, o + destinationLen); o += destinationLen;
  if (o >= e) truncated(40, 40);
  const sourceLen = b[o++]!;
  if (o + sourceLen > e) truncated(40, 40);
  const _source = sourceLen === 0 ? '' : b.toString('utf8', o, o + sourceLen); o += sourceLen;
  if (o >= e) truncated(40, 40);
  const routingKeyLen = b[o++]!;
  if (o + routingKeyLen > e) truncated(40, 40);
  const _routingKey = routingKeyLen === 0 ? '' : b.toString('utf8', o, o + routingKeyLen); o += routingKeyLen;
  if (o + 1 > e) truncated(40, 40);
  const bits0 = b[o++]!;
  const _nowait = (bits0 & 1) !== 0;
  if (o + 4 > e) truncated(40, 40);
  const argumentsLen = b.readUInt32BE(o); o += 4;
  if (o + argumentsLen > e) truncated(40, 40);
  const _arguments = decodeTableRange(b, o, o + argumentsLen); o += argumentsLen;
  return { ticket: _ticket, destination: _destination, source: _source, routingKey: _routingKey, nowait: _nowait, arguments: _arguments };
}

function decodeExchangeUnbindOk(_b: Buffer, _o: number, _e: number): MethodArgs['exchange.unbind-ok'] {
  return {  };
}

function decodeQueueDeclare(b: Buffer, o: number, e: number): MethodArgs['queue.declare'] {
  if (o + 2 > e) truncated(50, 10);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(50, 10);
  const queueLen = b[o++]!;
  if (o + queueLen > e) truncated(50, 10);
  const _queue = queueLen === 0 ? '' : b.toString('utf8', o, o + queueLen); o += queueLen;
  if (o + 1 > e) truncated(50, 10);
  const bits0 = b[o++]!;
  const _passive = (bits0 & 1) !== 0;
  const _durable = (bits0 & 2) !== 0;
  const _exclusive = (bits0 & 4) !== 0;
  const _autoDelete = (bits0 & 8) !== 0;
  const _nowait = (bits0 & 16) !== 0;
  if (o + 4 > e) truncated(50, 10);
  const argumentsLen = b.readUInt32BE(o); o += 4;
  if (o + argumentsLen > e) truncated(50, 10);
  const _arguments = decodeTableRange(b, o, o + argumentsLen); o += argumentsLen;
  return { ticket: _ticket, queue: _queue, passive: _passive, durable: _durable, exclusive: _exclusive, autoDelete: _autoDelete, nowait: _nowait, arguments: _arguments };
}

function decodeQueueDeclareOk(b: Buffer, o: number, e: number): MethodArgs['queue.declare-ok'] {
  if (o >= e) truncated(50, 11);
  const queueLen = b[o++]!;
  if (o + queueLen > e) truncated(50, 11);
  const _queue = queueLen === 0 ? '' : b.toString('utf8', o, o + queueLen); o += queueLen;
  if (o + 8 > e) truncated(50, 11);
  const _messageCount = b.readUInt32BE(o); o += 4;
  const _consumerCount = b.readUInt32BE(o); o += 4;
  return { queue: _queue, messageCount: _messageCount, consumerCount: _consumerCount };
}

function decodeQueueBind(b: Buffer, o: number, e: number): MethodArgs['queue.bind'] {
  if (o + 2 > e) truncated(50, 20);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(50, 20);
  const queueLen = b[o++]!;
  if (o + queueLen > e) truncated(50, 20);
  const _queue = queueLen === 0 ? '' : b.toString('utf8', o, o + queueLen); o += queueLen;
  if (o >= e) truncated(50, 20);
  const exchangeLen = b[o++]!;
  if (o + exchangeLen > e) truncated(50, 20);
  const _exchange = exchangeLen === 0 ? '' : b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  if (o >= e) truncated(50, 20);
  const routingKeyLen = b[o++]!;
  if (o + routingKeyLen > e) truncated(50, 20);
  const _routingKey = routingKeyLen === 0 ? '' : b.toString('utf8', o, o + routingKeyLen); o += routingKeyLen;
  if (o + 1 > e) truncated(50, 20);
  const bits0 = b[o++]!;
  const _nowait = (bits0 & 1) !== 0;
  if (o + 4 > e) truncated(50, 20);
  const argumentsLen = b.readUInt32BE(o); o += 4;
  if (o + argumentsLen > e) truncated(50, 20);
  const _arguments = decodeTableRange(b, o, o + argumentsLen); o += argumentsLen;
  return { ticket: _ticket, queue: _queue, exchange: _exchange, routingKey: _routingKey, nowait: _nowait, arguments: _arguments };
}

function decodeQueueBindOk(_b: Buffer, _o: number, _e: number): MethodArgs['queue.bind-ok'] {
  return {  };
}

function decodeQueuePurge(b: Buffer, o: number, e: number): MethodArgs['queue.purge'] {
  if (o + 2 > e) truncated(50, 30);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(50, 30);
  const queueLen = b[o++]!;
  if (o + queueLen > e) truncated(50, 30);
  const _queue = queueLen === 0 ? '' : b.toString('utf8', o, o + queueLen); o += queueLen;
  if (o + 1 > e) truncated(50, 30);
  const bits0 = b[o++]!;
  const _nowait = (bits0 & 1) !== 0;
  return { ticket: _ticket, queue: _queue, nowait: _nowait };
}

function decodeQueuePurgeOk(b: Buffer, o: number, e: number): MethodArgs['queue.purge-ok'] {
  if (o + 4 > e) truncated(50, 31);
  const _messageCount = b.readUInt32BE(o); o += 4;
  return { messageCount: _messageCount };
}

function decodeQueueDelete(b: Buffer, o: number, e: number): MethodArgs['queue.delete'] {
  if (o + 2 > e) truncated(50, 40);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(50, 40);
  const queueLen = b[o++]!;
  if (o + queueLen > e) truncated(50, 40);
  const _queue = queueLen === 0 ? '' : b.toString('utf8', o, o + queueLen); o += queueLen;
  if (o + 1 > e) truncated(50, 40);
  const bits0 = b[o++]!;
  const _ifUnused = (bits0 & 1) !== 0;
  const _ifEmpty = (bits0 & 2) !== 0;
  const _nowait = (bits0 & 4) !== 0;
  return { ticket: _ticket, queue: _queue, ifUnused: _ifUnused, ifEmpty: _ifEmpty, nowait: _nowait };
}

function decodeQueueDeleteOk(b: Buffer, o: number, e: number): MethodArgs['queue.delete-ok'] {
  if (o + 4 > e) truncated(50, 41);
  const _messageCount = b.readUInt32BE(o); o += 4;
  return { messageCount: _messageCount };
}

function decodeQueueUnbind(b: Buffer, o: number, e: number): MethodArgs['queue.unbind'] {
  if (o + 2 > e) truncated(50, 50);
  const _ticket = (b[o]! << 8) | b[o + 1]!; o += 2;
  if (o >= e) truncated(50, 50);
  const queueLen = b[o++]!;
  if (o + queueLen > e) truncated(50, 50);
  const _queue = queueLen === 0 ? '' : b.toString('utf8', o, o + queueLen); o += queueLen;
  if (o >= e) truncated(50, 50);
  const exchangeLen = b[o++]!;
  if (o + exchangeLen > e) truncated(50, 50);
  const _exchange = exchangeLen === 0 ? '' : b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  if (o >= e) truncated(50, 50);
  const routingKeyLen = b[o++]!;
  if (o + routingKeyLen > e) truncated(50, 50);
  const _routingKey = routingKeyLen === 0 ? '' : b.toString('utf8', o, o + routingKeyLen); o += routingKeyLen;
  if (o + 4 > e) truncated(50, 50);
  const argumentsLen = b.readUInt32BE(o); o += 4;
  if (o + argumentsLen > e) truncated(50, 50);
  const _arguments = decodeTableRange(b, o, o + argumentsLen); o += argumentsLen;
  return { ticket: _ticket, queue: _queue, exchange: _exchange, routingKey: _routingKey, arguments: _arguments };
}

function decodeQueueUnbindOk(_b: Buffer, _o: number, _e: number): MethodArgs['queue.unbind-ok'] {
  return {  };
}

function decodeTxSelect(_b: Buffer, _o: number, _e: number): MethodArgs['tx.select'] {
  return {  };
}

function decodeTxSelectOk(_b: Buffer, _o: number, _e: number): MethodArgs['tx.select-ok'] {
  return {  };
}

function decodeTxCommit(_b: Buffer, _o: number, _e: number): MethodArgs['tx.commit'] {
  return {  };
}

function decodeTxCommitOk(_b: Buffer, _o: number, _e: number): MethodArgs['tx.commit-ok'] {
  return {  };
}

function decodeTxRollback(_b: Buffer, _o: number, _e: number): MethodArgs['tx.rollback'] {
  return {  };
}

function decodeTxRollbackOk(_b: Buffer, _o: number, _e: number): MethodArgs['tx.rollback-ok'] {
  return {  };
}

function decodeConfirmSelect(b: Buffer, o: number, e: number): MethodArgs['confirm.select'] {
  if (o + 1 > e) truncated(85, 10);
  const bits0 = b[o++]!;
  const _nowait = (bits0 & 1) !== 0;
  return { nowait: _nowait };
}

function decodeConfirmSelectOk(_b: Buffer, _o: number, _e: number): MethodArgs['confirm.select-ok'] {
  return {  };
}

/**
 * Encodes m as a complete method frame on `channel`, in a buffer with `tail` more bytes left
 * uninitialised after the frame end, so content frames can follow in the same allocation.
 */
export function encodeMethodFrameWithTail(channel: number, m: Method, tail: number): Buffer {
  switch ((m.classId << 16) | m.methodId) {
    case 0x003c000a: return encodeBasicQos(channel, m.args as MethodArgs['basic.qos'], tail);
    case 0x003c000b: return encodeBasicQosOk(channel, m.args as MethodArgs['basic.qos-ok'], tail);
    case 0x003c0014: return encodeBasicConsume(channel, m.args as MethodArgs['basic.consume'], tail);
    case 0x003c0015: return encodeBasicConsumeOk(channel, m.args as MethodArgs['basic.consume-ok'], tail);
    case 0x003c001e: return encodeBasicCancel(channel, m.args as MethodArgs['basic.cancel'], tail);
    case 0x003c001f: return encodeBasicCancelOk(channel, m.args as MethodArgs['basic.cancel-ok'], tail);
    case 0x003c0028: return encodeBasicPublish(channel, m.args as MethodArgs['basic.publish'], tail);
    case 0x003c0032: return encodeBasicReturn(channel, m.args as MethodArgs['basic.return'], tail);
    case 0x003c003c: return encodeBasicDeliver(channel, m.args as MethodArgs['basic.deliver'], tail);
    case 0x003c0046: return encodeBasicGet(channel, m.args as MethodArgs['basic.get'], tail);
    case 0x003c0047: return encodeBasicGetOk(channel, m.args as MethodArgs['basic.get-ok'], tail);
    case 0x003c0048: return encodeBasicGetEmpty(channel, m.args as MethodArgs['basic.get-empty'], tail);
    case 0x003c0050: return encodeBasicAck(channel, m.args as MethodArgs['basic.ack'], tail);
    case 0x003c005a: return encodeBasicReject(channel, m.args as MethodArgs['basic.reject'], tail);
    case 0x003c0064: return encodeBasicRecoverAsync(channel, m.args as MethodArgs['basic.recover-async'], tail);
    case 0x003c006e: return encodeBasicRecover(channel, m.args as MethodArgs['basic.recover'], tail);
    case 0x003c006f: return encodeBasicRecoverOk(channel, m.args as MethodArgs['basic.recover-ok'], tail);
    case 0x003c0078: return encodeBasicNack(channel, m.args as MethodArgs['basic.nack'], tail);
    case 0x000a000a: return encodeConnectionStart(channel, m.args as MethodArgs['connection.start'], tail);
    case 0x000a000b: return encodeConnectionStartOk(channel, m.args as MethodArgs['connection.start-ok'], tail);
    case 0x000a0014: return encodeConnectionSecure(channel, m.args as MethodArgs['connection.secure'], tail);
    case 0x000a0015: return encodeConnectionSecureOk(channel, m.args as MethodArgs['connection.secure-ok'], tail);
    case 0x000a001e: return encodeConnectionTune(channel, m.args as MethodArgs['connection.tune'], tail);
    case 0x000a001f: return encodeConnectionTuneOk(channel, m.args as MethodArgs['connection.tune-ok'], tail);
    case 0x000a0028: return encodeConnectionOpen(channel, m.args as MethodArgs['connection.open'], tail);
    case 0x000a0029: return encodeConnectionOpenOk(channel, m.args as MethodArgs['connection.open-ok'], tail);
    case 0x000a0032: return encodeConnectionClose(channel, m.args as MethodArgs['connection.close'], tail);
    case 0x000a0033: return encodeConnectionCloseOk(channel, m.args as MethodArgs['connection.close-ok'], tail);
    case 0x000a003c: return encodeConnectionBlocked(channel, m.args as MethodArgs['connection.blocked'], tail);
    case 0x000a003d: return encodeConnectionUnblocked(channel, m.args as MethodArgs['connection.unblocked'], tail);
    case 0x000a0046: return encodeConnectionUpdateSecret(channel, m.args as MethodArgs['connection.update-secret'], tail);
    case 0x000a0047: return encodeConnectionUpdateSecretOk(channel, m.args as MethodArgs['connection.update-secret-ok'], tail);
    case 0x0014000a: return encodeChannelOpen(channel, m.args as MethodArgs['channel.open'], tail);
    case 0x0014000b: return encodeChannelOpenOk(channel, m.args as MethodArgs['channel.open-ok'], tail);
    case 0x00140014: return encodeChannelFlow(channel, m.args as MethodArgs['channel.flow'], tail);
    case 0x00140015: return encodeChannelFlowOk(channel, m.args as MethodArgs['channel.flow-ok'], tail);
    case 0x00140028: return encodeChannelClose(channel, m.args as MethodArgs['channel.close'], tail);
    case 0x00140029: return encodeChannelCloseOk(channel, m.args as MethodArgs['channel.close-ok'], tail);
    case 0x001e000a: return encodeAccessRequest(channel, m.args as MethodArgs['access.request'], tail);
    case 0x001e000b: return encodeAccessRequestOk(channel, m.args as MethodArgs['access.request-ok'], tail);
    case 0x0028000a: return encodeExchangeDeclare(channel, m.args as MethodArgs['exchange.declare'], tail);
    case 0x0028000b: return encodeExchangeDeclareOk(channel, m.args as MethodArgs['exchange.declare-ok'], tail);
    case 0x00280014: return encodeExchangeDelete(channel, m.args as MethodArgs['exchange.delete'], tail);
    case 0x00280015: return encodeExchangeDeleteOk(channel, m.args as MethodArgs['exchange.delete-ok'], tail);
    case 0x0028001e: return encodeExchangeBind(channel, m.args as MethodArgs['exchange.bind'], tail);
    case 0x0028001f: return encodeExchangeBindOk(channel, m.args as MethodArgs['exchange.bind-ok'], tail);
    case 0x00280028: return encodeExchangeUnbind(channel, m.args as MethodArgs['exchange.unbind'], tail);
    case 0x00280033: return encodeExchangeUnbindOk(channel, m.args as MethodArgs['exchange.unbind-ok'], tail);
    case 0x0032000a: return encodeQueueDeclare(channel, m.args as MethodArgs['queue.declare'], tail);
    case 0x0032000b: return encodeQueueDeclareOk(channel, m.args as MethodArgs['queue.declare-ok'], tail);
    case 0x00320014: return encodeQueueBind(channel, m.args as MethodArgs['queue.bind'], tail);
    case 0x00320015: return encodeQueueBindOk(channel, m.args as MethodArgs['queue.bind-ok'], tail);
    case 0x0032001e: return encodeQueuePurge(channel, m.args as MethodArgs['queue.purge'], tail);
    case 0x0032001f: return encodeQueuePurgeOk(channel, m.args as MethodArgs['queue.purge-ok'], tail);
    case 0x00320028: return encodeQueueDelete(channel, m.args as MethodArgs['queue.delete'], tail);
    case 0x00320029: return encodeQueueDeleteOk(channel, m.args as MethodArgs['queue.delete-ok'], tail);
    case 0x00320032: return encodeQueueUnbind(channel, m.args as MethodArgs['queue.unbind'], tail);
    case 0x00320033: return encodeQueueUnbindOk(channel, m.args as MethodArgs['queue.unbind-ok'], tail);
    case 0x005a000a: return encodeTxSelect(channel, m.args as MethodArgs['tx.select'], tail);
    case 0x005a000b: return encodeTxSelectOk(channel, m.args as MethodArgs['tx.select-ok'], tail);
    case 0x005a0014: return encodeTxCommit(channel, m.args as MethodArgs['tx.commit'], tail);
    case 0x005a0015: return encodeTxCommitOk(channel, m.args as MethodArgs['tx.commit-ok'], tail);
    case 0x005a001e: return encodeTxRollback(channel, m.args as MethodArgs['tx.rollback'], tail);
    case 0x005a001f: return encodeTxRollbackOk(channel, m.args as MethodArgs['tx.rollback-ok'], tail);
    case 0x0055000a: return encodeConfirmSelect(channel, m.args as MethodArgs['confirm.select'], tail);
    case 0x0055000b: return encodeConfirmSelectOk(channel, m.args as MethodArgs['confirm.select-ok'], tail);
    default: throw new RangeError(`unknown method ${m.classId}.${m.methodId}`);
  }
}

/**
 * Decodes a method payload, b[o..e): class id, method id, arguments. Throws ProtocolError
 * 540 NOT_IMPLEMENTED for a class or method the spec does not have, 502 SYNTAX_ERROR when the
 * arguments are truncated or malformed.
 */
export function decodeMethodPayload(b: Buffer, o: number, e: number): Method {
  if (o + 4 > e) truncated(0, 0);
  const id = b.readUInt32BE(o);
  o += 4;
  switch (id) {
    case 0x003c000a: return { name: 'basic.qos', classId: 60, methodId: 10, args: decodeBasicQos(b, o, e) };
    case 0x003c000b: return { name: 'basic.qos-ok', classId: 60, methodId: 11, args: decodeBasicQosOk(b, o, e) };
    case 0x003c0014: return { name: 'basic.consume', classId: 60, methodId: 20, args: decodeBasicConsume(b, o, e) };
    case 0x003c0015: return { name: 'basic.consume-ok', classId: 60, methodId: 21, args: decodeBasicConsumeOk(b, o, e) };
    case 0x003c001e: return { name: 'basic.cancel', classId: 60, methodId: 30, args: decodeBasicCancel(b, o, e) };
    case 0x003c001f: return { name: 'basic.cancel-ok', classId: 60, methodId: 31, args: decodeBasicCancelOk(b, o, e) };
    case 0x003c0028: return { name: 'basic.publish', classId: 60, methodId: 40, args: decodeBasicPublish(b, o, e) };
    case 0x003c0032: return { name: 'basic.return', classId: 60, methodId: 50, args: decodeBasicReturn(b, o, e) };
    case 0x003c003c: return { name: 'basic.deliver', classId: 60, methodId: 60, args: decodeBasicDeliver(b, o, e) };
    case 0x003c0046: return { name: 'basic.get', classId: 60, methodId: 70, args: decodeBasicGet(b, o, e) };
    case 0x003c0047: return { name: 'basic.get-ok', classId: 60, methodId: 71, args: decodeBasicGetOk(b, o, e) };
    case 0x003c0048: return { name: 'basic.get-empty', classId: 60, methodId: 72, args: decodeBasicGetEmpty(b, o, e) };
    case 0x003c0050: return { name: 'basic.ack', classId: 60, methodId: 80, args: decodeBasicAck(b, o, e) };
    case 0x003c005a: return { name: 'basic.reject', classId: 60, methodId: 90, args: decodeBasicReject(b, o, e) };
    case 0x003c0064: return { name: 'basic.recover-async', classId: 60, methodId: 100, args: decodeBasicRecoverAsync(b, o, e) };
    case 0x003c006e: return { name: 'basic.recover', classId: 60, methodId: 110, args: decodeBasicRecover(b, o, e) };
    case 0x003c006f: return { name: 'basic.recover-ok', classId: 60, methodId: 111, args: decodeBasicRecoverOk(b, o, e) };
    case 0x003c0078: return { name: 'basic.nack', classId: 60, methodId: 120, args: decodeBasicNack(b, o, e) };
    case 0x000a000a: return { name: 'connection.start', classId: 10, methodId: 10, args: decodeConnectionStart(b, o, e) };
    case 0x000a000b: return { name: 'connection.start-ok', classId: 10, methodId: 11, args: decodeConnectionStartOk(b, o, e) };
    case 0x000a0014: return { name: 'connection.secure', classId: 10, methodId: 20, args: decodeConnectionSecure(b, o, e) };
    case 0x000a0015: return { name: 'connection.secure-ok', classId: 10, methodId: 21, args: decodeConnectionSecureOk(b, o, e) };
    case 0x000a001e: return { name: 'connection.tune', classId: 10, methodId: 30, args: decodeConnectionTune(b, o, e) };
    case 0x000a001f: return { name: 'connection.tune-ok', classId: 10, methodId: 31, args: decodeConnectionTuneOk(b, o, e) };
    case 0x000a0028: return { name: 'connection.open', classId: 10, methodId: 40, args: decodeConnectionOpen(b, o, e) };
    case 0x000a0029: return { name: 'connection.open-ok', classId: 10, methodId: 41, args: decodeConnectionOpenOk(b, o, e) };
    case 0x000a0032: return { name: 'connection.close', classId: 10, methodId: 50, args: decodeConnectionClose(b, o, e) };
    case 0x000a0033: return { name: 'connection.close-ok', classId: 10, methodId: 51, args: decodeConnectionCloseOk(b, o, e) };
    case 0x000a003c: return { name: 'connection.blocked', classId: 10, methodId: 60, args: decodeConnectionBlocked(b, o, e) };
    case 0x000a003d: return { name: 'connection.unblocked', classId: 10, methodId: 61, args: decodeConnectionUnblocked(b, o, e) };
    case 0x000a0046: return { name: 'connection.update-secret', classId: 10, methodId: 70, args: decodeConnectionUpdateSecret(b, o, e) };
    case 0x000a0047: return { name: 'connection.update-secret-ok', classId: 10, methodId: 71, args: decodeConnectionUpdateSecretOk(b, o, e) };
    case 0x0014000a: return { name: 'channel.open', classId: 20, methodId: 10, args: decodeChannelOpen(b, o, e) };
    case 0x0014000b: return { name: 'channel.open-ok', classId: 20, methodId: 11, args: decodeChannelOpenOk(b, o, e) };
    case 0x00140014: return { name: 'channel.flow', classId: 20, methodId: 20, args: decodeChannelFlow(b, o, e) };
    case 0x00140015: return { name: 'channel.flow-ok', classId: 20, methodId: 21, args: decodeChannelFlowOk(b, o, e) };
    case 0x00140028: return { name: 'channel.close', classId: 20, methodId: 40, args: decodeChannelClose(b, o, e) };
    case 0x00140029: return { name: 'channel.close-ok', classId: 20, methodId: 41, args: decodeChannelCloseOk(b, o, e) };
    case 0x001e000a: return { name: 'access.request', classId: 30, methodId: 10, args: decodeAccessRequest(b, o, e) };
    case 0x001e000b: return { name: 'access.request-ok', classId: 30, methodId: 11, args: decodeAccessRequestOk(b, o, e) };
    case 0x0028000a: return { name: 'exchange.declare', classId: 40, methodId: 10, args: decodeExchangeDeclare(b, o, e) };
    case 0x0028000b: return { name: 'exchange.declare-ok', classId: 40, methodId: 11, args: decodeExchangeDeclareOk(b, o, e) };
    case 0x00280014: return { name: 'exchange.delete', classId: 40, methodId: 20, args: decodeExchangeDelete(b, o, e) };
    case 0x00280015: return { name: 'exchange.delete-ok', classId: 40, methodId: 21, args: decodeExchangeDeleteOk(b, o, e) };
    case 0x0028001e: return { name: 'exchange.bind', classId: 40, methodId: 30, args: decodeExchangeBind(b, o, e) };
    case 0x0028001f: return { name: 'exchange.bind-ok', classId: 40, methodId: 31, args: decodeExchangeBindOk(b, o, e) };
    case 0x00280028: return { name: 'exchange.unbind', classId: 40, methodId: 40, args: decodeExchangeUnbind(b, o, e) };
    case 0x00280033: return { name: 'exchange.unbind-ok', classId: 40, methodId: 51, args: decodeExchangeUnbindOk(b, o, e) };
    case 0x0032000a: return { name: 'queue.declare', classId: 50, methodId: 10, args: decodeQueueDeclare(b, o, e) };
    case 0x0032000b: return { name: 'queue.declare-ok', classId: 50, methodId: 11, args: decodeQueueDeclareOk(b, o, e) };
    case 0x00320014: return { name: 'queue.bind', classId: 50, methodId: 20, args: decodeQueueBind(b, o, e) };
    case 0x00320015: return { name: 'queue.bind-ok', classId: 50, methodId: 21, args: decodeQueueBindOk(b, o, e) };
    case 0x0032001e: return { name: 'queue.purge', classId: 50, methodId: 30, args: decodeQueuePurge(b, o, e) };
    case 0x0032001f: return { name: 'queue.purge-ok', classId: 50, methodId: 31, args: decodeQueuePurgeOk(b, o, e) };
    case 0x00320028: return { name: 'queue.delete', classId: 50, methodId: 40, args: decodeQueueDelete(b, o, e) };
    case 0x00320029: return { name: 'queue.delete-ok', classId: 50, methodId: 41, args: decodeQueueDeleteOk(b, o, e) };
    case 0x00320032: return { name: 'queue.unbind', classId: 50, methodId: 50, args: decodeQueueUnbind(b, o, e) };
    case 0x00320033: return { name: 'queue.unbind-ok', classId: 50, methodId: 51, args: decodeQueueUnbindOk(b, o, e) };
    case 0x005a000a: return { name: 'tx.select', classId: 90, methodId: 10, args: decodeTxSelect(b, o, e) };
    case 0x005a000b: return { name: 'tx.select-ok', classId: 90, methodId: 11, args: decodeTxSelectOk(b, o, e) };
    case 0x005a0014: return { name: 'tx.commit', classId: 90, methodId: 20, args: decodeTxCommit(b, o, e) };
    case 0x005a0015: return { name: 'tx.commit-ok', classId: 90, methodId: 21, args: decodeTxCommitOk(b, o, e) };
    case 0x005a001e: return { name: 'tx.rollback', classId: 90, methodId: 30, args: decodeTxRollback(b, o, e) };
    case 0x005a001f: return { name: 'tx.rollback-ok', classId: 90, methodId: 31, args: decodeTxRollbackOk(b, o, e) };
    case 0x0055000a: return { name: 'confirm.select', classId: 85, methodId: 10, args: decodeConfirmSelect(b, o, e) };
    case 0x0055000b: return { name: 'confirm.select-ok', classId: 85, methodId: 11, args: decodeConfirmSelectOk(b, o, e) };
  }
  const classId = id >>> 16;
  const methodId = id & 0xffff;
  const knownClass = classId === 60 || classId === 10 || classId === 20 || classId === 30 || classId === 40 || classId === 50 || classId === 90 || classId === 85;
  throw new ProtocolError(ReplyCode.NOT_IMPLEMENTED, knownClass
    ? `NOT_IMPLEMENTED - unknown method ${methodId} in class ${classId}`
    : `NOT_IMPLEMENTED - unknown class ${classId}`, classId, methodId);
}
