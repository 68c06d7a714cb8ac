/** `qlab list` (and plain `qlab`): the labs in order, done or not done in each language. */
import type { CommandModule } from 'yargs';
import { LABS } from '../../labs/manifest.ts';
import { LANGUAGES, TAG, type Language } from '../../labs-kit/language.ts';
import { doneState, readProgress, type Progress } from './progress.ts';

const MARK = { done: '✔', changed: '~' } as const;

/**
 * A header, then per lab a ✔ (done), ~ (passed, but its files have changed since) or · (not done)
 * under each language, its folder, time and goal.
 */
export function listLines(progress: Progress = readProgress(), base?: string): string[] {
  const width = Math.max(...LABS.map((l) => l.dir.length));
  const mark = (dir: string, lang: Language): string => {
    const state = doneState(progress, dir, lang, base);
    return state ? MARK[state] : '·';
  };
  const marks = (dir: string): string => LANGUAGES.map((lang) => mark(dir, lang).padEnd(TAG[lang].length)).join(' ');
  return [
    `${LANGUAGES.map((lang) => TAG[lang]).join(' ')}  ${'lab'.padEnd(width)} time     goal`,
    ...LABS.map((l) => `${marks(l.dir)}  ${l.dir.padEnd(width)} ${String(l.minutes).padStart(3)} min  ${l.goal}`),
  ];
}

export const listCommand: CommandModule = {
  command: ['list', '$0'],
  describe: 'List the labs, done or not done in each language',
  handler: () => { for (const line of listLines()) console.log(line); },
};
