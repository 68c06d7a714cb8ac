/**
 * `qlab lang [python|ts]`: show or set the language the student works in, kept with their progress.
 * Without it, qlab tells from the files which language a lab is worked in.
 */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../broker-sim/src/run-cli.ts';
import { LANGUAGE_NAME } from '../../labs-kit/language.ts';
import { findPython, pythonMissing } from '../../labs-kit/python.ts';
import { readProgress, setLanguage } from './progress.ts';
import { languageOrFail } from './student-language.ts';

const builder = (y: Argv) => y.positional('language', { type: 'string', describe: 'python or ts (default: show the one chosen)' });

export const langCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'lang [language]',
  describe: 'Show or set the language you work in: python or ts',
  builder,
  handler: (a) => {
    if (a.language === undefined) {
      const lang = readProgress().lang;
      console.log(lang ? `You work in ${LANGUAGE_NAME[lang]} (\`qlab lang ${lang}\`).` : 'No language chosen: qlab grades each lab in the language of the files you changed. `qlab lang python` or `qlab lang ts` to choose.');
      return;
    }
    const lang = languageOrFail(a.language);
    setLanguage(lang);
    console.log(`qlab now grades your ${LANGUAGE_NAME[lang]} files (${lang === 'python' ? 'python3 send.py' : 'npx tsx send.ts'}).`);
    if (lang === 'python' && !findPython()) console.log(pythonMissing());
  },
};
