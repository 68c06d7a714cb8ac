/**
 * `qlab grade --submission DIR` grades one student's copy of the labs; `--submissions DIR` grades a
 * class (one folder per student) and writes a table as Markdown and JSON (and JUnit XML with --junit).
 * Each lab is graded in the language its submission is in (TypeScript or Python), and says which.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../broker-sim/src/run-cli.ts';
import { findLab, LABS, type Lab } from '../../labs/manifest.ts';
import { detectLanguage } from '../../labs-kit/detect-language.ts';
import { gradeLab } from '../../labs-kit/grade-lab.ts';
import { TAG } from '../../labs-kit/language.ts';
import { startBroker, type BrokerKind } from '../shared/brokers/index.ts';
import { ToolError } from '../shared/connect.ts';
import { classJunit, classMarkdown, formatLabResult, type StudentResult } from './report.ts';

const builder = (y: Argv) => y
  .option('submission', { type: 'string', describe: 'one student\'s folder (holding 01-hello-world/ … or labs/01-hello-world/ …)' })
  .option('submissions', { type: 'string', describe: 'a folder with one folder per student' })
  .option('broker', { choices: ['sim', 'rabbitmq'] as const, default: 'sim' as const, describe: 'sim: a private broker-sim per run; rabbitmq: RABBITMQ_URL or testcontainers' })
  .option('lab', { type: 'string', describe: 'grade only this lab (e.g. 03)' })
  .option('out', { type: 'string', default: 'grades', describe: 'file name (without extension) for the class table: .md and .json' })
  .option('junit', { type: 'string', describe: 'also write JUnit XML to this file' })
  .check((a) => {
    if (!a.submission === !a.submissions) throw new Error('give exactly one of --submission DIR or --submissions DIR');
    return true;
  });

type GradeArgs = ArgsOf<typeof builder>;

export const gradeCommand: CommandModule<object, GradeArgs> = {
  command: 'grade',
  describe: 'Grade a student (--submission DIR) or a class (--submissions DIR, one folder per student)',
  builder,
  handler: (a) => grade(a),
};

/** A student's lab folder: DIR/NN-name, or DIR/labs/NN-name for a whole copy of the kit. */
export function labFolder(submission: string, lab: Lab): string {
  const nested = join(submission, 'labs', lab.dir);
  return existsSync(nested) ? nested : join(submission, lab.dir);
}

export async function gradeStudent(student: string, dir: string, labs: Lab[], broker: { url: string; kind: BrokerKind }): Promise<StudentResult> {
  const results = [];
  for (const lab of labs) {
    const folder = labFolder(dir, lab);
    results.push(await gradeLab(lab, folder, broker, detectLanguage(lab, folder).language));
  }
  return { student, labs: results };
}

/** Grades one student or a whole class on one broker, and writes the class table. */
async function grade(a: GradeArgs): Promise<void> {
  const labs = a.lab ? [findLab(a.lab) ?? fail(`no lab '${a.lab}'`)] : LABS;
  const broker = await startBroker(a.broker);
  try {
    if (a.submission) {
      if (!existsSync(a.submission)) fail(`no folder ${a.submission}`);
      const r = await gradeStudent(a.submission, a.submission, labs, broker);
      for (const l of r.labs) console.log(formatLabResult(l));
      return;
    }
    const dir = a.submissions!;
    if (!existsSync(dir)) fail(`no folder ${dir}`);
    const students = readdirSync(dir).filter((s) => statSync(join(dir, s)).isDirectory()).sort();
    const results: StudentResult[] = [];
    for (const s of students) {
      const r = await gradeStudent(s, join(dir, s), labs, broker);
      results.push(r);
      console.log(`${s}: ${r.labs.map((l) => `${l.lab.slice(0, 2)} ${l.score}/${l.total} ${TAG[l.language]}`).join(', ')}`);
    }
    const md = classMarkdown(results, labs.map((l) => l.dir));
    writeFileSync(`${a.out}.md`, md);
    writeFileSync(`${a.out}.json`, JSON.stringify({ broker: broker.kind, gradedAt: new Date().toISOString(), results }, null, 2) + '\n');
    if (a.junit) writeFileSync(a.junit, classJunit(results));
    console.log(`\n${md}\nwrote ${a.out}.md and ${a.out}.json${a.junit ? ` and ${a.junit}` : ''}`);
  } finally {
    await broker.close();
  }
}

function fail(msg: string): never {
  throw new ToolError(msg);
}
