/**
 * Generates the AMQP 0-9-1 method and content-property codec from RabbitMQ's machine-readable spec
 * (broker-sim/spec/amqp-rabbitmq-0.9.1.json) into broker-sim/src/protocol/:
 *
 * - reply-codes.generated.ts: the spec's reply codes by name, and which of them are hard errors.
 * - methods.generated.ts: the MethodName union, MethodArgs per method (camelCase
 *   argument names), `method()` filling the spec's defaults, and one straight-line encoder and
 *   decoder per method, dispatched by (classId << 16 | methodId).
 * - properties.generated.ts: basic's 14 content properties (flag word + list), straight-line.
 *
 * Straight-line code rather than a loop over a table because the codec is on the broker's hot path
 * (basic.publish, basic.deliver, basic.ack, header frames): no per-field closures, one allocation
 * per encoded frame, one bounds check per run of fixed-size fields.
 *
 * Nothing in the output is edited by hand. Run with `npm run generate`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface SpecArg { name: string; type?: string; domain?: string; 'default-value'?: unknown }
interface SpecMethod { name: string; id: number; arguments: SpecArg[]; content?: boolean; synchronous?: boolean }
interface SpecClass { name: string; id: number; methods: SpecMethod[]; properties?: { name: string; type: string }[] }
interface Spec {
  copyright: string[]; domains: [string, string][]; constants: { name: string; value: number; class?: string }[];
  classes: SpecClass[];
}

const here = dirname(fileURLToPath(import.meta.url));
const specPath = join(here, '../spec/amqp-rabbitmq-0.9.1.json');
const outDir = join(here, '../src/protocol');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Spec;
const domains = new Map(spec.domains);

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const argType = (a: SpecArg): string => {
  const t = a.type ?? domains.get(a.domain ?? '');
  if (!t) throw new Error(`argument ${a.name} has no type`);
  return t;
};
const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
/** A JS identifier for a method: basic.get-ok → basicGetOk. */
const ident = (cls: string, m: string): string => camel(`${cls}-${m}`);

const TS_TYPE: Record<string, string> = {
  bit: 'boolean', octet: 'number', short: 'number', long: 'number', longlong: 'number',
  shortstr: 'string', longstr: 'Buffer | string', timestamp: 'number', table: 'FieldTable',
};
const ZERO: Record<string, unknown> = {
  bit: false, octet: 0, short: 0, long: 0, longlong: 0, shortstr: '', longstr: '', timestamp: 0, table: {},
};
const FIXED_SIZE: Record<string, number> = { octet: 1, short: 2, long: 4, longlong: 8, timestamp: 8 };

const copyright = spec.copyright.join('').trimEnd().split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n');
const header = (what: string): string[] => [
  '// generated — do not edit. Source: broker-sim/spec/amqp-rabbitmq-0.9.1.json, by',
  '// broker-sim/scripts/generate-codec.ts (npm run generate).',
  '/*',
  ` * ${what}`,
  ' *',
  ' * Derived from the AMQP 0-9-1 specification as published by RabbitMQ, whose notice follows:',
  ' *',
  copyright,
  ' */',
  '/* eslint-disable */',
];

interface Arg { name: string; type: string; default: unknown }
interface M { name: string; ident: string; classId: number; methodId: number; content: boolean; synchronous: boolean; args: Arg[] }

const methods: M[] = [];
for (const cls of spec.classes) {
  for (const m of cls.methods) {
    methods.push({
      name: `${cls.name}.${m.name}`, ident: ident(cls.name, m.name), classId: cls.id, methodId: m.id,
      content: !!m.content, synchronous: !!m.synchronous,
      args: m.arguments.map((a) => {
        const type = argType(a);
        return { name: camel(a.name), type, default: a['default-value'] ?? ZERO[type] };
      }),
    });
  }
}

/** Arguments in wire order, grouped: runs of fixed-size fields (bits packed per AMQP) and single variable ones. */
type Segment =
  | { kind: 'fixed'; size: number; fields: ({ type: 'bits'; names: string[] } | { type: string; name: string })[] }
  | { kind: 'var'; type: string; name: string };

