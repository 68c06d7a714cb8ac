/**
 * `qlab grade --submission DIR` grades one student's copy of the labs; `--submissions DIR` grades a
 * class (one folder per student), students side by side (grade-pool.ts), and writes a table as
 * Markdown and JSON (and JUnit XML with --junit). Each lab is graded in the language its submission
 * is in (TypeScript or Python), and says which. `--bench N` grades N copies of solutions/ and says
 * how long a student took.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../broker-sim/src/run-cli.ts';
import { findLab, LABS, type Lab } from '../../labs/manifest.ts';
import { TAG } from '../../labs-kit/language.ts';
import { startRabbitMq, type RabbitMq } from '../shared/brokers/index.ts';
import { ToolError } from '../shared/connect.ts';
import { findCopies } from './grade-flags.ts';
import { cleanUpGrading, DEFAULT_JOBS, gradeClass, gradeSubmission, type Submission } from './grade-pool.ts';
import { progressBar } from './grade-progress.ts';
import { classJunit, classMarkdown, failedStep, formatLabResult, type StudentResult } from './report.ts';

const root = new URL('../../', import.meta.url).pathname;

const builder = (y: Argv) => y
  .option('submission', { type: 'string', describe: 'one student\'s folder (holding 01-hello-world/ … or labs/01-hello-world/ …)' })
  .option('submissions', { type: 'string', describe: 'a folder with one folder per student' })
  .option('bench', { type: 'number', describe: 'grade this many copies of solutions/ and print the seconds per student (nothing written)' })
  .option('broker', { choices: ['sim', 'rabbitmq'] as const, default: 'sim' as const, describe: 'sim: a private broker-sim per lab; rabbitmq: a private vhost per lab on RABBITMQ_URL (or testcontainers), deleted after' })
  .option('lab', { type: 'string', describe: 'grade only this lab (e.g. 03)' })
  .option('jobs', { type: 'number', default: DEFAULT_JOBS, describe: 'students graded at once (default: four per core)' })
  .option('out', { type: 'string', default: 'grades', describe: 'file name (without extension) for the class table: .md and .json' })
  .option('junit', { type: 'string', describe: 'also write JUnit XML to this file' })
  .check((a) => {
    if ([a.submission, a.submissions, a.bench].filter((x) => x !== undefined).length !== 1) {
      throw new Error('give exactly one of --submission DIR, --submissions DIR or --bench N');
    }
    return true;
  });

type GradeArgs = ArgsOf<typeof builder>;

export const gradeCommand: CommandModule<object, GradeArgs> = {
  command: 'grade',
  describe: 'Grade a student (--submission DIR) or a class (--submissions DIR, one folder per student)',
  builder,
  handler: (a) => grade(a),
};

/** Grades one student or a whole class, and writes the class table; undoes everything on Ctrl-C. */
async function grade(a: GradeArgs): Promise<void> {
  const labs = a.lab ? [findLab(a.lab) ?? fail(`no lab '${a.lab}'`)] : LABS;
  const interrupted = (): void => { void cleanUpGrading().finally(() => process.exit(130)); };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  const rabbitmq = a.broker === 'rabbitmq' ? await startRabbitMq() : undefined;
  try {
    if (a.submission) return await gradeOne(a.submission, labs, rabbitmq);
    if (a.bench !== undefined) return await bench(a.bench, labs, a.jobs, rabbitmq);
    await gradeAll(a, labs, rabbitmq);
  } finally {
    await rabbitmq?.close();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

async function gradeOne(dir: string, labs: Lab[], rabbitmq?: RabbitMq): Promise<void> {
  if (!existsSync(dir)) fail(`no folder ${dir}`);
  const r = await gradeSubmission({ student: dir, dir }, { labs, rabbitmq });
  for (const l of r.labs) console.log(formatLabResult(l));
}

/** The students of a class folder: its sub-folders, by name. */
function submissionsIn(dir: string): Submission[] {
  if (!existsSync(dir)) fail(`no folder ${dir}`);
  return readdirSync(dir).filter((s) => statSync(join(dir, s)).isDirectory()).sort().map((s) => ({ student: s, dir: join(dir, s) }));
}

function summaryLine(r: StudentResult): string {
  return `${r.student}: ${r.labs.map((l) => `${l.lab.slice(0, 2)} ${l.score}/${l.total} ${TAG[l.language]}`).join(', ')}`;
}

function gradeWithBar(submissions: Submission[], labs: Lab[], jobs: number, rabbitmq?: RabbitMq): Promise<StudentResult[]> {
  const bar = progressBar(submissions.length);
  const quiet = process.stderr.isTTY;
  return gradeClass(submissions, {
    labs, jobs, rabbitmq,
    onStudent: (r) => { bar.tick(r.student); if (!quiet) console.log(summaryLine(r)); },
  }).finally(() => bar.done());
}

async function gradeAll(a: GradeArgs, labs: Lab[], rabbitmq?: RabbitMq): Promise<void> {
  const submissions = submissionsIn(a.submissions!);
  const results = await gradeWithBar(submissions, labs, a.jobs, rabbitmq);
  if (process.stderr.isTTY) for (const r of results) console.log(summaryLine(r));
  const flags = findCopies(submissions, labs);
  const md = classMarkdown(results, labs.map((l) => l.dir), flags);
  writeFileSync(`${a.out}.md`, md);
  const json = { broker: a.broker, gradedAt: new Date().toISOString(), results, flags };
  writeFileSync(`${a.out}.json`, JSON.stringify(json, null, 2) + '\n');
  if (a.junit) writeFileSync(a.junit, classJunit(results));
  console.log(`\n${md}\nwrote ${a.out}.md and ${a.out}.json${a.junit ? ` and ${a.junit}` : ''}`);
}

/** N students who each hand in solutions/, graded as a class: the time a class of N takes. */
async function bench(n: number, labs: Lab[], jobs: number, rabbitmq?: RabbitMq): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qlab-bench-'));
  try {
    const submissions = Array.from({ length: n }, (_, i) => {
      const s = { student: `student-${String(i + 1).padStart(2, '0')}`, dir: join(dir, `s${i + 1}`) };
      cpSync(join(root, 'solutions'), s.dir, { recursive: true, dereference: true, filter: (f) => !f.endsWith('.py') }); // graded as TypeScript
      return s;
    });
    const started = Date.now();
    const cpu = process.cpuUsage();
    const results = await gradeWithBar(submissions, labs, jobs, rabbitmq);
    const secs = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const passed = results.reduce((k, r) => k + r.labs.filter((l) => l.passed).length, 0);
    console.log(`graded ${n} submissions × ${labs.length} labs with ${jobs} at once in ${secs.toFixed(1)} s: `
      + `${(secs / n).toFixed(2)} s per student; ${passed}/${n * labs.length} labs passed; `
      + `the grading process (brokers and graders, not the programs) used ${((used.user + used.system) / 1e6).toFixed(1)} s of CPU`);
    // A copy of solutions/ should pass everywhere: a failure here is the machine's load or a grader's.
    for (const r of results) {
      for (const l of r.labs.filter((x) => !x.passed)) console.log(`  ${r.student} ${l.lab}: ${Object.values(failedStep(l) ?? {}).join(': ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fail(msg: string): never {
  throw new ToolError(msg);
}
