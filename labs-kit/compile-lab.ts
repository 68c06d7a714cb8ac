/**
 * Compiles a copy of a lab's TypeScript programs to plain JavaScript (NAME.mjs beside NAME.ts) in one
 * esbuild call, so that grading runs `node NAME.mjs` instead of paying tsx's start-up for every
 * program it starts. A lab that does not compile (a syntax error) is left to tsx, which shows the
 * student the error as they would see it themselves.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build, type BuildFailure } from 'esbuild';
import type { Lab } from '../labs/manifest.ts';

/** compiled: every program of the lab in `dir` has its .mjs; else why not, in one line (or nothing to compile). */
export type Compiled = { compiled: true } | { compiled: false; error?: string };

export async function compileLab(lab: Lab, dir: string): Promise<Compiled> {
  const entryPoints = lab.programs.map((p) => join(dir, `${p}.ts`)).filter((f) => existsSync(f));
  if (entryPoints.length === 0) return { compiled: false };
  try {
    await build({
      entryPoints, outdir: dir, outExtension: { '.js': '.mjs' }, bundle: true, packages: 'external',
      platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent', write: true,
    });
    return { compiled: true };
  } catch (err) {
    return { compiled: false, error: firstError(err as BuildFailure) };
  }
}

/** esbuild's first error as `send.ts line 12: Unexpected ";"`. */
function firstError(err: BuildFailure): string | undefined {
  const e = err.errors?.[0];
  if (!e) return undefined;
  return e.location ? `${basename(e.location.file)} line ${e.location.line}: ${e.text}` : e.text;
}
