/**
 * The languages every lab is written in. A lab names its programs by base name (send, worker, …);
 * each language adds its extension, and the graders run whichever one is being graded.
 */
import type { Lab } from '../labs/manifest.ts';

export type Language = 'ts' | 'python';

/** In the order the READMEs show them: TypeScript first. */
export const LANGUAGES: readonly Language[] = ['ts', 'python'];

export const EXTENSION: Record<Language, string> = { ts: '.ts', python: '.py' };

/** The short tag used in tables and lists. */
export const TAG: Record<Language, string> = { ts: 'ts', python: 'py' };

export const LANGUAGE_NAME: Record<Language, string> = { ts: 'TypeScript', python: 'Python' };

/** Accepts what a student would type: ts, typescript, py, python. */
export function parseLanguage(s: string): Language | undefined {
  const key = s.trim().toLowerCase();
  if (key === 'ts' || key === 'typescript') return 'ts';
  if (key === 'py' || key === 'python') return 'python';
  return undefined;
}

/** The files a lab's student works on, in one language: send.ts, receive.ts or send.py, receive.py. */
export function labFiles(lab: Lab, lang: Language): string[] {
  return lab.programs.map((p) => p + EXTENSION[lang]);
}

/**
 * Grader texts name the TypeScript files ("send.ts puts …"); for another language the same text
 * names that language's files.
 */
export function inLanguage(text: string, lab: Lab, lang: Language): string {
  if (lang === 'ts') return text;
  return lab.programs.reduce((t, p) => t.replaceAll(`${p}.ts`, p + EXTENSION[lang]), text);
}
