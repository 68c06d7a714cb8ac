/**
 * basic's content properties: a 16-bit flag word (bit 15 = first property) followed by the present
 * properties in order. The broker keeps the raw bytes and passes them through; it decodes only
 * when it needs a value (delivery mode, expiration, headers).
 */
import { readTable, writeTable, type FieldTable } from './field-table.ts';
import { BASIC_PROPERTIES } from './spec.generated.ts';
import { Reader, Writer } from './wire.ts';

/** The content properties of a basic message. timestamp is in seconds, as on the wire. */
export interface BasicProperties {
  contentType?: string; contentEncoding?: string; headers?: FieldTable; deliveryMode?: number;
  priority?: number; correlationId?: string; replyTo?: string; expiration?: string; messageId?: string;
  timestamp?: number; type?: string; userId?: string; appId?: string; clusterId?: string;
}

/** Decodes property flags and list (what a header frame carries after class, weight and size). */
export function decodeProperties(raw: Buffer): BasicProperties {
  const r = new Reader(raw);
  let flags = r.short();
  // A set bit 0 means another flag word follows; 0-9-1 defines none, so skip them.
  let more = flags & 1;
  while (more) more = r.short() & 1;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < BASIC_PROPERTIES.length; i++) {
    if ((flags & (1 << (15 - i))) === 0) continue;
    const p = BASIC_PROPERTIES[i]!;
    switch (p.type) {
      case 'shortstr': out[p.name] = r.shortstr(); break;
      case 'octet': out[p.name] = r.octet(); break;
      case 'timestamp': out[p.name] = Number(r.longlong()); break;
      case 'table': out[p.name] = readTable(r); break;
      default: break;
    }
  }
  flags = 0;
  return out as BasicProperties;
}

/** Encodes property flags and list. */
export function encodeProperties(props: BasicProperties): Buffer {
  const w = new Writer(64);
  writeProperties(w, props);
  return Buffer.from(w.result());
}

/** Writes property flags and list into a writer. */
export function writeProperties(w: Writer, props: BasicProperties): void {
  const values = props as Record<string, unknown>;
  let flags = 0;
  for (let i = 0; i < BASIC_PROPERTIES.length; i++) {
    if (values[BASIC_PROPERTIES[i]!.name] !== undefined) flags |= 1 << (15 - i);
  }
  w.short(flags);
  for (const p of BASIC_PROPERTIES) {
    const v = values[p.name];
    if (v === undefined) continue;
    switch (p.type) {
      case 'shortstr': w.shortstr(String(v)); break;
      case 'octet': w.octet(v as number); break;
      case 'timestamp': w.longlong(v as number); break;
      case 'table': writeTable(w, v as FieldTable); break;
      default: break;
    }
  }
}

/** Empty properties: a zero flag word. */
export const NO_PROPERTIES: Buffer = Buffer.from([0, 0]);

/**
 * delivery-mode without decoding the other properties: the publish hot path needs only this.
 * It follows content-type, content-encoding and headers, which are skipped by their lengths.
 */
export function readDeliveryMode(raw: Buffer): number | undefined {
  if (raw.length < 2) return undefined;
  const flags = raw.readUInt16BE(0);
  if ((flags & (1 << 12)) === 0) return undefined;
  let off = 2;
  if (flags & (1 << 15)) off += 1 + raw[off]!;
  if (flags & (1 << 14)) off += 1 + raw[off]!;
  if (flags & (1 << 13)) off += 4 + raw.readUInt32BE(off);
  return off < raw.length ? raw[off] : undefined;
}