function segments(args: Arg[]): Segment[] {
  const out: Segment[] = [];
  let fixed: Extract<Segment, { kind: 'fixed' }> | undefined;
  let bits: { type: 'bits'; names: string[] } | undefined;
  for (const a of args) {
    if (a.type === 'bit') {
      // Consecutive bits share an octet, up to eight of them.
      if (!bits || bits.names.length === 8) {
        bits = { type: 'bits', names: [] };
        if (!fixed) { fixed = { kind: 'fixed', size: 0, fields: [] }; out.push(fixed); }
        fixed.fields.push(bits);
        fixed.size += 1;
      }
      bits.names.push(a.name);
      continue;
    }
    bits = undefined;
    const size = FIXED_SIZE[a.type];
    if (size !== undefined) {
      if (!fixed) { fixed = { kind: 'fixed', size: 0, fields: [] }; out.push(fixed); }
      fixed.fields.push({ type: a.type, name: a.name });
      fixed.size += size;
    } else {
      fixed = undefined;
      out.push({ kind: 'var', type: a.type, name: a.name });
    }
  }
  return out;
}

/** Statements writing a 32-bit unsigned `expr` at offset o (typed-array stores wrap modulo 256). */
const put32 = (expr: string, at = 'o'): string =>
  `b[${at}] = ${expr} >>> 24; b[${at} + 1] = ${expr} >>> 16; b[${at} + 2] = ${expr} >>> 8; b[${at} + 3] = ${expr};`;

function encoder(m: M): string[] {
  const L: string[] = [];
  const argsType = `MethodArgs['${m.name}']`;
  L.push(`function encode${m.ident[0]!.toUpperCase()}${m.ident.slice(1)}(ch: number, a: ${argsType}, tail: number): Buffer {`);
  let fixedSize = 4;
  const varSizes: string[] = [];
  let v = 0;
  const varNames = new Map<string, string>();
  for (const a of m.args) {
    if (a.type === 'shortstr') {
      const n = `n${v++}`;
      varNames.set(a.name, n);
      L.push(`  const ${n} = Buffer.byteLength(a.${a.name});`);
      L.push(`  if (${n} > 255) shortstrTooLong('${m.name}', '${a.name}', ${n});`);
      varSizes.push(`${n}`);
      fixedSize += 1;
    } else if (a.type === 'longstr') {
      const x = `x${v++}`;
      varNames.set(a.name, x);
      L.push(`  const ${x} = longstrBytes(a.${a.name});`);
      varSizes.push(`${x}.length`);
      fixedSize += 4;
    } else if (a.type === 'table') {
      const x = `x${v++}`;
      varNames.set(a.name, x);
      L.push(`  const ${x} = tableBytes(a.${a.name});`);
      varSizes.push(`${x}.length`);
    }
  }
  for (const s of segments(m.args)) if (s.kind === 'fixed') fixedSize += s.size;
  L.push(`  const size = ${[String(fixedSize), ...varSizes].join(' + ')};`);
  L.push('  const b = Buffer.allocUnsafe(8 + size + tail);');
  L.push('  b[0] = 1; b[1] = ch >>> 8; b[2] = ch;');
  L.push('  b[3] = size >>> 24; b[4] = size >>> 16; b[5] = size >>> 8; b[6] = size;');
  L.push(`  b[7] = ${m.classId >> 8}; b[8] = ${m.classId & 255}; b[9] = ${m.methodId >> 8}; b[10] = ${m.methodId & 255};`);
  L.push(m.args.length > 0 ? '  let o = 11;' : '  const o = 11;');
  for (const s of segments(m.args)) {
    if (s.kind === 'fixed') {
      for (const f of s.fields) {
        if (f.type === 'bits') {
          const names = (f as { names: string[] }).names;
          const expr = names.map((n, i) => `(a.${n} ? ${1 << i} : 0)`).join(' | ');
          L.push(`  b[o++] = ${expr};`);
          continue;
        }
        const { type, name } = f as { type: string; name: string };
        switch (type) {
          case 'octet': L.push(`  b[o++] = a.${name};`); break;
          case 'short': L.push(`  { const x = a.${name}; b[o] = x >>> 8; b[o + 1] = x; o += 2; }`); break;
          case 'long': L.push(`  { const x = a.${name}; ${put32('x')} o += 4; }`); break;
          case 'longlong': case 'timestamp':
            L.push(`  { const x = a.${name}; const hi = Math.floor(x / 4294967296); ${put32('hi')} o += 4; const lo = x >>> 0; ${put32('lo')} o += 4; }`);
            break;
          default: throw new Error(`unhandled fixed type ${type}`);
        }
      }
    } else {
      const local = varNames.get(s.name)!;
      switch (s.type) {
        case 'shortstr':
          L.push(`  b[o++] = ${local}; if (${local} > 0) b.write(a.${s.name}, o, 'utf8'); o += ${local};`);
          break;
        case 'longstr':
          L.push(`  { const n = ${local}.length; ${put32('n')} o += 4; ${local}.copy(b, o); o += n; }`);
          break;
        case 'table':
          L.push(`  ${local}.copy(b, o); o += ${local}.length;`);
          break;
        default: throw new Error(`unhandled type ${s.type}`);
      }
    }
  }
  L.push('  b[o] = 0xce;');
  L.push('  return b;');
  L.push('}');
  return L;
}

