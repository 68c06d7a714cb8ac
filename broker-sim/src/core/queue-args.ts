/**
 * The x-arguments of queue.declare that change how a queue behaves, read and checked as RabbitMQ 3.10
 * checks them (406 PRECONDITION_FAILED with its texts; x-consumer-timeout and x-delivery-limit it
 * does not check). Unknown x- arguments are accepted and kept, as RabbitMQ accepts them.
 */
import { errors } from './errors.ts';
import { DEFAULT_SEGMENT_BYTES, readMaxAge } from './stream.ts';
import { isInteger, typeName, unwrap } from './field-types.ts';

export type QueueType = 'classic' | 'quorum' | 'stream';
export type Overflow = 'drop-head' | 'reject-publish' | 'reject-publish-dlx';

export interface QueueArgs {
  type: QueueType;
  messageTtl?: number;
  expires?: number;
  maxLength?: number;
  maxLengthBytes?: number;
  overflow: Overflow;
  deadLetterExchange?: string;
  deadLetterRoutingKey?: string;
  maxPriority?: number;
  singleActiveConsumer: boolean;
  deliveryLimit?: number;
  consumerTimeout?: number;
  /** Streams: x-max-age in ms and x-stream-max-segment-size-bytes. */
  maxAgeMs?: number;
  maxSegmentBytes?: number;
}

interface Declared { name: string; vhost: string; durable: boolean; exclusive: boolean; autoDelete: boolean; serverNamed?: boolean }

/** The arguments a stream refuses, as RabbitMQ 3.10 does. */
const NOT_FOR_STREAMS = ['x-max-length', 'x-message-ttl', 'x-dead-letter-exchange', 'x-dead-letter-routing-key', 'x-max-priority',
  'x-overflow', 'x-expires', 'x-single-active-consumer', 'x-delivery-limit'];
/** The largest segment RabbitMQ accepts. */
const MAX_SEGMENT_BYTES = 3_000_000_000;

/** Reads and checks a declaration's arguments; throws RabbitMQ's 406 for a bad one. */
export function readQueueArgs(args: Record<string, unknown>, q: Declared): QueueArgs {
  const where = `for queue '${q.name}' in vhost '${q.vhost}'`;
  const invalid = (arg: string, why: string) => errors.precondition(`invalid arg '${arg}' ${where}: ${why}`);
  const int = (arg: string, opts: { min: number; max?: number }): number | undefined => {
    const v = unwrap(args[arg]);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' && typeof v !== 'bigint') throw invalid(arg, `"expected integer, got ${typeName(v)}"`);
    const n = Number(v);
    if (!Number.isInteger(n)) throw invalid(arg, `"expected integer, got ${typeName(v)}"`);
    if (n < 0) throw invalid(arg, `{value_negative,${n}}`);
    if (n < opts.min) throw invalid(arg, `{value_zero,${n}}`);
    if (opts.max !== undefined && n > opts.max) throw invalid(arg, `{max_value_exceeded,${n}}`);
    return n;
  };
  const text = (arg: string): string | undefined => {
    const v = unwrap(args[arg]);
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    if (Buffer.isBuffer(v)) return v.toString('utf8');
    throw invalid(arg, `{unacceptable_type,${typeName(v)}}`);
  };
  // The dead-letter exchange names an exchange, and RabbitMQ says so in a text of its own.
  const exchangeName = (arg: string): string | undefined => {
    const v = unwrap(args[arg]);
    if (v !== undefined && typeof v !== 'string' && !Buffer.isBuffer(v)) {
      throw errors.precondition(`invalid type '${typeName(v)}' for arg '${arg}' in queue '${q.name}' in vhost '${q.vhost}'`);
    }
    return text(arg);
  };
  /** RabbitMQ 3.10 does not check this one: a value that is no whole number ≥ 0 is taken as absent. */
  const unchecked = (arg: string): number | undefined => {
    const v = unwrap(args[arg]);
    return isInteger(v) && Number(v) >= 0 ? Number(v) : undefined;
  };

  const typeArg = text('x-queue-type') ?? 'classic';
  if (typeArg !== 'classic' && typeArg !== 'quorum' && typeArg !== 'stream') throw invalid('x-queue-type', `"unsupported queue type '${typeArg}'"`);
  const type: QueueType = typeArg;
  const overflow = text('x-overflow') ?? 'drop-head';
  if (overflow !== 'drop-head' && overflow !== 'reject-publish' && overflow !== 'reject-publish-dlx') {
    throw invalid('x-overflow', 'invalid_overflow');
  }
  const sac = unwrap(args['x-single-active-consumer']);
  if (sac !== undefined && typeof sac !== 'boolean') throw invalid('x-single-active-consumer', `{unacceptable_type,${typeName(sac)}}`);

  const out: QueueArgs = {
    type,
    messageTtl: int('x-message-ttl', { min: 0 }),
    expires: int('x-expires', { min: 1 }),
    maxLength: int('x-max-length', { min: 0 }),
    maxLengthBytes: int('x-max-length-bytes', { min: 0 }),
    overflow,
    deadLetterExchange: exchangeName('x-dead-letter-exchange'),
    deadLetterRoutingKey: text('x-dead-letter-routing-key'),
    maxPriority: int('x-max-priority', { min: 0, max: 255 }),
    singleActiveConsumer: sac === true,
    deliveryLimit: undefined,
    consumerTimeout: unchecked('x-consumer-timeout'),
  };
  const rabbitType = rabbitQueueType(type);
  const unsupported = (arg: string) => errors.precondition(`invalid arg '${arg}' ${where} of queue type ${rabbitType}`);
  const property = (p: string) => errors.precondition(`invalid property '${p}' for queue '${q.name}' in vhost '${q.vhost}'`);
  const replicated = (): void => {
    if (!q.durable) throw property('non-durable');
    if (q.exclusive) throw property('exclusive-owner');
    if (q.autoDelete) throw property('auto-delete');
  };
  if (type === 'stream') {
    if (q.serverNamed) throw errors.precondition(`Cannot declare a server-named queue for type ${rabbitType}`);
    replicated();
    const bad = NOT_FOR_STREAMS.find((a) => args[a] !== undefined);
    if (bad) throw unsupported(bad);
    out.maxAgeMs = readMaxAge(unwrap(args['x-max-age']), where, typeName(unwrap(args['x-max-age'])));
    const segment = int('x-stream-max-segment-size-bytes', { min: 0 });
    if (segment !== undefined && segment > MAX_SEGMENT_BYTES) throw errors.precondition('Exceeded max value for x-stream-max-segment-size-bytes');
    out.maxSegmentBytes = segment ?? DEFAULT_SEGMENT_BYTES;
    return out;
  }
  if (type === 'quorum') {
    replicated();
    if (args['x-max-priority'] !== undefined) throw unsupported('x-max-priority');
    // RabbitMQ 3.10 neither checks the limit nor applies one that is not a whole number ≥ 0.
    out.deliveryLimit = unchecked('x-delivery-limit');
  } else if (args['x-delivery-limit'] !== undefined) {
    throw unsupported('x-delivery-limit');
  }
  return out;
}

/** A queue type as RabbitMQ's texts name it. */
export function rabbitQueueType(type: QueueType): string {
  return `rabbit_${type}_queue`;
}
