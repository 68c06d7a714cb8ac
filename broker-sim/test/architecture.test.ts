/**
 * The folders of broker-sim/src are its architecture, and its imports must say so: protocol/
 * depends on nothing, core/ on protocol/ only (it declares the storage it needs; store/ provides
 * it), server/ and http/ on core/ and protocol/ (never on each other), store/ on core/'s types.
 * Shipped code never imports the tests. This reads the import lines of every file and checks them;
 * a second test proves the check finds a bad import.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** What each layer may import: its own folder, these folders, and these packages (node: builtins by name). */
const RULES: Record<string, { layers: string[]; packages: string[] }> = {
  protocol: { layers: [], packages: [] },
  core: { layers: ['protocol'], packages: ['node:crypto'] },
  store: { layers: ['core'], packages: ['better-sqlite3', 'node:fs'] },
  server: { layers: ['core', 'protocol'], packages: ['node:net', 'node:fs'] },
  http: { layers: ['core', 'protocol'], packages: ['node:http', 'node:net', 'node:os', 'node:crypto'] },
};

interface SourceFile { path: string; text: string }

/** Every module specifier a file imports or re-exports, static or dynamic, type-only or not. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/\b(?:import|export)\s[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of code.matchAll(/\bimport\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** The broken rules in these files (paths relative to src/): "file imports what". */
export function violations(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const layer = f.path.split('/')[0]!;
    const rule = RULES[layer];
    for (const spec of importsOf(f.text)) {
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(SRC, dirname(f.path), spec)).split('/');
        if (target[0] === '..') { out.push(`${f.path} imports ${spec}, outside broker-sim/src`); continue; }
        if (!rule || target.length === 1) {
          if (rule) out.push(`${f.path} imports ${spec}, a top-level module`);
          continue;
        }
        if (target[0] !== layer && !rule.layers.includes(target[0]!)) out.push(`${f.path} imports ${spec} (${target[0]}/)`);
      } else if (rule && !rule.packages.includes(spec)) {
        out.push(`${f.path} imports the package ${spec}`);
      }
    }
  }
  return out;
}

function sources(dir = SRC): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [{ path: relative(SRC, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

test('each layer of broker-sim imports only what its folder may: core nothing of server, http or store; http nothing of server', () => {
  const files = sources();
  for (const layer of Object.keys(RULES)) assert.ok(files.some((f) => f.path.startsWith(`${layer}/`)), `${layer}/ has files`);
  assert.deepEqual(violations(files.filter((f) => f.path.split('/')[0]! in RULES)), []);
});

test('no shipped file of broker-sim imports the tests', () => {
  const files = sources();
  const intoTests = files.flatMap((f) => importsOf(f.text).filter((s) => /(^|\/)test\//.test(s)).map((s) => `${f.path} imports ${s}`));
  assert.deepEqual(intoTests, []);
});

test('the check finds what breaks the rules', () => {
  const bad: SourceFile[] = [
    { path: 'core/vhost.ts', text: "import type { Connection } from '../server/connection.ts';\nimport { x } from './queue.ts';" },
    { path: 'core/queue.ts', text: "import Database from 'better-sqlite3';" },
    { path: 'http/queues.ts', text: "import {\n  ServerChannel,\n} from '../server/channel.ts';\nimport { ok } from './api.ts';" },
    { path: 'http/snapshot.ts', text: "type C = import('../server/connection.ts').Connection;" },
    { path: 'protocol/frame.ts', text: "export { errors } from '../core/errors.ts';" },
    { path: 'store/sqlite-store.ts', text: "// import { x } from '../server/listener.ts';\nimport type { Storage } from '../core/storage.ts';" },
    { path: 'server/channel.ts', text: "import { startBrokerSim } from '../index.ts';" },
  ];
  assert.deepEqual(violations(bad), [
    'core/vhost.ts imports ../server/connection.ts (server/)',
    'core/queue.ts imports the package better-sqlite3',
    'http/queues.ts imports ../server/channel.ts (server/)',
    'http/snapshot.ts imports ../server/connection.ts (server/)',
    'protocol/frame.ts imports ../core/errors.ts (core/)',
    'server/channel.ts imports ../index.ts, a top-level module',
  ]);
});