function decoder(m: M): string[] {
  const L: string[] = [];
  const argsType = `MethodArgs['${m.name}']`;
  const fn = `decode${m.ident[0]!.toUpperCase()}${m.ident.slice(1)}`;
  const used = m.args.length > 0;
  L.push(`function ${fn}(${used ? 'b' : '_b'}: Buffer, ${used ? 'o' : '_o'}: number, ${used ? 'e' : '_e'}: number): ${argsType} {`);
  const bad = `truncated(${m.classId}, ${m.methodId})`;
  let bitGroup = 0;
  for (const s of segments(m.args)) {
    if (s.kind === 'fixed') {
      L.push(`  if (o + ${s.size} > e) ${bad};`);
      for (const f of s.fields) {
        if (f.type === 'bits') {
          const names = (f as { names: string[] }).names;
          const g = `bits${bitGroup++}`;
          L.push(`  const ${g} = b[o++]!;`);
          names.forEach((n, i) => L.push(`  const _${n} = (${g} & ${1 << i}) !== 0;`));
          continue;
        }
        const { type, name } = f as { type: string; name: string };
        switch (type) {
          case 'octet': L.push(`  const _${name} = b[o++]!;`); break;
          case 'short': L.push(`  const _${name} = (b[o]! << 8) | b[o + 1]!; o += 2;`); break;
          case 'long': L.push(`  const _${name} = b.readUInt32BE(o); o += 4;`); break;
          case 'longlong': case 'timestamp':
            L.push(`  const _${name} = b.readUInt32BE(o) * 4294967296 + b.readUInt32BE(o + 4); o += 8;`);
            break;
          default: throw new Error(`unhandled fixed type ${type}`);
        }
      }
    } else {
      const name = s.name;
      switch (s.type) {
        case 'shortstr':
          L.push(`  if (o >= e) ${bad};`);
          L.push(`  const ${name}Len = b[o++]!;`);
          L.push(`  if (o + ${name}Len > e) ${bad};`);
          L.push(`  const _${name} = ${name}Len === 0 ? '' : b.toString('utf8', o, o + ${name}Len); o += ${name}Len;`);
          break;
        case 'longstr': case 'table':
          L.push(`  if (o + 4 > e) ${bad};`);
          L.push(`  const ${name}Len = b.readUInt32BE(o); o += 4;`);
          L.push(`  if (o + ${name}Len > e) ${bad};`);
          L.push(s.type === 'longstr'
            // A copy, so a kept argument does not pin the whole read buffer.
            ? `  const _${name} = Buffer.from(b.subarray(o, o + ${name}Len)); o += ${name}Len;`
            : `  const _${name} = decodeTableRange(b, o, o + ${name}Len); o += ${name}Len;`);
          break;
        default: throw new Error(`unhandled type ${s.type}`);
      }
    }
  }
  L.push(`  return { ${m.args.map((a) => `${a.name}: _${a.name}`).join(', ')} };`);
  L.push('}');
  return L;
}

function defaultExpr(a: Arg): string {
  if (a.type === 'table') return '{}';
  return JSON.stringify(a.default);
}

