/** `qlab verify [lab]`: grade the student's own copy of a lab and mark it done when it passes. */
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../broker-sim/src/run-cli.ts';
import type { Lab } from '../../labs/manifest.ts';
import { gradeLab } from '../../labs-kit/grade-lab.ts';
import { LANGUAGE_NAME } from '../../labs-kit/language.ts';
import { startBroker, type BrokerKind } from '../shared/brokers/index.ts';
import { brokerOption, chooseLab, nextStep } from './choose-lab.ts';
import { markDone } from './progress.ts';
import { formatLabResult } from './report.ts';
import { langOption, studentLanguage } from './student-language.ts';

const root = new URL('../../', import.meta.url).pathname;

/**
 * Grades labs/NN-name on a broker of its own, in the language the student works in (`lang`, else
 * `qlab lang`, else the one its files tell); marks the lab done in that language when every step passes.
 */
export async function verify(lab: Lab, brokerKind: BrokerKind, lang?: string): Promise<boolean> {
  const { language, reason } = studentLanguage(lab, lang);
  console.log(`Grading your ${LANGUAGE_NAME[language]} files of lab ${lab.id} (${reason}).\n`);
  const broker = await startBroker(brokerKind);
  try {
    const r = await gradeLab(lab, join(root, 'labs', lab.dir), broker, language);
    console.log(formatLabResult(r));
    if (r.passed) {
      markDone(lab.dir, language);
      console.log(`\n${nextStep(lab)}`);
    } else {
      console.log(`\nNot yet. \`qlab hint ${lab.id}\` gives a hint.`);
    }
    return r.passed;
  } finally {
    await broker.close();
  }
}

const builder = (y: Argv) => y
  .positional('lab', { type: 'string', describe: 'lab number, e.g. 03' })
  .option('broker', brokerOption)
  .option('lang', langOption);

export const verifyCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'verify [lab]',
  describe: 'Check your code for a lab (default: the first not done)',
  builder,
  handler: async (a) => {
    if (!(await verify(chooseLab(a.lab), a.broker, a.lang))) process.exitCode = 1;
  },
};
