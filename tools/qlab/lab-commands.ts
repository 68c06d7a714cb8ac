/** qlab's student commands: list, verify, hint, start, watch. */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { readDiscovery } from '../../broker-sim/src/cli/discovery.ts';
import { findLab, LABS, type Lab } from '../../labs/manifest.ts';
import { gradeLab } from '../../labs-kit/grade-lab.ts';
import { LANGUAGE_NAME, LANGUAGES, TAG } from '../../labs-kit/language.ts';
import { ToolError } from '../shared/connect.ts';
import { gradingBroker } from './broker-choice.ts';
import { langOption, studentLanguage } from './lang-command.ts';
import { isDone, markDone, readProgress, type Progress } from './progress.ts';
import { formatLabResult } from './report.ts';

const root = new URL('../../', import.meta.url).pathname;

function labOrFail(id: string | undefined): Lab {
  if (id === undefined) {
    const progress = readProgress();
    return LABS.find((l) => !isDone(progress, l.dir)) ?? LABS[LABS.length - 1]!;
  }
  const lab = findLab(String(id));
  if (!lab) throw new ToolError(`no lab '${id}'; \`qlab list\` shows them`);
  return lab;
}

/** A header, then per lab a ✔ (done) or · (not done) under each language, its folder, time and goal. */
export function listLines(progress: Progress = readProgress()): string[] {
  const width = Math.max(...LABS.map((l) => l.dir.length));
  const marks = (dir: string): string => LANGUAGES.map((lang) => (progress.done[dir]?.[lang] ? '✔' : '·').padEnd(TAG[lang].length)).join(' ');
  return [
    `${LANGUAGES.map((lang) => TAG[lang]).join(' ')}  ${'lab'.padEnd(width)} time     goal`,
    ...LABS.map((l) => `${marks(l.dir)}  ${l.dir.padEnd(width)} ${String(l.minutes).padStart(3)} min  ${l.goal}`),
  ];
}

/**
 * Grades the student's own copy of a lab (labs/NN-name) in the language they work in; marks it
 * done in that language when every step passes.
 */
export async function verify(lab: Lab, brokerKind: 'sim' | 'rabbitmq', lang?: string): Promise<boolean> {
  const { language, reason } = studentLanguage(lab, lang);
  console.log(`Grading your ${LANGUAGE_NAME[language]} files of lab ${lab.id} (${reason}).\n`);
  const broker = await gradingBroker(brokerKind);
  try {
    const r = await gradeLab(lab, join(root, 'labs', lab.dir), broker, language);
    console.log(formatLabResult(r));
    if (r.passed) {
      markDone(lab.dir, language);
      console.log(`\nLab ${lab.id} is done. Next: \`qlab verify ${String(Number(lab.id) + 1).padStart(2, '0')}\` when you have worked on it.`);
    } else {
      console.log(`\nNot yet. \`qlab hint ${lab.id}\` gives a hint.`);
    }
    return r.passed;
  } finally {
    await broker.stop();
  }
}

const brokerOption = { choices: ['sim', 'rabbitmq'] as const, default: 'sim' as const, describe: 'grade against a private broker-sim, or RabbitMQ (RABBITMQ_URL)' };

export const listCommand: CommandModule = {
  command: ['list', '$0'],
  describe: 'List the labs, done or not done in each language',
  handler: () => { for (const line of listLines()) console.log(line); },
};

export const verifyCommand: CommandModule = {
  command: 'verify [lab]',
  describe: 'Check your code for a lab (default: the first not done)',
  builder: (y: Argv) => y.positional('lab', { type: 'string', describe: 'lab number, e.g. 03' }).option('broker', brokerOption).option('lang', langOption),
  handler: async (a) => {
    if (!(await verify(labOrFail(a.lab as string | undefined), a.broker as 'sim' | 'rabbitmq', a.lang as string | undefined))) process.exitCode = 1;
  },
};

export const hintCommand: CommandModule = {
  command: 'hint [lab]',
  describe: 'Show the hints for a lab (default: the first not done)',
  builder: (y: Argv) => y.positional('lab', { type: 'string' }).option('lang', langOption),
  handler: (a) => {
    const lab = labOrFail(a.lab as string | undefined);
    const { language } = studentLanguage(lab, a.lang as string | undefined);
    console.log(`${lab.dir} (${LANGUAGE_NAME[language]}): ${lab.goal}\n`);
    lab.hints[language].forEach((h, i) => console.log(`hint ${i + 1}: ${h}`));
    console.log(`\nThe step-by-step guide: labs/${lab.dir}/README.md`);
  },
};

export const startCommand: CommandModule = {
  command: 'start',
  describe: 'Start broker-sim in the background unless one is running, and print its URL',
  handler: async () => {
    const running = readDiscovery();
    if (running) { console.log(`broker-sim is running: ${running.amqpUrl}`); return; }
    const child = spawn(process.execPath, [join(root, 'bin/broker-sim.js'), '--any-port', '--db', join(root, 'queuelab.db')], {
      detached: true, stdio: 'ignore',
    });
    child.unref();
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const d = readDiscovery();
      if (d) { console.log(`broker-sim started: ${d.amqpUrl} (pid ${d.pid})`); return; }
    }
    throw new ToolError('broker-sim did not start within 5 s; try `npx broker-sim --any-port` to see why');
  },
};

export const watchCommand: CommandModule = {
  command: 'watch [lab]',
  describe: 'Re-check a lab every time you save one of its files (Ctrl-C to stop)',
  builder: (y: Argv) => y.positional('lab', { type: 'string' }).option('broker', brokerOption).option('lang', langOption),
  handler: async (a) => {
    let lab = labOrFail(a.lab as string | undefined);
    let running = false;
    let again = false;
    const check = async (): Promise<void> => {
      if (running) { again = true; return; }
      running = true;
      console.clear();
      console.log(`qlab watch: ${lab.dir} (save a file to check again, Ctrl-C to stop)\n`);
      const passed = await verify(lab, a.broker as 'sim' | 'rabbitmq', a.lang as string | undefined).catch((e: Error) => { console.log(e.message); return false; });
      if (passed && !a.lab) lab = labOrFail(undefined);
      running = false;
      if (again) { again = false; void check(); }
    };
    watch(join(root, 'labs'), { recursive: true }, (_e, file) => { if (file && /\.(ts|py)$/.test(file)) void check(); });
    await check();
    await new Promise(() => {});
  },
};