// ---- reply-codes.generated.ts ----
const codes: string[] = [
  ...header('AMQP 0-9-1 reply codes: every error code of the spec by its name, and whether it closes the connection.'),
  '/** Reply codes of AMQP 0-9-1, by their names in the spec. */',
  'export const ReplyCode = {',
];
for (const c of spec.constants) {
  if (!c.class) continue; // frame constants and REPLY-SUCCESS live in frame.ts
  codes.push(`  ${c.name.replace(/-/g, '_')}: ${c.value},`);
}
codes.push('} as const;', '');
codes.push('/** The reply codes the spec classes as hard errors: they close the connection, the others (soft) a channel. */');
codes.push(`export const HARD_ERRORS: ReadonlySet<number> = new Set([${spec.constants.filter((c) => c.class === 'hard-error').map((c) => c.value).join(', ')}]);`, '');
writeFileSync(join(outDir, 'reply-codes.generated.ts'), codes.join('\n'));

// ---- methods.generated.ts ----
const out: string[] = [
  ...header('AMQP 0-9-1 methods: names, typed arguments, defaults, and a straight-line codec per method.'),
  "import { ProtocolError } from './errors.ts';",
  "import { decodeTableRange, tableBytes, type FieldTable } from './field-table.ts';",
  "import { longstrBytes, shortstrTooLong, truncated } from './primitives.ts';",
  "import { ReplyCode } from './reply-codes.generated.ts';",
  '',
];
out.push('/** Every method of 0-9-1 by its name, class.method. */');
out.push(`export type MethodName =\n${methods.map((x) => `  | '${x.name}'`).join('\n')};`, '');
out.push('/** The arguments of each method, named in camelCase after the spec. longstr decodes to a Buffer. */');
out.push('export interface MethodArgs {');
for (const m of methods) {
  const fields = m.args.map((a) => `${a.name}: ${TS_TYPE[a.type]}`).join('; ');
  out.push(`  '${m.name}': {${fields ? ` ${fields} ` : ''}};`);
}
out.push('}', '');
out.push('/** A method: its name, class and method ids, and its arguments. */');
out.push('export type Method = { [K in MethodName]: { name: K; classId: number; methodId: number; args: MethodArgs[K] } }[MethodName];', '');
out.push('/** Wire types of method arguments and content properties. */');
out.push("export type WireType = 'bit' | 'octet' | 'short' | 'long' | 'longlong' | 'shortstr' | 'longstr' | 'timestamp' | 'table';", '');
out.push('/** One method of the spec: ids, whether content follows it, whether it expects a reply, arguments in wire order. */');
out.push('export interface MethodSpec {');
out.push('  readonly name: MethodName; readonly classId: number; readonly methodId: number;');
out.push('  readonly content: boolean; readonly synchronous: boolean;');
out.push('  readonly args: readonly { readonly name: string; readonly type: WireType; readonly default: unknown }[];');
out.push('}', '');
out.push('/** Every method of the spec, in spec order (for tools and tests; the codec does not read it). */');
out.push('export const METHODS: readonly MethodSpec[] = [');
for (const m of methods) {
  const args = m.args.map((a) => `{ name: '${a.name}', type: '${a.type}', default: ${JSON.stringify(a.default)} }`);
  out.push(`  { name: '${m.name}', classId: ${m.classId}, methodId: ${m.methodId}, content: ${m.content}, synchronous: ${m.synchronous},`);
  out.push(`    args: [${args.join(', ')}] },`);
}
out.push('];', '');

out.push('/** Builds a method, filling every argument not given (or given as undefined) with the spec\'s default. */');
out.push('export function method<K extends MethodName>(name: K, args: Partial<MethodArgs[K]> = {}): Method {');
out.push('  switch (name as MethodName) {');
for (const m of methods) {
  out.push(`    case '${m.name}': {`);
  if (m.args.length > 0) out.push(`      const a = args as Partial<MethodArgs['${m.name}']>;`);
  const fields = m.args.map((a) => `${a.name}: a.${a.name} ?? ${defaultExpr(a)}`).join(', ');
  out.push(`      return { name: '${m.name}', classId: ${m.classId}, methodId: ${m.methodId}, args: {${fields ? ` ${fields} ` : ''}} };`);
  out.push('    }');
}
out.push('    default: throw new RangeError(`unknown method ${String(name)}`);');
out.push('  }');
out.push('}', '');

for (const m of methods) out.push(...encoder(m), '');
for (const m of methods) out.push(...decoder(m), '');

