/**
 * AMQP field tables and arrays with every type RabbitMQ uses: t b B s u I i l f d D S x A T F V.
 *
 * Decoding gives plain JavaScript: booleans, numbers (every integer type, 64-bit ones too while they
 * are exact, a bigint beyond 2^53), strings (S, as UTF-8), Buffers (x), arrays, nested objects and
 * null (V). Timestamps (T) and decimals (D) decode to a FieldValue so they encode back as what they
 * were. Every read is bounds-checked against the end of the innermost table or array: truncated or
 * malformed input becomes ProtocolError 502, never an out-of-range read, and every value consumes at
 * least one byte, so no input loops forever.
 */
import { ProtocolError } from './errors.ts';
import { ReplyCode } from './reply-codes.generated.ts';

/**
 * A value with an explicit AMQP field type, e.g. `new FieldValue('l', 5)` for a 64-bit integer,
 * `new FieldValue('T', seconds)` for a timestamp, `new FieldValue('D', { places: 2, value: 314 })`.
 */
export class FieldValue {
  constructor(readonly type: string, readonly value: unknown) {}
}

/** A field table: names to values (see FieldValue for forcing a wire type). */
export type FieldTable = Record<string, unknown>;

/** Deeper nesting than this is refused, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 64;
const TWO_32 = 4294967296;

// ---- decoding ----------------------------------------------------------------------------------
// One module-level cursor instead of a reader object: decoding is synchronous and never re-entered.
let pos = 0;

function malformed(what: string): never {
  throw new ProtocolError(ReplyCode.SYNTAX_ERROR, `SYNTAX_ERROR - ${what} in field table`);
}

function readEntries(b: Buffer, end: number, depth: number): FieldTable {
  if (depth > MAX_DEPTH) malformed('nesting too deep');
  const out: FieldTable = {};
  while (pos < end) {
    const n = b[pos++]!;
    if (pos + n > end) malformed('truncated key');
    const key = b.toString('utf8', pos, pos + n);
    pos += n;
    const value = readValue(b, end, depth);
    // A key named __proto__ must become a property, not replace the object's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

function readArray(b: Buffer, end: number, depth: number): unknown[] {
  if (depth > MAX_DEPTH) malformed('nesting too deep');
  const out: unknown[] = [];
  while (pos < end) out.push(readValue(b, end, depth));
  return out;
}

/** Reads a 32-bit length at pos and returns the end of the region it announces. */
function region(b: Buffer, end: number): number {
  if (pos + 4 > end) malformed('truncated length');
  const len = b.readUInt32BE(pos);
  pos += 4;
  if (pos + len > end) malformed('truncated value');
  return pos + len;
}

function readValue(b: Buffer, end: number, depth: number): unknown {
  if (pos >= end) malformed('missing value');
  const type = b[pos++]!;
  switch (type) {
    case 0x74: // t boolean
      if (pos + 1 > end) malformed('truncated boolean');
      return b[pos++] !== 0;
    case 0x62: // b int8
      if (pos + 1 > end) malformed('truncated int8');
      return b.readInt8(pos++);
    case 0x42: // B uint8
      if (pos + 1 > end) malformed('truncated uint8');
      return b[pos++]!;
    case 0x73: { // s int16
      if (pos + 2 > end) malformed('truncated int16');
      const v = b.readInt16BE(pos); pos += 2; return v;
    }
    case 0x75: { // u uint16
      if (pos + 2 > end) malformed('truncated uint16');
      const v = b.readUInt16BE(pos); pos += 2; return v;
    }
    case 0x49: { // I int32
      if (pos + 4 > end) malformed('truncated int32');
      const v = b.readInt32BE(pos); pos += 4; return v;
    }
    case 0x69: { // i uint32
      if (pos + 4 > end) malformed('truncated uint32');
      const v = b.readUInt32BE(pos); pos += 4; return v;
    }
    case 0x6c: { // l int64
      if (pos + 8 > end) malformed('truncated int64');
      const hi = b.readInt32BE(pos);
      const lo = b.readUInt32BE(pos + 4);
      pos += 8;
      // Exact as a number when |v| < 2^53, i.e. the high word is within ±2^21.
      if (hi >= -0x200000 && hi < 0x200000) return hi * TWO_32 + lo;
      return b.readBigInt64BE(pos - 8);
    }
    case 0x66: { // f float
      if (pos + 4 > end) malformed('truncated float');
      const v = b.readFloatBE(pos); pos += 4; return v;
    }
    case 0x64: { // d double
      if (pos + 8 > end) malformed('truncated double');
      const v = b.readDoubleBE(pos); pos += 8; return v;
    }
    case 0x44: { // D decimal: scale octet, unsigned 32-bit value (as RabbitMQ reads it)
      if (pos + 5 > end) malformed('truncated decimal');
      const places = b[pos]!;
      const value = b.readUInt32BE(pos + 1);
      pos += 5;
      return new FieldValue('D', { places, value });
    }
    case 0x53: { // S longstr, as UTF-8 text
      const stop = region(b, end);
      const v = b.toString('utf8', pos, stop); pos = stop; return v;
    }
    case 0x78: { // x bytes, copied so they don't pin the read buffer
      const stop = region(b, end);
      const v = Buffer.from(b.subarray(pos, stop)); pos = stop; return v;
    }
    case 0x41: { // A array
      const stop = region(b, end);
      return readArray(b, stop, depth + 1);
    }
    case 0x54: { // T timestamp, seconds
      if (pos + 8 > end) malformed('truncated timestamp');
      const v = b.readUInt32BE(pos) * TWO_32 + b.readUInt32BE(pos + 4);
      pos += 8;
      return new FieldValue('T', v);
    }
    case 0x46: { // F nested table
      const stop = region(b, end);
      return readEntries(b, stop, depth + 1);
    }
    case 0x56: // V void
      return null;
    default:
      return malformed(`unknown field type ${JSON.stringify(String.fromCharCode(type))}`);
  }
}

