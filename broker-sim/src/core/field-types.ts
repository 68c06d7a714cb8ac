/**
 * Field-table values as RabbitMQ compares and names them. Decoding gives plain JavaScript values;
 * here they get back the type names RabbitMQ's errors use and the type classes its comparisons use
 * (every integer type is one class, so a byte 1 equals a long 1, but the string '1' does not).
 */
import { FieldValue } from '../protocol/index.ts';

/** A value with its wire type stripped (a FieldValue or an amqplib-style { type, value }). */
export function unwrap(v: unknown): unknown {
  return v !== null && typeof v === 'object' && 'value' in v && 'type' in v ? (v as { value: unknown }).value : v;
}

/** RabbitMQ's name for a value's type, as its errors print it ("expected integer, got longstr"). */
export function typeName(v: unknown): string {
  if (typeof v === 'string' || Buffer.isBuffer(v)) return 'longstr';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'double';
  if (typeof v === 'bigint') return 'long';
  if (Array.isArray(v)) return 'array';
  if (v === null || v === undefined) return 'void';
  return 'table';
}

/** An integer of any wire type: what RabbitMQ's integer arguments accept. */
export function isInteger(v: unknown): v is number | bigint {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

/**
 * The class RabbitMQ compares a value's type by: integers one class, floats another; a byte
 * array and a string compare alike (RabbitMQ 3.10 matches binary '1' to longstr '1').
 */
export function typeClass(v: unknown): string {
  if (v instanceof FieldValue) return v.type === 'D' ? 'float' : v.type;
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'string' || Buffer.isBuffer(v)) return 'longstr';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || v === undefined) return 'void';
  return Array.isArray(v) ? 'array' : 'table';
}

/** Equal in type class and value, as RabbitMQ compares a header to a binding argument. */
export function sameTyped(a: unknown, b: unknown): boolean {
  if (typeClass(a) !== typeClass(b)) return false;
  const text = (v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : typeof v === 'string' ? Buffer.from(v, 'utf8').toString('latin1') : v);
  if (typeof a === 'bigint' || typeof b === 'bigint') return BigInt(a as number) === BigInt(b as number);
  if (typeof a !== 'object' || a === null) return text(a) === text(b);
  return JSON.stringify(a, jsonSafe) === JSON.stringify(b, jsonSafe);
}

function jsonSafe(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}
