/**
 * A stream's log, as RabbitMQ 3.10 keeps one: an append-only sequence of messages numbered by
 * offset from 0, cut into segments of at most x-stream-max-segment-size-bytes, from which
 * retention (x-max-length-bytes, x-max-age) removes whole segments, oldest first, and only when a
 * new segment begins — as RabbitMQ evaluates retention at segment roll-over. Pure logic: time is
 * passed in, storage is the caller's business.
 *
 * Each message is its own chunk (RabbitMQ groups messages written together into one chunk), so
 * `last` starts at the last message.
 */
import { errors, AmqpError } from './errors.ts';
import { ReplyCode } from '../protocol/index.ts';

/** One message in the log: where it is, when it was written, and what it weighs. */
export interface LogEntry<T> {
  offset: number;
  /** Clock time it was appended, ms (RabbitMQ's chunk timestamp). */
  timestamp: number;
  segment: number;
  /** What it counts towards x-max-length-bytes and the segment size: body and properties. */
  bytes: number;
  value: T;
}

export interface Retention {
  /** x-max-length-bytes: the log's size, beyond which the oldest segments go. */
  maxBytes?: number;
  /** x-max-age in ms: segments whose newest message is older go. */
  maxAgeMs?: number;
  /** x-stream-max-segment-size-bytes (RabbitMQ's default: 500,000,000). */
  maxSegmentBytes: number;
}

export const DEFAULT_SEGMENT_BYTES = 500_000_000;

/** Where a consumer starts, from its x-stream-offset. */
export type OffsetSpec =
  | { kind: 'first' } | { kind: 'last' } | { kind: 'next' }
  | { kind: 'offset'; offset: number }
  | { kind: 'timestamp'; ms: number };

export class StreamLog<T> {
  private entries: LogEntry<T>[] = [];
  private segmentBytes = 0;
  private segment = 0;
  /** The offset the next message gets. */
  private nextOffset = 0;
  private totalBytes = 0;

  constructor(private readonly retention: Retention) {}

  get length(): number { return this.entries.length; }
  get bytes(): number { return this.totalBytes; }
  /** The offset of the oldest message kept (the next offset when empty). */
  get firstOffset(): number { return this.entries[0]?.offset ?? this.nextOffset; }
  get endOffset(): number { return this.nextOffset; }

  /** Entries read back from storage at start-up, in offset order. */
  restore(entries: readonly LogEntry<T>[]): void {
    for (const e of entries) {
      if (e.segment !== this.segment) { this.segment = e.segment; this.segmentBytes = 0; }
      this.entries.push(e);
      this.segmentBytes += e.bytes;
      this.totalBytes += e.bytes;
      this.nextOffset = e.offset + 1;
    }
  }

  /**
   * Appends one message. Returns the new entry and the entries retention removed (oldest first):
   * a message that would overflow the current segment begins a new one, and then retention runs.
   */
  append(value: T, bytes: number, now: number): { entry: LogEntry<T>; removed: LogEntry<T>[] } {
    let removed: LogEntry<T>[] = [];
    if (this.segmentBytes > 0 && this.segmentBytes + bytes > this.retention.maxSegmentBytes) {
      this.segment++;
      this.segmentBytes = 0;
      removed = this.applyRetention(now);
    }
    const entry: LogEntry<T> = { offset: this.nextOffset++, timestamp: now, segment: this.segment, bytes, value };
    this.entries.push(entry);
    this.segmentBytes += bytes;
    this.totalBytes += bytes;
    return { entry, removed };
  }

  /** The entry at an offset, or undefined when it is gone or not yet written. */
  at(offset: number): LogEntry<T> | undefined {
    const i = offset - this.firstOffset;
    return i >= 0 && i < this.entries.length ? this.entries[i] : undefined;
  }

