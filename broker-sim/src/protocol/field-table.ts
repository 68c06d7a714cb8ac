/**
 * AMQP field tables and arrays with every type RabbitMQ uses: t b B s u I i l f d D S x A T F V.
 * Values decode to plain JavaScript (numbers, strings, booleans, Buffers, arrays, objects, null);
 * timestamps and decimals decode to a FieldValue so they encode back with their own type.
 */
import { ProtocolError } from './errors.ts';
import { Reader, Writer } from './wire.ts';

/** A value with an explicit AMQP field type, e.g. new FieldValue('l', 5) for a 64-bit integer. */
export class FieldValue {
  constructor(readonly type: string, readonly value: unknown) {}
}

export type FieldTable = Record<string, unknown>;

const MAX_DEPTH = 64;

function readValue(r: Reader, depth: number): unknown {
  const type = String.fromCharCode(r.octet());
  switch (type) {
    case 't': return r.octet() !== 0;
    case 'b': return r.int8();
    case 'B': return r.octet();
    case 's': return r.int16();
    case 'u': return r.short();
    case 'I': return r.int32();
    case 'i': return r.long();
    case 'l': return r.int64();
    case 'f': return r.float();
    case 'd': return r.double();
    case 'D': { const places = r.octet(); const value = r.int32(); return new FieldValue('D', { places, value }); }
    case 'S': return r.longstr().toString('utf8');
    case 'x': return Buffer.from(r.longstr());
    case 'A': return readArray(r, depth + 1);
    case 'T': return new FieldValue('T', Number(r.longlong()));
    case 'F': return readTable(r, depth + 1);
    case 'V': return null;
    default: throw new ProtocolError(502, `SYNTAX_ERROR - unknown field type '${type}'`);
  }
}

function readArray(r: Reader, depth: number): unknown[] {
  if (depth > MAX_DEPTH) throw new ProtocolError(502, 'SYNTAX_ERROR - field table nested too deep');
  const len = r.long();
  r.need(len);
  const inner = new Reader(r.buf, r.offset, r.offset + len);
  r.offset += len;
  const out: unknown[] = [];
  while (inner.remaining > 0) out.push(readValue(inner, depth));
  return out;
}

/** Reads a length-prefixed field table at the reader's position. */
export function readTable(r: Reader, depth = 0): FieldTable {
  if (depth > MAX_DEPTH) throw new ProtocolError(502, 'SYNTAX_ERROR - field table nested too deep');
  const len = r.long();
  r.need(len);
  const inner = new Reader(r.buf, r.offset, r.offset + len);
  r.offset += len;
  const out: FieldTable = {};
  while (inner.remaining > 0) {
    const key = inner.shortstr();
    out[key] = readValue(inner, depth);
  }
  return out;
}

function writeValue(w: Writer, v: unknown): void {
  if (v instanceof FieldValue) return writeTyped(w, v.type, v.value);
  switch (typeof v) {
    case 'string': w.octet(0x53); w.longstr(v); return;
    case 'boolean': w.octet(0x74); w.octet(v ? 1 : 0); return;
    case 'bigint': w.octet(0x6c); w.int64(v); return;
    case 'number':
      if (!Number.isInteger(v)) { w.octet(0x64); w.double(v); return; }
      if (v >= -0x80000000 && v <= 0x7fffffff) { w.octet(0x49); w.int32(v); return; }
      w.octet(0x6c); w.int64(v); return;
    case 'undefined': w.octet(0x56); return;
  }
  if (v === null) { w.octet(0x56); return; }
  if (Buffer.isBuffer(v)) { w.octet(0x78); w.longstr(v); return; }
  if (Array.isArray(v)) { w.octet(0x41); writeArray(w, v); return; }
  if (v instanceof Date) { w.octet(0x54); w.longlong(Math.floor(v.getTime() / 1000)); return; }
  w.octet(0x46);
  writeTable(w, v as FieldTable);
}

function writeTyped(w: Writer, type: string, value: unknown): void {
  w.octet(type.charCodeAt(0));
  const n = value as number;
  switch (type) {
    case 't': w.octet(value ? 1 : 0); return;
    case 'b': w.int8(n); return;
    case 'B': w.octet(n); return;
    case 's': w.int16(n); return;
    case 'u': w.short(n); return;
    case 'I': w.int32(n); return;
    case 'i': w.long(n); return;
    case 'l': w.int64(value as number | bigint); return;
    case 'f': w.float(n); return;
    case 'd': w.double(n); return;
    case 'D': { const d = value as { places: number; value: number }; w.octet(d.places); w.int32(d.value); return; }
    case 'S': w.longstr(String(value)); return;
    case 'x': w.longstr(value as Buffer); return;
    case 'A': writeArray(w, value as unknown[]); return;
    case 'T': w.longlong(value instanceof Date ? Math.floor(value.getTime() / 1000) : n); return;
    case 'F': writeTable(w, value as FieldTable); return;
    case 'V': return;
    default: throw new RangeError(`unknown field type '${type}'`);
  }
}

function writeArray(w: Writer, values: unknown[]): void {
  const at = w.lengthSlot();
  for (const v of values) writeValue(w, v);
  w.patchLength(at);
}

/** Writes a length-prefixed field table at the writer's position. */
export function writeTable(w: Writer, table: FieldTable): void {
  const at = w.lengthSlot();
  for (const key of Object.keys(table)) {
    w.shortstr(key);
    writeValue(w, table[key]);
  }
  w.patchLength(at);
}

/** Encodes a field table, with its 32-bit length prefix. */
export function encodeTable(table: FieldTable): Buffer {
  const w = new Writer();
  writeTable(w, table);
  return Buffer.from(w.result());
}

/** Decodes a field table that starts with its 32-bit length prefix. */
export function decodeTable(buf: Buffer): FieldTable {
  return readTable(new Reader(buf));
}

/** Unwraps FieldValues to their plain value, for code that only wants the meaning. */
export function plain(v: unknown): unknown {
  return v instanceof FieldValue ? (v.type === 'D' ? v.value : v.value) : v;
}
