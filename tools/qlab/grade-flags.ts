/**
 * Submissions a human should look at: a lab identical to solutions/, or to another student's, once
 * whitespace and comments are set aside. Flags never change a score. Untouched starters and missing
 * labs are alike in every class and are not flagged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../../labs/manifest.ts';
import { labFiles, LANGUAGES } from '../../labs-kit/language.ts';
import { labFolder, type Submission } from './grade-pool.ts';

const root = new URL('../../', import.meta.url).pathname;

export interface CopyFlag {
  lab: string;
  students: string[];
  /** 'solutions': the students' lab is the kit's solution; 'each other': the students' labs are the same. */
  of: 'solutions' | 'each other';
}

/** Source without comments and whitespace: `// x`, `/* x *\/` and `# x` (a comment starts a line or follows a blank). */
export function normaliseSource(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)(\/\/|#).*$/gm, '$1')
    .replace(/\s+/g, '');
}

/** A lab folder's files in every language, normalised, each in its place; '' for a missing one. */
function files(lab: Lab, dir: string): string[] {
  return LANGUAGES.flatMap((l) => labFiles(lab, l).map((f) => join(dir, f)))
    .map((f) => (existsSync(f) ? normaliseSource(readFileSync(f, 'utf8')) : ''));
}

/** What the student wrote: their files, with those still as the starter's blanked; undefined for nothing. */
function written(lab: Lab, dir: string, starter: string[]): string[] | undefined {
  const mine = files(lab, dir).map((f, i) => (f === starter[i] ? '' : f));
  return mine.some((f) => f !== '') ? mine : undefined;
}

/** Every file of one language is the solution's, and the rest is untouched or the solution too. */
function copiesSolution(lab: Lab, mine: string[], solution: string[]): boolean {
  const n = lab.programs.length;
  const whole = LANGUAGES.some((_, l) => mine.slice(l * n, (l + 1) * n).every((f, i) => f === solution[l * n + i]));
  return whole && mine.every((f, i) => f === '' || f === solution[i]);
}

export function findCopies(submissions: Submission[], labs: Lab[]): CopyFlag[] {
  const flags: CopyFlag[] = [];
  for (const lab of labs) {
    const solution = files(lab, join(root, 'solutions', lab.dir));
    const starter = files(lab, join(root, 'labs', lab.dir));
    const isSolution = (mine: string[]): boolean => copiesSolution(lab, mine, solution);
    const alike = new Map<string, { mine: string[]; who: string[] }>();
    for (const s of submissions) {
      const mine = written(lab, labFolder(s.dir, lab), starter);
      if (!mine) continue;
      const key = mine.join('\0');
      alike.set(key, { mine, who: [...(alike.get(key)?.who ?? []), s.student] });
    }
    const copiers = [...alike.values()].filter((g) => isSolution(g.mine)).flatMap((g) => g.who);
    if (copiers.length) flags.push({ lab: lab.dir, students: copiers.sort(), of: 'solutions' });
    for (const g of alike.values()) {
      if (g.who.length > 1 && !isSolution(g.mine)) flags.push({ lab: lab.dir, students: g.who.sort(), of: 'each other' });
    }
  }
  return flags;
}