/**
 * Decodes the entries of a table occupying b[start..end) (without its length prefix). Used by the
 * generated codec, which has already checked the length against its frame.
 */
export function decodeTableRange(b: Buffer, start: number, end: number): FieldTable {
  pos = start;
  return readEntries(b, end, 0);
}

/** Decodes a field table that starts with its 32-bit length prefix. */
export function decodeTable(buf: Buffer): FieldTable {
  pos = 0;
  const end = region(buf, buf.length);
  return readEntries(buf, end, 0);
}

// ---- encoding ----------------------------------------------------------------------------------
// One growable scratch buffer, reused by every encode; the result is copied out at exact size.
let out = Buffer.allocUnsafe(4096);
let w = 0;

function ensure(n: number): void {
  if (w + n <= out.length) return;
  const next = Buffer.allocUnsafe(Math.max(out.length * 2, w + n));
  out.copy(next, 0, 0, w);
  out = next;
}

function writeU32(v: number, at: number): void {
  out[at] = v >>> 24; out[at + 1] = v >>> 16; out[at + 2] = v >>> 8; out[at + 3] = v;
}

function writeLongString(s: string): void {
  // Worst case 3 bytes per UTF-16 unit; writing first avoids measuring the string twice.
  ensure(4 + s.length * 3);
  const n = s.length === 0 ? 0 : out.write(s, w + 4, 'utf8');
  writeU32(n, w);
  w += 4 + n;
}

function writeBytes(v: Buffer): void {
  ensure(4 + v.length);
  writeU32(v.length, w);
  v.copy(out, w + 4);
  w += 4 + v.length;
}

function toBigInt(v: unknown, type: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new RangeError(`field type '${type}' needs an integer, got ${String(v)}`);
}

function writeEntries(t: FieldTable): void {
  const at = w;
  ensure(4);
  w += 4;
  for (const key in t) {
    if (!Object.prototype.hasOwnProperty.call(t, key)) continue;
    const v = t[key];
    if (v === undefined) continue; // like JSON: an undefined entry is absent
    ensure(1 + key.length * 3);
    const n = out.write(key, w + 1, 'utf8');
    if (n > 255) throw new RangeError(`field table key longer than 255 bytes: ${key.slice(0, 40)}…`);
    out[w] = n;
    w += 1 + n;
    writeValue(v);
  }
  writeU32(w - at - 4, at);
}

function writeArrayBody(values: readonly unknown[]): void {
  const at = w;
  ensure(4);
  w += 4;
  for (const v of values) writeValue(v);
  writeU32(w - at - 4, at);
}

