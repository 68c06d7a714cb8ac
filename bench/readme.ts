/** Puts a full run's table into README.md between its markers, so the performance section is the run's own output. */
import { readFileSync, writeFileSync } from 'node:fs';

export const START = '<!-- bench:start (written by npm run bench -- --readme) -->';
export const END = '<!-- bench:end -->';

export function withBenchBlock(readme: string, block: string): string {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README has no ${START} … ${END} block`);
  return `${readme.slice(0, from + START.length)}\n${block.trim()}\n${readme.slice(to)}`;
}

export function updateReadme(path: string, block: string): void {
  writeFileSync(path, withBenchBlock(readFileSync(path, 'utf8'), block));
}
