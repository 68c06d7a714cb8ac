/**
 * `qlab hint [lab]`: the lab's hints in the student's language, one at a time: the first call shows
 * the first, each further call the next (the last is closest to the answer); `--all` shows them all.
 * How many were shown is kept with the student's progress.
 */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../broker-sim/src/run-cli.ts';
import type { Lab } from '../../labs/manifest.ts';
import { LANGUAGE_NAME, type Language } from '../../labs-kit/language.ts';
import { chooseLab } from './choose-lab.ts';
import { hintsSeen, readProgress, setHintsSeen } from './progress.ts';
import { langOption, studentLanguage } from './student-language.ts';

/** The lines to print when `seen` hints were shown before; and how many are shown after. */
export function hintLines(lab: Lab, language: Language, seen: number, all: boolean): { lines: string[]; seen: number } {
  const hints = lab.hints[language];
  const upTo = all ? hints.length : Math.min(seen + 1, hints.length);
  const from = all || seen >= hints.length ? 0 : seen;
  const lines = [`${lab.dir} (${LANGUAGE_NAME[language]}): ${lab.goal}`, ''];
  for (let i = from; i < upTo; i++) lines.push(`hint ${i + 1} of ${hints.length}: ${hints[i]}`);
  lines.push('');
  if (upTo < hints.length) lines.push(`\`qlab hint ${lab.id}\` again for the next one (\`--all\` for all ${hints.length}).`);
  else lines.push(`${seen >= hints.length && !all ? 'That was the last hint. ' : ''}The step-by-step guide: labs/${lab.dir}/README.md`);
  return { lines, seen: upTo };
}

const builder = (y: Argv) => y
  .positional('lab', { type: 'string', describe: 'lab number, e.g. 03' })
  .option('all', { type: 'boolean', default: false, describe: 'show every hint of the lab at once' })
  .option('lang', langOption);

export const hintCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'hint [lab]',
  describe: 'Show the next hint for a lab (default: the first not done)',
  builder,
  handler: (a) => {
    const lab = chooseLab(a.lab);
    const { language } = studentLanguage(lab, a.lang);
    const out = hintLines(lab, language, hintsSeen(readProgress(), lab.dir, language), a.all);
    for (const line of out.lines) console.log(line);
    setHintsSeen(lab.dir, language, out.seen);
  },
};
