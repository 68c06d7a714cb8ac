/**
 * Generates broker-sim/src/protocol/spec.generated.ts from RabbitMQ's machine-readable AMQP 0-9-1
 * spec (broker-sim/spec/amqp-rabbitmq-0.9.1.json): method names and ids, typed arguments with their
 * defaults, basic's content properties and the reply codes. The codec reads these tables; nothing
 * in the generated file is edited by hand. Run with `npm run generate`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface SpecArg { name: string; type?: string; domain?: string; 'default-value'?: unknown }
interface SpecMethod { name: string; id: number; arguments: SpecArg[]; content?: boolean; synchronous?: boolean }
interface SpecClass { name: string; id: number; methods: SpecMethod[]; properties?: { name: string; type: string }[] }
interface Spec { domains: [string, string][]; constants: { name: string; value: number }[]; classes: SpecClass[] }

const here = dirname(fileURLToPath(import.meta.url));
const spec = JSON.parse(readFileSync(join(here, '../spec/amqp-rabbitmq-0.9.1.json'), 'utf8')) as Spec;
const domains = new Map(spec.domains);

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const argType = (a: SpecArg): string => a.type ?? domains.get(a.domain!)!;
const tsType: Record<string, string> = {
  bit: 'boolean', octet: 'number', short: 'number', long: 'number', longlong: 'number',
  shortstr: 'string', longstr: 'Buffer | string', timestamp: 'number', table: 'FieldTable',
};
const zero: Record<string, unknown> = {
  bit: false, octet: 0, short: 0, long: 0, longlong: 0, shortstr: '', longstr: '', timestamp: 0, table: {},
};

const lines: string[] = [
  '// generated — do not edit. Source: broker-sim/spec/amqp-rabbitmq-0.9.1.json, by broker-sim/scripts/generate-codec.ts',
  "import type { FieldTable } from './field-table.ts';",
  '',
  '/** Wire types of method arguments and content properties. */',
  "export type WireType = 'bit' | 'octet' | 'short' | 'long' | 'longlong' | 'shortstr' | 'longstr' | 'timestamp' | 'table';",
  '',
  '/** Reply codes and frame constants of AMQP 0-9-1. */',
  'export const ReplyCode = {',
];
for (const c of spec.constants) {
  if (/^FRAME-(METHOD|HEADER|BODY|HEARTBEAT|MIN-SIZE|END)$|^REPLY-SUCCESS$/.test(c.name)) continue;
  lines.push(`  ${c.name.replace(/-/g, '_')}: ${c.value},`);
}
lines.push('} as const;', '');

const methods: { name: string; cls: SpecClass; m: SpecMethod }[] = [];
for (const cls of spec.classes) for (const m of cls.methods) methods.push({ name: `${cls.name}.${m.name}`, cls, m });

lines.push('/** Every method of 0-9-1 by its name, class.method. */');
lines.push(`export type MethodName =\n${methods.map((x) => `  | '${x.name}'`).join('\n')};`, '');
lines.push('/** The arguments of each method, named in camelCase after the spec. */');
lines.push('export interface MethodArgs {');
for (const { name, m } of methods) {
  const fields = m.arguments.map((a) => `${camel(a.name)}: ${tsType[argType(a)]}`).join('; ');
  lines.push(`  '${name}': { ${fields} };`);
}
lines.push('}', '');
lines.push('/** One method: its name, ids, whether content follows it, and its arguments in wire order. */');
lines.push('export interface MethodSpec {');
lines.push('  name: MethodName; classId: number; methodId: number; content: boolean; synchronous: boolean;');
lines.push('  args: readonly { name: string; type: WireType; default: unknown }[];');
lines.push('}', '');
lines.push('export const METHODS: readonly MethodSpec[] = [');
for (const { name, cls, m } of methods) {
  const args = m.arguments.map((a) => {
    const t = argType(a);
    const d = a['default-value'] ?? zero[t];
    return `{ name: '${camel(a.name)}', type: '${t}', default: ${JSON.stringify(d)} }`;
  });
  lines.push(`  { name: '${name}', classId: ${cls.id}, methodId: ${m.id}, content: ${!!m.content}, synchronous: ${!!m.synchronous},`);
  lines.push(`    args: [${args.join(', ')}] },`);
}
lines.push('];', '');
const basic = spec.classes.find((c) => c.name === 'basic')!;
lines.push("/** basic's content properties in flag order (bit 15 first). */");
lines.push('export const BASIC_PROPERTIES: readonly { name: string; type: WireType }[] = [');
for (const p of basic.properties ?? []) lines.push(`  { name: '${camel(p.name)}', type: '${p.type}' },`);
lines.push('];', '');

writeFileSync(join(here, '../src/protocol/spec.generated.ts'), lines.join('\n'));
console.log(`generated ${methods.length} methods, ${basic.properties?.length} properties`);
