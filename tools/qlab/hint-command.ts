/** `qlab hint [lab]`: the lab's hints in the student's language, and where its step-by-step guide is. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../broker-sim/src/run-cli.ts';
import { LANGUAGE_NAME } from '../../labs-kit/language.ts';
import { chooseLab } from './choose-lab.ts';
import { langOption, studentLanguage } from './student-language.ts';

const builder = (y: Argv) => y
  .positional('lab', { type: 'string', describe: 'lab number, e.g. 03' })
  .option('lang', langOption);

export const hintCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'hint [lab]',
  describe: 'Show the hints for a lab (default: the first not done)',
  builder,
  handler: (a) => {
    const lab = chooseLab(a.lab);
    const { language } = studentLanguage(lab, a.lang);
    console.log(`${lab.dir} (${LANGUAGE_NAME[language]}): ${lab.goal}\n`);
    lab.hints[language].forEach((h, i) => console.log(`hint ${i + 1}: ${h}`));
    console.log(`\nThe step-by-step guide: labs/${lab.dir}/README.md`);
  },
};
