/**
 * The boundaries between the kit's packages, checked from the import lines of its files: each
 * says which files it applies to and which imports it forbids them (the layers inside
 * broker-sim/src are broker-sim's own tests' concern). Static imports, re-exports and dynamic
 * imports of a string literal are read; a path is taken relative to the repository root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

export interface Boundary {
  rule: string;
  applies(file: string): boolean;
  forbids(target: string): boolean;
}

export interface Violation { file: string; target: string; rule: string }

/** A test file, or a file in a test/ folder (test support, conformance helpers). */
export function isTestCode(path: string): boolean {
  return path.endsWith('.test.ts') || path.split('/').includes('test');
}

const under = (...folders: string[]) => (path: string): boolean => folders.some((f) => path.startsWith(f));

export const BOUNDARIES: Boundary[] = [
  { rule: 'shipped code imports nothing from test/', applies: (f) => !isTestCode(f), forbids: isTestCode },
  { rule: 'broker-sim/src imports nothing from tools/', applies: under('broker-sim/src/'), forbids: under('tools/') },
  { rule: 'tools/ imports nothing from broker-sim/src/cli', applies: under('tools/'), forbids: under('broker-sim/src/cli/') },
];

const IMPORT_LINES = [
  /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm, // import … from '…', export … from '…'
  /^\s*import\s*['"]([^'"]+)['"]/gm, // import '…' (for its side effects)
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
];

/** The repository paths a file's source imports (packages such as 'node:fs' or 'yargs' are left out). */
export function importsOf(file: string, source: string): string[] {
  const targets: string[] = [];
  for (const re of IMPORT_LINES) {
    for (const m of source.matchAll(re)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) targets.push(normalize(join(dirname(file), spec)));
    }
  }
  return targets;
}

/** Every boundary crossed by the given files (paths relative to the repository root). */
export function violations(files: { path: string; source: string }[], boundaries = BOUNDARIES): Violation[] {
  const out: Violation[] = [];
  for (const { path, source } of files) {
    for (const target of importsOf(path, source)) {
      for (const b of boundaries) {
        if (b.applies(path) && b.forbids(target)) out.push({ file: path, target, rule: b.rule });
      }
    }
  }
  return out;
}

// Installed, built and private folders (.gitignore's): not the kit's sources.
const SKIP = new Set(['node_modules', '.git', 'dist', '.queuelab', 'scratch', 'coverage']);

/** The kit's source files (.ts, .js, .mjs) under root, as paths relative to it. */
export function sourceFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...sourceFiles(root, path));
    else if (/\.(ts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Reads the files for violations(). */
export function readSources(root: string, paths: string[]): { path: string; source: string }[] {
  return paths.map((path) => ({ path, source: readFileSync(join(root, path), 'utf8') }));
}
