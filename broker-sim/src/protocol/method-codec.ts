/**
 * Table-driven codec for every method of AMQP 0-9-1, both directions, read from the generated
 * spec tables. Consecutive bit arguments share an octet, as the spec packs them.
 */
import { ProtocolError } from './errors.ts';
import { readTable, writeTable, type FieldTable } from './field-table.ts';
import { METHODS, type MethodArgs, type MethodName, type MethodSpec } from './spec.generated.ts';
import { Reader, Writer } from './wire.ts';

/** A decoded method: its name, ids and arguments. */
export type Method = { [K in MethodName]: { name: K; classId: number; methodId: number; args: MethodArgs[K] } }[MethodName];

const byId = new Map<number, MethodSpec>();
const byName = new Map<string, MethodSpec>();
for (const m of METHODS) {
  byId.set((m.classId << 16) | m.methodId, m);
  byName.set(m.name, m);
}

/** The spec entry of a method by name. */
export function methodSpec(name: MethodName): MethodSpec {
  return byName.get(name)!;
}

/** The spec entry for (classId, methodId), or undefined for an id the spec doesn't have. */
export function methodSpecById(classId: number, methodId: number): MethodSpec | undefined {
  return byId.get((classId << 16) | methodId);
}

/** Builds a method, filling every argument not given with the spec's default. */
export function method<K extends MethodName>(name: K, args: Partial<MethodArgs[K]> = {}): Method {
  const spec = byName.get(name);
  if (!spec) throw new RangeError(`unknown method ${name}`);
  const full: Record<string, unknown> = {};
  for (const a of spec.args) {
    const given = (args as Record<string, unknown>)[a.name];
    full[a.name] = given === undefined ? structuredCloneDefault(a.default) : given;
  }
  return { name, classId: spec.classId, methodId: spec.methodId, args: full } as Method;
}

function structuredCloneDefault(v: unknown): unknown {
  return typeof v === 'object' && v !== null ? {} : v;
}

/** Writes class id, method id and arguments. */
export function writeMethod(w: Writer, m: Method): void {
  const spec = byId.get((m.classId << 16) | m.methodId);
  if (!spec) throw new RangeError(`unknown method ${m.classId}.${m.methodId}`);
  w.short(m.classId);
  w.short(m.methodId);
  const args = m.args as Record<string, unknown>;
  let bits = 0;
  let bitCount = 0;
  const flushBits = (): void => {
    if (bitCount > 0) { w.octet(bits); bits = 0; bitCount = 0; }
  };
  for (const a of spec.args) {
    const v = args[a.name] ?? a.default;
    if (a.type === 'bit') {
      if (bitCount === 8) flushBits();
      if (v) bits |= 1 << bitCount;
      bitCount++;
      continue;
    }
    flushBits();
    switch (a.type) {
      case 'octet': w.octet(v as number); break;
      case 'short': w.short(v as number); break;
      case 'long': w.long(v as number); break;
      case 'longlong': case 'timestamp': w.longlong(v as number); break;
      case 'shortstr': w.shortstr(v as string); break;
      case 'longstr': w.longstr(v as Buffer | string); break;
      case 'table': writeTable(w, (v ?? {}) as FieldTable); break;
    }
  }
  flushBits();
}

/** Decodes a method frame's payload. Unknown ids close the connection with 540 NOT_IMPLEMENTED. */
export function decodeMethod(payload: Buffer): Method {
  const r = new Reader(payload);
  const classId = r.short();
  const methodId = r.short();
  const spec = byId.get((classId << 16) | methodId);
  if (!spec) {
    throw new ProtocolError(540, `NOT_IMPLEMENTED - unknown method ${classId}.${methodId}`, classId, methodId);
  }
  const args: Record<string, unknown> = {};
  let bits = 0;
  let bitIndex = 8;
  try {
    for (const a of spec.args) {
      if (a.type === 'bit') {
        if (bitIndex === 8) { bits = r.octet(); bitIndex = 0; }
        args[a.name] = (bits & (1 << bitIndex++)) !== 0;
        continue;
      }
      bitIndex = 8;
      switch (a.type) {
        case 'octet': args[a.name] = r.octet(); break;
        case 'short': args[a.name] = r.short(); break;
        case 'long': args[a.name] = r.long(); break;
        case 'longlong': case 'timestamp': args[a.name] = Number(r.longlong()); break;
        case 'shortstr': args[a.name] = r.shortstr(); break;
        case 'longstr': args[a.name] = Buffer.from(r.longstr()); break;
        case 'table': args[a.name] = readTable(r); break;
      }
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw new ProtocolError(err.code, err.message, classId, methodId);
    throw err;
  }
  return { name: spec.name, classId, methodId, args } as Method;
}
