/** `qlab list` (and plain `qlab`): the labs in order, done or not done. */
import type { CommandModule } from 'yargs';
import { LABS } from '../../labs/manifest.ts';
import { readProgress } from './progress.ts';

export function listLines(done: Record<string, string> = readProgress()): string[] {
  const width = Math.max(...LABS.map((l) => l.dir.length));
  return LABS.map((l) => `${done[l.dir] ? '✔ done    ' : '  not done'}  ${l.dir.padEnd(width)} ${String(l.minutes).padStart(3)} min  ${l.goal}`);
}

export const listCommand: CommandModule = {
  command: ['list', '$0'],
  describe: 'List the labs, done or not done',
  handler: () => { for (const line of listLines()) console.log(line); },
};
