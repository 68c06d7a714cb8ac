/**
 * Runs one lab's grader on one copy of the lab (a student's labs/NN-name, or solutions/NN-name), in
 * one language, against a broker, and reports each step: passed, failed (with what was expected),
 * skipped, not run.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, join, relative, resolve } from 'node:path';
import amqp from 'amqplib';
import type { Lab } from '../labs/manifest.ts';
import { EXTENSION, inLanguage, labFiles, type Language } from './language.ts';
import { syntaxErrors, typeErrors } from './diagnose.ts';
import { Program } from './program.ts';
import { requirePython } from './python.ts';
import { StepFailure, type GradeContext, type Step, type StepResult } from './step.ts';

const root = resolve(new URL('../', import.meta.url).pathname);

export interface LabResult {
  lab: string; title: string; language: Language; passed: boolean; steps: StepResult[]; score: number; total: number;
  /** None of the lab's files were there: not attempted, rather than failed. */
  missing?: boolean;
}

export interface GradeOptions {
  /** The programs were compiled beside their .ts (compile-lab.ts): run NAME.mjs with plain node. */
  compiled?: boolean;
}

async function stepsOf(lab: Lab): Promise<Step[]> {
  return ((await import(`./graders/${lab.dir}.ts`)) as { steps: Step[] }).steps;
}

/**
 * A submission outside this repository is copied into .queuelab/grading/ so that its imports
 * (amqplib, and the labs' broker helper `../broker.ts` / `broker.py`) resolve to the kit's.
 */
export function runnableDir(labDir: string): { dir: string; cleanup(): void } {
  const inside = !relative(root, resolve(labDir)).startsWith('..');
  if (inside) return { dir: resolve(labDir), cleanup: () => {} };
  const top = join(root, '.queuelab', 'grading', randomBytes(6).toString('hex'));
  const dir = join(top, basename(resolve(labDir)));
  mkdirSync(top, { recursive: true });
  cpSync(labDir, dir, { recursive: true });
  linkHelpers(top, dir);
  return { dir, cleanup: () => rmSync(top, { recursive: true, force: true }) };
}

/** The labs' broker helpers beside a copy of a lab (`dir` in `top`), as labs/ has them. */
export function linkHelpers(top: string, dir: string): void {
  for (const helper of ['broker.ts', 'broker.py']) symlinkSync(join(root, 'labs', helper), join(top, helper));
  // A copied link to the helper (cp -r keeps it, pointing nowhere in a hand-in) gives way to the kit's.
  rmSync(join(dir, 'broker.py'), { force: true });
  symlinkSync('../broker.py', join(dir, 'broker.py'));
}

/**
 * Grades `labDir`'s programs in `language` (default TypeScript). A Python run needs a Python with
 * pika: without one it throws PythonMissing, whose message says how to install it.
 */
export async function gradeLab(lab: Lab, labDir: string,
  broker: { url: string; kind: 'sim' | 'rabbitmq'; managementUrl?: string }, language: Language = 'ts', options: GradeOptions = {}): Promise<LabResult> {
  const steps = await stepsOf(lab);
  const results: StepResult[] = [];
  const missing = labFiles(lab, language).filter((f) => !existsSync(join(labDir, f)));
  if (missing.length > 0) {
    for (const s of steps) results.push({ step: s.name, status: 'failed', detail: `missing file(s): ${missing.join(', ')}` });
    const r = summarise(lab, language, results);
    return missing.length === lab.programs.length ? { ...r, missing: true } : r;
  }
  if (language === 'python') requirePython();
  const syntax = syntaxErrors(labFiles(lab, language).map((f) => join(labDir, f)));
  if (syntax.length > 0) return summarise(lab, language, notCompiling(steps, syntax));
  const { dir, cleanup } = runnableDir(labDir);
  const run = randomBytes(3).toString('hex');
  let n = 0;
  const programs: Program[] = [];
  const connection = await amqp.connect(broker.url);
  connection.on('error', () => {});
  const ctx: GradeContext = {
    labDir: dir, url: broker.url, broker: broker.kind, connection,
    name: (prefix) => `qlab.${lab.id}.${prefix}.${run}.${++n}`,
    run: (program, args = [], env = {}) => {
      const file = program + (options.compiled && language === 'ts' ? '.mjs' : EXTENSION[language]);
      const p = new Program(join(dir, file), args, {
        AMQP_URL: broker.url, ...(broker.managementUrl ? { MANAGEMENT_URL: broker.managementUrl } : {}), ...env });
      programs.push(p);
      return p;
    },
  };
  let failed = false;
  try {
    for (const s of steps) {
      if (failed) { results.push({ step: s.name, status: 'not run', detail: 'an earlier step failed' }); continue; }
      if (s.only && s.only.broker !== broker.kind) { results.push({ step: s.name, status: 'skipped', detail: s.only.reason }); continue; }
      const unavailable = s.unavailable?.(broker.kind);
      if (unavailable) { results.push({ step: s.name, status: 'skipped', detail: unavailable }); continue; }
      try {
        await s.run(ctx);
        results.push({ step: s.name, status: 'passed' });
      } catch (err) {
        failed = true;
        const detail = err instanceof StepFailure ? err.message : `the grader hit an error: ${(err as Error).message.split('\n')[0]}`;
        results.push({ step: s.name, status: 'failed', detail: await withCauses(detail, programs, lab, dir, language) });
      }
    }
  } finally {
    for (const p of programs) p.kill();
    await connection.close().catch(() => {});
    cleanup();
  }
  return summarise(lab, language, results);
}

/** Every step fails when a program does not even compile: the first says where, the rest are not run. */
function notCompiling(steps: Step[], errors: string[]): StepResult[] {
  return steps.map((s, i) => i === 0
    ? { step: s.name, status: 'failed', detail: `syntax error: ${errors.join('; ')}` }
    : { step: s.name, status: 'not run', detail: 'a program does not compile' });
}

/** Between a failed step's own detail and what lies behind it (another program's crash, type errors). */
export const BEHIND = '; behind it, ';

/**
 * A failed step's detail, with what lies behind it: a program that crashed (its error line, not the
 * step's symptom such as "0 workers consumed"), and the type errors of the TypeScript files.
 */
async function withCauses(detail: string, programs: Program[], lab: Lab, dir: string, language: Language): Promise<string> {
  const causes: string[] = [];
  const crash = programs.map((p) => p.crash()).find((c) => c !== undefined);
  if (crash && !detail.includes(crash)) causes.push(crash);
  if (language === 'ts') {
    const types = await typeErrors(labFiles(lab, language).map((f) => join(dir, f))).catch(() => []);
    if (types.length > 0) causes.push(`type error${types.length > 1 ? 's' : ''}: ${types.join('; ')}`);
  }
  return causes.length ? `${detail}${BEHIND}${causes.join('; ')}` : detail;
}

function summarise(lab: Lab, language: Language, results: StepResult[]): LabResult {
  const steps = results.map((r) => ({ ...r, step: inLanguage(r.step, lab, language), ...(r.detail ? { detail: inLanguage(r.detail, lab, language) } : {}) }));
  const counted = steps.filter((s) => s.status !== 'skipped');
  const score = counted.filter((s) => s.status === 'passed').length;
  return { lab: lab.dir, title: lab.title, language, passed: score === counted.length, steps, score, total: counted.length };
}
