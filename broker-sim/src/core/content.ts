/**
 * The few places where the broker rewrites a message's content properties, as RabbitMQ does:
 * dead-lettering (x-death, x-first-death-*, expiration moved to original-expiration) and quorum
 * deliveries (x-delivery-count). Everything else passes the publisher's bytes through untouched.
 */
import { decodeProperties, encodeProperties, FieldValue, type BasicProperties } from '../protocol/index.ts';
import { parseExpiration } from './expiration.ts';

export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';

export interface Death {
  reason: DeathReason;
  queue: string;
  exchange: string;
  routingKeys: string[];
  /** Clock time in ms; x-death holds it in seconds. */
  time: number;
}

type Table = Record<string, unknown>;

/** Properties of a dead-lettered copy: its death recorded first in x-death, RabbitMQ's layout. */
export function deadLetteredProperties(raw: Buffer, death: Death): Buffer {
  const p: BasicProperties = decodeProperties(raw);
  const headers: Table = { ...(p.headers ?? {}) };
  delete headers['x-delivery-count'];
  const deaths = Array.isArray(headers['x-death']) ? (headers['x-death'] as Table[]).slice() : [];
  const i = deaths.findIndex((d) => d.queue === death.queue && d.reason === death.reason);
  const time = new FieldValue('T', Math.floor(death.time / 1000));
  if (i >= 0) {
    const old = deaths.splice(i, 1)[0]!;
    deaths.unshift({ ...old, count: new FieldValue('l', countOf(old) + 1), time });
  } else {
    const entry: Table = {
      count: new FieldValue('l', 1), reason: death.reason, queue: death.queue, time, exchange: death.exchange,
      'routing-keys': death.routingKeys,
    };
    if (p.expiration !== undefined) entry['original-expiration'] = p.expiration;
    deaths.unshift(entry);
  }
  headers['x-death'] = deaths;
  headers['x-first-death-exchange'] ??= death.exchange;
  headers['x-first-death-queue'] ??= death.queue;
  headers['x-first-death-reason'] ??= death.reason;
  return encodeProperties({ ...p, headers, expiration: undefined });
}

/** The queues a message has already died in, and whether any of those deaths was a rejection. */
export function deathHistory(raw: Buffer): { queues: Set<string>; rejected: boolean } {
  const deaths = decodeProperties(raw).headers?.['x-death'];
  const list = Array.isArray(deaths) ? (deaths as Table[]) : [];
  return { queues: new Set(list.map((d) => String(d.queue))), rejected: list.some((d) => d.reason === 'rejected') };
}

/** A quorum queue's delivery carries x-delivery-count: how many times it came back before. */
export function withDeliveryCount(raw: Buffer, count: number): Buffer {
  const p = decodeProperties(raw);
  return encodeProperties({ ...p, headers: { ...(p.headers ?? {}), 'x-delivery-count': new FieldValue('l', count) } });
}

/** A stream's delivery carries x-stream-offset: where the message is in the stream. */
export function withStreamOffset(raw: Buffer, offset: number): Buffer {
  const p = decodeProperties(raw);
  return encodeProperties({ ...p, headers: { ...(p.headers ?? {}), 'x-stream-offset': new FieldValue('l', offset) } });
}

const EXPIRATION_FLAG = 0x0100;
const PRIORITY_FLAG = 0x0800;

/**
 * The expiration property (ms, as a string) and priority, read at publish. Most messages carry
 * neither, and then nothing is decoded. An expiration that is not a non-negative integer is refused
 * with RabbitMQ's 406.
 */
export function publishHints(raw: Buffer): { expiration?: number; priority?: number } {
  const flags = raw.length >= 2 ? raw.readUInt16BE(0) : 0;
  if ((flags & (EXPIRATION_FLAG | PRIORITY_FLAG)) === 0) return {};
  const p = decodeProperties(raw);
  const out: { expiration?: number; priority?: number } = {};
  if (p.priority !== undefined) out.priority = p.priority;
  if (p.expiration !== undefined) {
    out.expiration = parseExpiration(p.expiration);
  }
  return out;
}

function countOf(d: Table): number {
  const c = d.count;
  if (c instanceof FieldValue) return Number(c.value);
  return Number(c ?? 0);
}
