/**
 * AMQP values as the management API's JSON, and back: field tables (arguments, headers, client
 * properties) and a message's content properties under RabbitMQ's names (content_type, delivery_mode…).
 */
import { FieldValue, type BasicProperties } from '../protocol/index.ts';
import { httpErrors } from './errors.ts';

/** A decoded field-table value as plain JSON: long strings as text, timestamps as seconds. */
export function toJson(v: unknown): unknown {
  if (v instanceof FieldValue) {
    if (v.type === 'D' && v.value && typeof v.value === 'object') {
      const d = v.value as { places: number; value: number };
      return d.value / 10 ** d.places;
    }
    return toJson(v.value);
  }
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return Math.floor(v.getTime() / 1000);
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toJson(x);
    return out;
  }
  return v;
}

const NAMES: [keyof BasicProperties, string][] = [
  ['contentType', 'content_type'], ['contentEncoding', 'content_encoding'], ['headers', 'headers'],
  ['deliveryMode', 'delivery_mode'], ['priority', 'priority'], ['correlationId', 'correlation_id'],
  ['replyTo', 'reply_to'], ['expiration', 'expiration'], ['messageId', 'message_id'], ['timestamp', 'timestamp'],
  ['type', 'type'], ['userId', 'user_id'], ['appId', 'app_id'], ['clusterId', 'cluster_id'],
];

const NUMERIC = new Set(['delivery_mode', 'priority', 'timestamp']);

/**
 * Content properties as RabbitMQ's API shows them. No properties at all is `[]`, not `{}`: RabbitMQ
 * returns its empty property list that way, and clients written for it cope with it.
 */
export function propertiesToJson(p: BasicProperties): Record<string, unknown> | [] {
  const out: Record<string, unknown> = {};
  for (const [key, name] of NAMES) if (p[key] !== undefined) out[name] = toJson(p[key]);
  return Object.keys(out).length === 0 ? [] : out;
}

/** The `properties` of a publish request; unknown names and wrong types are a 400. */
export function propertiesFromJson(v: unknown): BasicProperties {
  if (v === undefined || (Array.isArray(v) && v.length === 0)) return {};
  if (!isObject(v)) throw httpErrors.badRequest('properties must be an object');
  const p: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(v)) {
    const entry = NAMES.find(([, n]) => n === name);
    if (!entry) throw httpErrors.badRequest(`unknown message property '${name}'`);
    const [key] = entry;
    if (key === 'headers') {
      if (!isObject(value)) throw httpErrors.badRequest('headers must be an object');
      p.headers = value;
    } else if (NUMERIC.has(name)) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw httpErrors.badRequest(`${name} must be a whole number, got ${JSON.stringify(value)}`);
      p[key] = n;
    } else {
      if (typeof value !== 'string') throw httpErrors.badRequest(`${name} must be a string`);
      p[key] = value;
    }
  }
  return p as BasicProperties;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** true/false, or "true"/"false" as rabbitmqadmin sends them; anything else is RabbitMQ's not_boolean. */
export function readBoolean(body: Record<string, unknown>, key: string, dflt: boolean): boolean {
  const v = body[key];
  if (v === undefined) return dflt;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw httpErrors.badRequest(`["not_boolean", ${JSON.stringify(v)}] for ${key}`);
}

/** A table argument (`arguments`): an object, or absent. */
export function readTable(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = body[key];
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return {};
  if (!isObject(v)) throw httpErrors.badRequest(`${key} must be an object`);
  return v;
}

export function readString(body: Record<string, unknown>, key: string, dflt?: string): string {
  const v = body[key];
  if (v === undefined && dflt !== undefined) return dflt;
  if (v === undefined) throw httpErrors.badRequest(`[{key_missing,${key}}]`);
  if (typeof v !== 'string') throw httpErrors.badRequest(`${key} must be a string`);
  return v;
}

/** "::ffff:127.0.0.1" → "127.0.0.1", as RabbitMQ shows IPv4 peers. */
export function peerHost(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:/, '');
}