out.push('/**');
out.push(' * Encodes m as a complete method frame on `channel`, in a buffer with `tail` more bytes left');
out.push(' * uninitialised after the frame end, so content frames can follow in the same allocation.');
out.push(' */');
out.push('export function encodeMethodFrameWithTail(channel: number, m: Method, tail: number): Buffer {');
out.push('  switch ((m.classId << 16) | m.methodId) {');
for (const m of methods) {
  const fn = `encode${m.ident[0]!.toUpperCase()}${m.ident.slice(1)}`;
  out.push(`    case ${hex((m.classId << 16) | m.methodId)}: return ${fn}(channel, m.args as MethodArgs['${m.name}'], tail);`);
}
out.push('    default: throw new RangeError(`unknown method ${m.classId}.${m.methodId}`);');
out.push('  }');
out.push('}', '');

const classIds = [...new Set(methods.map((m) => m.classId))];
out.push('/**');
out.push(' * Decodes a method payload, b[o..e): class id, method id, arguments. Throws ProtocolError');
out.push(' * 540 NOT_IMPLEMENTED for a class or method the spec does not have, 502 SYNTAX_ERROR when the');
out.push(' * arguments are truncated or malformed.');
out.push(' */');
out.push('export function decodeMethodPayload(b: Buffer, o: number, e: number): Method {');
out.push(`  if (o + 4 > e) ${'truncated(0, 0)'};`);
out.push('  const id = b.readUInt32BE(o);');
out.push('  o += 4;');
out.push('  switch (id) {');
for (const m of methods) {
  const fn = `decode${m.ident[0]!.toUpperCase()}${m.ident.slice(1)}`;
  out.push(`    case ${hex((m.classId << 16) | m.methodId)}: return { name: '${m.name}', classId: ${m.classId}, methodId: ${m.methodId}, args: ${fn}(b, o, e) };`);
}
out.push('  }');
out.push('  const classId = id >>> 16;');
out.push('  const methodId = id & 0xffff;');
out.push(`  const knownClass = ${classIds.map((c) => `classId === ${c}`).join(' || ')};`);
out.push('  throw new ProtocolError(ReplyCode.NOT_IMPLEMENTED, knownClass');
out.push('    ? `NOT_IMPLEMENTED - unknown method ${methodId} in class ${classId}`');
out.push('    : `NOT_IMPLEMENTED - unknown class ${classId}`, classId, methodId);');
out.push('}', '');
writeFileSync(join(outDir, 'methods.generated.ts'), out.join('\n'));

