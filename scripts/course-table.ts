/**
 * README's course table, made from labs/manifest.ts so the two cannot drift: `npm run course-table`
 * rewrites it between its markers, and a test fails when README's copy differs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LABS, type Lab } from '../labs/manifest.ts';
import { labFiles, LANGUAGE_NAME, LANGUAGES, type Language } from '../labs-kit/language.ts';

export const BEGIN = '<!-- the course table: made from labs/manifest.ts by `npm run course-table` -->';
export const END = '<!-- end of the course table -->';

const kit = new URL('../', import.meta.url);

/** The languages a lab is written in: those with a starter and a solution of every program it names. */
export function labLanguages(lab: Lab): Language[] {
  const has = (folder: string, file: string): boolean => existsSync(new URL(`${folder}/${lab.dir}/${file}`, kit));
  return LANGUAGES.filter((lang) => labFiles(lab, lang).every((f) => has('labs', f) && has('solutions', f)));
}

/** One row per lab: a link to its README, its goal, its time, the languages it is written in. */
export function courseTable(labs: Lab[] = LABS, languagesOf: (lab: Lab) => Language[] = labLanguages): string {
  const cell = (s: string): string => s.replace(/[|*]/g, (c) => `\\${c}`);
  const languages = (lab: Lab): string => languagesOf(lab).map((l) => LANGUAGE_NAME[l]).join(', ') || '—';
  return [
    '| lab | goal | time | languages |',
    '|---|---|---|---|',
    ...labs.map((l) => `| [${l.dir}](labs/${l.dir}/README.md) | ${cell(l.goal)} | ${l.minutes} min | ${languages(l)} |`),
  ].join('\n');
}

/** The README with its course table (between the markers) replaced by `table`. */
export function withCourseTable(readme: string, table = courseTable()): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no course table between ${BEGIN} and ${END}`);
  return `${readme.slice(0, begin + BEGIN.length)}\n${table}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL('../README.md', import.meta.url));
  const before = readFileSync(path, 'utf8');
  const after = withCourseTable(before);
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? 'README.md: the course table is up to date' : 'README.md: the course table rewritten from labs/manifest.ts');
}