function writeValue(v: unknown): void {
  switch (typeof v) {
    case 'string': ensure(1); out[w++] = 0x53; writeLongString(v); return;
    case 'boolean': ensure(2); out[w++] = 0x74; out[w++] = v ? 1 : 0; return;
    case 'number':
      if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff) {
        ensure(5); out[w++] = 0x49; out.writeInt32BE(v, w); w += 4; return;
      }
      if (Number.isSafeInteger(v)) { ensure(9); out[w++] = 0x6c; out.writeBigInt64BE(BigInt(v), w); w += 8; return; }
      ensure(9); out[w++] = 0x64; out.writeDoubleBE(v, w); w += 8; return;
    case 'bigint': ensure(9); out[w++] = 0x6c; out.writeBigInt64BE(v, w); w += 8; return;
    case 'undefined': ensure(1); out[w++] = 0x56; return; // only reachable inside arrays
    case 'object':
      if (v === null) { ensure(1); out[w++] = 0x56; return; }
      if (v instanceof FieldValue) { writeTyped(v.type, v.value); return; }
      if (Buffer.isBuffer(v)) { ensure(1); out[w++] = 0x78; writeBytes(v); return; }
      if (Array.isArray(v)) { ensure(1); out[w++] = 0x41; writeArrayBody(v); return; }
      if (v instanceof Date) { writeTyped('T', v); return; }
      ensure(1); out[w++] = 0x46; writeEntries(v as FieldTable); return;
    default:
      throw new RangeError(`cannot encode a ${typeof v} in a field table`);
  }
}

function writeTyped(type: string, value: unknown): void {
  const n = value as number;
  ensure(9);
  out[w++] = type.charCodeAt(0);
  switch (type) {
    case 't': out[w++] = value ? 1 : 0; return;
    case 'b': out.writeInt8(n, w); w += 1; return;
    case 'B': out.writeUInt8(n, w); w += 1; return;
    case 's': out.writeInt16BE(n, w); w += 2; return;
    case 'u': out.writeUInt16BE(n, w); w += 2; return;
    case 'I': out.writeInt32BE(n, w); w += 4; return;
    case 'i': out.writeUInt32BE(n, w); w += 4; return;
    case 'l': out.writeBigInt64BE(toBigInt(value, 'l'), w); w += 8; return;
    case 'f': out.writeFloatBE(n, w); w += 4; return;
    case 'd': out.writeDoubleBE(n, w); w += 8; return;
    case 'D': {
      const d = value as { places?: unknown; value?: unknown } | null;
      if (!d || typeof d.places !== 'number' || typeof d.value !== 'number') {
        throw new RangeError("field type 'D' needs { places, value }");
      }
      out.writeUInt8(d.places, w);
      out.writeUInt32BE(d.value, w + 1);
      w += 5;
      return;
    }
    case 'T': {
      const secs = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
      out.writeBigUInt64BE(toBigInt(secs, 'T'), w);
      w += 8;
      return;
    }
    case 'S': writeLongString(typeof value === 'string' ? value : String(value)); return;
    case 'x': writeBytes(typeof value === 'string' ? Buffer.from(value, 'utf8') : (value as Buffer)); return;
    case 'A':
      if (!Array.isArray(value)) throw new RangeError("field type 'A' needs an array");
      writeArrayBody(value);
      return;
    case 'F': writeEntries((value ?? {}) as FieldTable); return;
    case 'V': return;
    default:
      w--;
      throw new RangeError(`unknown field type '${type}'`);
  }
}

/** The empty table on the wire: a zero length. Shared, never handed out to callers. */
const EMPTY_TABLE = Buffer.from([0, 0, 0, 0]);

function isEmpty(t: FieldTable): boolean {
  for (const key in t) if (Object.prototype.hasOwnProperty.call(t, key)) return false;
  return true;
}

/**
 * A table's wire bytes with length prefix, for copying into a frame. May return a shared buffer
 * (the empty table), so callers must not modify or keep the result.
 */
export function tableBytes(t: FieldTable | undefined): Buffer {
  if (t === undefined || isEmpty(t)) return EMPTY_TABLE;
  w = 0;
  writeEntries(t);
  const res = Buffer.allocUnsafe(w);
  out.copy(res, 0, 0, w);
  return res;
}

/**
 * Encodes a field table, with its 32-bit length prefix. Plain values take a type by what they are:
 * an integer fitting int32 → I, another integer → l, any other number → d, string → S, boolean → t,
 * Buffer → x, null → V, array → A, object → F, Date → T (seconds); a FieldValue forces its type.
 */
export function encodeTable(t: FieldTable): Buffer {
  if (isEmpty(t)) return Buffer.from(EMPTY_TABLE);
  return tableBytes(t);
}

/** Unwraps a FieldValue to its plain value, for code that only wants the meaning. */
export function plain(v: unknown): unknown {
  return v instanceof FieldValue ? v.value : v;
}
