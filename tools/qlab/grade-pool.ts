/**
 * Grades a class in parallel: a pool of students graded side by side, each lab against a broker of
 * its own (labs-kit/lab-broker.ts). Each lab of a submission is copied into .queuelab/grading/ (so
 * its imports resolve to the kit's) and its TypeScript compiled there once (labs-kit/compile-lab.ts). Everything a run made — copies, private brokers, RabbitMQ vhosts,
 * programs — is undone when it ends, fails, or is interrupted (cleanUpGrading).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Lab } from '../../labs/manifest.ts';
import { compileLab } from '../../labs-kit/compile-lab.ts';
import { detectLanguage } from '../../labs-kit/detect-language.ts';
import { gradeLab, runnableDir, type LabResult } from '../../labs-kit/grade-lab.ts';
import { startLabBroker } from '../../labs-kit/lab-broker.ts';
import type { Language } from '../../labs-kit/language.ts';
import type { RabbitMq } from '../shared/brokers/index.ts';
import type { StudentResult } from './report.ts';

/** Students graded at once: four per core, since a grading run mostly waits (on programs, timeouts, long tasks). */
export const DEFAULT_JOBS = availableParallelism() * 4;

export interface Submission { student: string; dir: string }

export interface PoolOptions {
  labs: Lab[];
  /** Grade on this RabbitMQ (a private vhost per lab); broker-sim when absent. */
  rabbitmq?: RabbitMq;
  jobs?: number;
  /** Called as each student is done. */
  onStudent?(r: StudentResult): void;
}

/** What is still to be undone, newest last: cleanUpGrading runs it on Ctrl-C. */
const pending = new Set<() => Promise<void>>();

async function withCleanup<T>(undo: () => Promise<void> | void, body: () => Promise<T>): Promise<T> {
  const once = async () => { pending.delete(once); await undo(); };
  pending.add(once);
  try { return await body(); } finally { await once(); }
}

/** Undoes whatever grading runs are in progress (their brokers, vhosts and copies). */
export async function cleanUpGrading(): Promise<void> {
  await Promise.allSettled([...pending].map((u) => u()));
}

/** A student's lab folder: DIR/NN-name, or DIR/labs/NN-name for a whole copy of the kit. */
export function labFolder(submission: string, lab: Lab): string {
  const nested = join(submission, 'labs', lab.dir);
  return existsSync(nested) ? nested : join(submission, lab.dir);
}

/** Runs `work` over `items`, at most `size` at a time, keeping the order of items in the answer. */
export async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) out[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, lane));
  return out;
}

export function gradeClass(submissions: Submission[], o: PoolOptions): Promise<StudentResult[]> {
  return pool(submissions, o.jobs ?? DEFAULT_JOBS, async (s) => {
    const r = await gradeSubmission(s, o);
    o.onStudent?.(r);
    return r;
  });
}

/** One student, lab after lab, each on a broker of its own. */
export async function gradeSubmission(s: Submission, o: PoolOptions): Promise<StudentResult> {
  const labs: LabResult[] = [];
  for (const lab of o.labs) {
    const folder = labFolder(s.dir, lab);
    labs.push(await gradeOne(lab, folder, o.rabbitmq).catch((err: Error) => notGraded(lab, detectLanguage(lab, folder).language, err)));
  }
  return { student: s.student, labs };
}

/**
 * One lab: copied where its imports resolve (runnableDir), compiled, graded on a broker of its own;
 * the copy and the broker go whatever happens.
 */
async function gradeOne(lab: Lab, folder: string, rabbitmq?: RabbitMq): Promise<LabResult> {
  const { language } = detectLanguage(lab, folder);
  if (!existsSync(folder)) return gradeLab(lab, folder, { url: '', kind: rabbitmq ? 'rabbitmq' : 'sim' }, language); // missing: no broker needed
  const copy = runnableDir(folder);
  return withCleanup(async () => copy.cleanup(), async () => {
    // Compiled only in a copy: a folder inside the kit (solutions/) is graded as it is, through tsx.
    const copied = copy.dir !== resolve(folder);
    const compiled = language === 'ts' && copied && await compileLab(lab, copy.dir);
    const broker = await startLabBroker(rabbitmq);
    return withCleanup(() => broker.close().catch(() => {}), () => gradeLab(lab, copy.dir, broker, language, { compiled }));
  });
}

/** A lab the grader could not run (no Python with pika, a broker that would not start): failed, saying why; the class goes on. */
function notGraded(lab: Lab, language: Language, err: Error): LabResult {
  const detail = `not graded: ${err.message.split('\n')[0]}`;
  return { lab: lab.dir, title: lab.title, language, passed: false, steps: [{ step: 'grading', status: 'failed', detail }], score: 0, total: 1 };
}
