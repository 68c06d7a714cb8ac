/**
 * Compiles a copy of a lab's TypeScript programs to plain JavaScript (NAME.mjs beside NAME.ts) in one
 * esbuild call, so that grading runs `node NAME.mjs` instead of paying tsx's start-up for every
 * program it starts. A lab that does not compile is left to tsx (gradeLab reports its syntax errors
 * before running anything).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Lab } from '../labs/manifest.ts';

/** True when every program of the lab in `dir` now has its .mjs. */
export async function compileLab(lab: Lab, dir: string): Promise<boolean> {
  const entryPoints = lab.programs.map((p) => join(dir, `${p}.ts`)).filter((f) => existsSync(f));
  if (entryPoints.length === 0) return false;
  try {
    await build({
      entryPoints, outdir: dir, outExtension: { '.js': '.mjs' }, bundle: true, packages: 'external',
      platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent', write: true,
    });
    return true;
  } catch {
    return false;
  }
}
