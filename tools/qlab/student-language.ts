/**
 * The language a student command grades or shows a lab in: `--lang`, else the one chosen with
 * `qlab lang` (kept with the student's progress), else the one the lab's files tell.
 */
import { join } from 'node:path';
import type { Lab } from '../../labs/manifest.ts';
import { detectLanguage } from '../../labs-kit/detect-language.ts';
import { parseLanguage, type Language } from '../../labs-kit/language.ts';
import { ToolError } from '../shared/connect.ts';
import { readProgress } from './progress.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A language, and why it is the one: shown to the student before grading. */
export interface LanguageChoice { language: Language; reason: string }

/** The language to grade the student's copy of a lab in: --lang, else `qlab lang`, else its files tell. */
export function studentLanguage(lab: Lab, explicit?: string): LanguageChoice {
  if (explicit !== undefined) return { language: languageOrFail(explicit), reason: 'as --lang says' };
  const chosen = readProgress().lang;
  if (chosen) return { language: chosen, reason: `as \`qlab lang ${chosen}\` says` };
  const detected = detectLanguage(lab, join(root, 'labs', lab.dir));
  return { language: detected.language, reason: `${detected.reason}; \`qlab lang python|ts\` to choose` };
}

/** What the student typed as a language, or a one-line error naming the choices. */
export function languageOrFail(s: string): Language {
  const lang = parseLanguage(s);
  if (!lang) throw new ToolError(`no language '${s}': python or ts`);
  return lang;
}

/** --lang for the commands that grade or hint. */
export const langOption = {
  type: 'string',
  describe: 'this language: python or ts (default: `qlab lang`, else the one your files are in)',
} as const;
