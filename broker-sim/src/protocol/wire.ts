/**
 * Bounds-checked reading and growable writing of AMQP's primitive types. Every read checks the
 * remaining length first, so truncated input becomes a 502 SYNTAX_ERROR, never an out-of-range read.
 */
import { ProtocolError } from './errors.ts';

const SYNTAX_ERROR = 502;

/** Reads AMQP primitives from a buffer, front to back. */
export class Reader {
  offset: number;
  constructor(readonly buf: Buffer, offset = 0, readonly end = buf.length) {
    this.offset = offset;
  }
  need(n: number): void {
    if (this.offset + n > this.end) throw new ProtocolError(SYNTAX_ERROR, 'SYNTAX_ERROR - truncated field');
  }
  get remaining(): number { return this.end - this.offset; }
  octet(): number { this.need(1); return this.buf[this.offset++]!; }
  int8(): number { this.need(1); return this.buf.readInt8(this.offset++); }
  short(): number { this.need(2); const v = this.buf.readUInt16BE(this.offset); this.offset += 2; return v; }
  int16(): number { this.need(2); const v = this.buf.readInt16BE(this.offset); this.offset += 2; return v; }
  long(): number { this.need(4); const v = this.buf.readUInt32BE(this.offset); this.offset += 4; return v; }
  int32(): number { this.need(4); const v = this.buf.readInt32BE(this.offset); this.offset += 4; return v; }
  /** Unsigned 64-bit; a number while it is exact, a bigint beyond 2^53. */
  longlong(): number | bigint {
    this.need(8);
    const v = this.buf.readBigUInt64BE(this.offset);
    this.offset += 8;
    return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  int64(): number | bigint {
    this.need(8);
    const v = this.buf.readBigInt64BE(this.offset);
    this.offset += 8;
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
  }
  float(): number { this.need(4); const v = this.buf.readFloatBE(this.offset); this.offset += 4; return v; }
  double(): number { this.need(8); const v = this.buf.readDoubleBE(this.offset); this.offset += 8; return v; }
  bytes(n: number): Buffer { this.need(n); const v = this.buf.subarray(this.offset, this.offset + n); this.offset += n; return v; }
  shortstr(): string { const n = this.octet(); this.need(n); const v = this.buf.toString('utf8', this.offset, this.offset + n); this.offset += n; return v; }
  longstr(): Buffer { return this.bytes(this.long()); }
}

/** Writes AMQP primitives into a buffer that grows as needed. */
export class Writer {
  buf: Buffer;
  offset = 0;
  constructor(size = 256) { this.buf = Buffer.allocUnsafe(size); }
  ensure(n: number): void {
    if (this.offset + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.offset + n));
    this.buf.copy(next, 0, 0, this.offset);
    this.buf = next;
  }
  octet(v: number): void { this.ensure(1); this.buf[this.offset++] = v & 0xff; }
  int8(v: number): void { this.ensure(1); this.buf.writeInt8(v, this.offset++); }
  short(v: number): void { this.ensure(2); this.buf.writeUInt16BE(v & 0xffff, this.offset); this.offset += 2; }
  int16(v: number): void { this.ensure(2); this.buf.writeInt16BE(v, this.offset); this.offset += 2; }
  long(v: number): void { this.ensure(4); this.buf.writeUInt32BE(v >>> 0, this.offset); this.offset += 4; }
  int32(v: number): void { this.ensure(4); this.buf.writeInt32BE(v | 0, this.offset); this.offset += 4; }
  longlong(v: number | bigint): void { this.ensure(8); this.buf.writeBigUInt64BE(BigInt(v), this.offset); this.offset += 8; }
  int64(v: number | bigint): void { this.ensure(8); this.buf.writeBigInt64BE(BigInt(v), this.offset); this.offset += 8; }
  float(v: number): void { this.ensure(4); this.buf.writeFloatBE(v, this.offset); this.offset += 4; }
  double(v: number): void { this.ensure(8); this.buf.writeDoubleBE(v, this.offset); this.offset += 8; }
  bytes(b: Buffer): void { this.ensure(b.length); b.copy(this.buf, this.offset); this.offset += b.length; }
  shortstr(s: string): void {
    const n = Buffer.byteLength(s);
    if (n > 255) throw new RangeError(`shortstr longer than 255 bytes: ${s.slice(0, 40)}…`);
    this.ensure(1 + n);
    this.buf[this.offset++] = n;
    this.offset += this.buf.write(s, this.offset);
  }
  longstr(v: Buffer | string): void {
    const b = typeof v === 'string' ? Buffer.from(v) : v;
    this.long(b.length);
    this.bytes(b);
  }
  /** Reserves a 32-bit length slot; returns its offset for `patchLength`. */
  lengthSlot(): number { this.ensure(4); const at = this.offset; this.offset += 4; return at; }
  patchLength(at: number): void { this.buf.writeUInt32BE(this.offset - at - 4, at); }
  result(): Buffer { return this.buf.subarray(0, this.offset); }
}