  /** The offset a new consumer starts reading at. */
  start(spec: OffsetSpec): number {
    switch (spec.kind) {
      case 'first': return this.firstOffset;
      case 'next': return this.nextOffset;
      case 'last': return this.entries.length > 0 ? this.nextOffset - 1 : this.nextOffset;
      // An offset not yet written: the consumer waits for it, as RabbitMQ's.
      case 'offset': return Math.max(spec.offset, this.firstOffset);
      case 'timestamp': {
        const e = this.entries.find((x) => x.timestamp >= spec.ms);
        return e ? e.offset : this.nextOffset;
      }
    }
  }

  /** Removes whole segments before the current one while the log is too big or they are too old. */
  private applyRetention(now: number): LogEntry<T>[] {
    const { maxBytes, maxAgeMs } = this.retention;
    const removed: LogEntry<T>[] = [];
    while (this.entries.length > 0 && this.entries[0]!.segment < this.segment) {
      const seg = this.entries[0]!.segment;
      const found = this.entries.findIndex((e) => e.segment !== seg);
      const end = found < 0 ? this.entries.length : found;
      const segEntries = this.entries.slice(0, end);
      const segBytes = segEntries.reduce((n, e) => n + e.bytes, 0);
      const tooBig = maxBytes !== undefined && this.totalBytes > maxBytes;
      const tooOld = maxAgeMs !== undefined && segEntries[segEntries.length - 1]!.timestamp < now - maxAgeMs;
      if (!tooBig && !tooOld) break;
      this.entries.splice(0, end);
      this.totalBytes -= segBytes;
      removed.push(...segEntries);
    }
    return removed;
  }
}

/** RabbitMQ answers an x-stream-offset it cannot read by closing the connection with a bare 541. */
const unreadable = (): AmqpError => new AmqpError(ReplyCode.INTERNAL_ERROR, 'INTERNAL_ERROR');

const UNIT_MS: Record<string, number> = {
  Y: 365 * 86_400_000, M: 30 * 86_400_000, D: 86_400_000, h: 3_600_000, m: 60_000, s: 1000,
};

/**
 * x-stream-offset as basic.consume gives it: first, last, next, a number (an offset), an AMQP
 * timestamp (seconds), or an interval such as "10m" (that long before now).
 */
export function readOffsetSpec(v: unknown, now: number): OffsetSpec {
  if (v === undefined) return { kind: 'next' };
  if (v !== null && typeof v === 'object' && 'type' in v && 'value' in v) {
    const { type, value } = v as { type: string; value: unknown };
    if (type === 'T') return { kind: 'timestamp', ms: Number(value) * 1000 };
    return readOffsetSpec(value, now);
  }
  if (v instanceof Date) return { kind: 'timestamp', ms: Math.floor(v.getTime() / 1000) * 1000 };
  if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'offset', offset: Number(v) };
  const s = Buffer.isBuffer(v) ? v.toString('utf8') : v;
  if (s === 'first' || s === 'last' || s === 'next') return { kind: s };
  if (typeof s === 'string') {
    const ms = readInterval(s);
    if (ms !== undefined && ms !== 'invalid') return { kind: 'timestamp', ms: now - ms };
  }
  throw unreadable();
}

/** "7D", "12h", "30s" as ms; undefined when it is no interval at all; 'invalid' for a bad unit or zero. */
export function readInterval(s: string): number | undefined | 'invalid' {
  const m = /^(\d+)(.*)$/.exec(s);
  if (!m) return undefined;
  const unit = UNIT_MS[m[2]!];
  const n = Number(m[1]);
  if (unit === undefined || n <= 0) return 'invalid';
  return n * unit;
}

/** x-max-age as RabbitMQ reads it at queue.declare. */
export function readMaxAge(v: unknown, where: string, typeName: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' && !Buffer.isBuffer(v)) throw errors.precondition(`invalid arg 'x-max-age' ${where}: {unacceptable_type,${typeName}}`);
  const ms = readInterval(Buffer.isBuffer(v) ? v.toString('utf8') : v);
  if (ms === undefined) throw unreadable();
  if (ms === 'invalid') throw errors.precondition(`invalid arg 'x-max-age' ${where}: invalid_max_age`);
  return ms;
}