// ---- properties.generated.ts ----
const basic = spec.classes.find((c) => c.name === 'basic');
if (!basic?.properties) throw new Error('spec has no basic properties');
if (basic.properties.length > 15) throw new Error('more than one flag word of properties is not generated');
const props = basic.properties.map((p, i) => ({ name: camel(p.name), type: p.type, flag: 1 << (15 - i) }));
const PT: Record<string, string> = { shortstr: 'string', octet: 'number', timestamp: 'number', table: 'FieldTable' };
const P: string[] = [
  ...header("basic's content properties: a flag word (bit 15 = first property), then the present ones in order."),
  "import { decodeTableRange, tableBytes, type FieldTable } from './field-table.ts';",
  "import { shortstrTooLong, truncated } from './primitives.ts';",
  '',
  '/** The content properties of a basic message. timestamp is in seconds, as on the wire. */',
  'export interface BasicProperties {',
  ...props.map((p) => `  ${p.name}?: ${PT[p.type]};`),
  '}',
  '',
  '/** Property flag bits, by property name. */',
  'export const PROPERTY_FLAGS = {',
  ...props.map((p) => `  ${p.name}: ${hex(p.flag).replace(/^0x0000/, '0x')},`),
  '} as const;',
  '',
  '/** Decodes property flags and list (what a header frame carries after class, weight and body size). */',
  'export function decodeProperties(raw: Buffer): BasicProperties {',
  '  const b = raw;',
  '  const e = b.length;',
  `  if (e < 2) truncated(60, 0);`,
  '  const flags = (b[0]! << 8) | b[1]!;',
  '  let o = 2;',
  '  // Bit 0 set means another flag word follows; 0-9-1 defines no properties there, so skip them.',
  '  for (let more = flags & 1; more; ) {',
  '    if (o + 2 > e) truncated(60, 0);',
  '    more = b[o + 1]! & 1;',
  '    o += 2;',
  '  }',
  '  const p: BasicProperties = {};',
  '  if (flags === 0) return p;',
];
for (const p of props) {
  P.push(`  if (flags & ${hex(p.flag).replace(/^0x0000/, '0x')}) {`);
  switch (p.type) {
    case 'shortstr':
      P.push('    if (o >= e) truncated(60, 0);', '    const n = b[o++]!;', '    if (o + n > e) truncated(60, 0);');
      P.push(`    p.${p.name} = b.toString('utf8', o, o + n);`, '    o += n;');
      break;
    case 'octet':
      P.push('    if (o >= e) truncated(60, 0);', `    p.${p.name} = b[o++]!;`);
      break;
    case 'timestamp':
      P.push('    if (o + 8 > e) truncated(60, 0);', `    p.${p.name} = b.readUInt32BE(o) * 4294967296 + b.readUInt32BE(o + 4);`, '    o += 8;');
      break;
    case 'table':
      P.push('    if (o + 4 > e) truncated(60, 0);', '    const n = b.readUInt32BE(o);', '    o += 4;', '    if (o + n > e) truncated(60, 0);');
      P.push(`    p.${p.name} = decodeTableRange(b, o, o + n);`, '    o += n;');
      break;
    default: throw new Error(`unhandled property type ${p.type}`);
  }
  P.push('  }');
}
P.push('  return p;', '}', '');
P.push('/** Encodes property flags and list; properties that are undefined or null are absent. */');
P.push('export function encodeProperties(p: BasicProperties): Buffer {');
P.push('  let flags = 0;');
P.push('  let size = 2;');
props.forEach((p, i) => {
  switch (p.type) {
    case 'shortstr':
      P.push(`  const v${i} = p.${p.name};`);
      P.push(`  let n${i} = 0;`);
      P.push(`  if (v${i} != null) { n${i} = Buffer.byteLength(v${i}); if (n${i} > 255) shortstrTooLong('basic properties', '${p.name}', n${i}); flags |= ${hex(p.flag).replace(/^0x0000/, '0x')}; size += 1 + n${i}; }`);
      break;
    case 'octet':
      P.push(`  const v${i} = p.${p.name};`);
      P.push(`  if (v${i} != null) { flags |= ${hex(p.flag).replace(/^0x0000/, '0x')}; size += 1; }`);
      break;
    case 'timestamp':
      P.push(`  const v${i} = p.${p.name};`);
      P.push(`  if (v${i} != null) { flags |= ${hex(p.flag).replace(/^0x0000/, '0x')}; size += 8; }`);
      break;
    case 'table':
      P.push(`  const t${i} = p.${p.name};`);
      P.push(`  const v${i} = t${i} == null ? undefined : tableBytes(t${i});`);
      P.push(`  if (v${i} !== undefined) { flags |= ${hex(p.flag).replace(/^0x0000/, '0x')}; size += v${i}.length; }`);
      break;
  }
});
P.push('  const b = Buffer.allocUnsafe(size);');
P.push('  b[0] = flags >>> 8;');
P.push('  b[1] = flags;');
P.push('  let o = 2;');
props.forEach((p, i) => {
  switch (p.type) {
    case 'shortstr':
      P.push(`  if (v${i} != null) { b[o++] = n${i}; if (n${i} > 0) b.write(v${i}, o, 'utf8'); o += n${i}; }`);
      break;
    case 'octet':
      P.push(`  if (v${i} != null) b[o++] = v${i};`);
      break;
    case 'timestamp':
      P.push(`  if (v${i} != null) { const hi = Math.floor(v${i} / 4294967296); ${put32('hi')} o += 4; const lo = v${i} >>> 0; ${put32('lo')} o += 4; }`);
      break;
    case 'table':
      P.push(`  if (v${i} !== undefined) { v${i}.copy(b, o); o += v${i}.length; }`);
      break;
  }
});
P.push('  return b;', '}', '');
writeFileSync(join(outDir, 'properties.generated.ts'), P.join('\n'));

console.log(`generated ${methods.length} methods and ${props.length} content properties into ${outDir}`);
