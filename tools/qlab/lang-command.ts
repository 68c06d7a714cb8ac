/**
 * `qlab lang [python|ts]`: the language the student works in, kept with their progress. Without it,
 * qlab tells from the files which language a lab is worked in.
 */
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { Lab } from '../../labs/manifest.ts';
import { detectLanguage } from '../../labs-kit/detect-language.ts';
import { LANGUAGE_NAME, parseLanguage, type Language } from '../../labs-kit/language.ts';
import { findPython, pythonMissing } from '../../labs-kit/python.ts';
import { ToolError } from '../shared/connect.ts';
import { readProgress, setLanguage } from './progress.ts';

const root = new URL('../../', import.meta.url).pathname;

export interface LanguageChoice { language: Language; reason: string }

/** The language to grade the student's copy of a lab in: --lang, else `qlab lang`, else its files tell. */
export function studentLanguage(lab: Lab, explicit?: string): LanguageChoice {
  if (explicit !== undefined) return { language: languageOrFail(explicit), reason: 'as --lang says' };
  const chosen = readProgress().lang;
  if (chosen) return { language: chosen, reason: `as \`qlab lang ${chosen}\` says` };
  const detected = detectLanguage(lab, join(root, 'labs', lab.dir));
  return { language: detected.language, reason: `${detected.reason}; \`qlab lang python|ts\` to choose` };
}

export function languageOrFail(s: string): Language {
  const lang = parseLanguage(s);
  if (!lang) throw new ToolError(`no language '${s}': python or ts`);
  return lang;
}

export const langOption = { type: 'string', describe: 'grade this language: python or ts (default: `qlab lang`, else the one your files are in)' } as const;

export const langCommand: CommandModule = {
  command: 'lang [language]',
  describe: 'Show or set the language you work in: python or ts',
  builder: (y: Argv) => y.positional('language', { type: 'string', describe: 'python or ts' }),
  handler: (a) => {
    const given = a.language as string | undefined;
    if (given === undefined) {
      const lang = readProgress().lang;
      console.log(lang ? `You work in ${LANGUAGE_NAME[lang]} (\`qlab lang ${lang}\`).` : 'No language chosen: qlab grades each lab in the language of the files you changed. `qlab lang python` or `qlab lang ts` to choose.');
      return;
    }
    const lang = languageOrFail(given);
    setLanguage(lang);
    console.log(`qlab now grades your ${LANGUAGE_NAME[lang]} files (${lang === 'python' ? 'python3 send.py' : 'npx tsx send.ts'}).`);
    if (lang === 'python' && !findPython()) console.log(pythonMissing());
  },
};
