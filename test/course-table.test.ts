/**
 * README's course table is the one labs/manifest.ts makes: a lab added, renamed or re-timed shows, and
 * so does a language a lab's files are missing in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { LABS } from '../labs/manifest.ts';
import { courseTable, labLanguages, withCourseTable } from '../scripts/course-table.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('README\'s course table is the manifest\'s (npm run course-table rewrites it)', () => {
  assert.equal(withCourseTable(readme), readme, 'README.md differs from labs/manifest.ts: run `npm run course-table`');
  for (const lab of LABS) assert.ok(existsSync(new URL(`../labs/${lab.dir}/README.md`, import.meta.url)), `labs/${lab.dir}/README.md exists`);
});

test('a change in the manifest changes the table', () => {
  const retimed = LABS.map((l, i) => (i === 4 ? { ...l, minutes: l.minutes + 5 } : l));
  assert.notEqual(withCourseTable(readme, courseTable(retimed)), readme);
  assert.notEqual(withCourseTable(readme, courseTable(LABS.slice(0, -1))), readme);
  assert.throws(() => withCourseTable('# no table here'), /no course table/);
});

test('a lab is listed in the languages it has a starter and a solution of every program in', () => {
  const lab = LABS[0]!;
  assert.deepEqual(labLanguages(lab), ['ts', 'python']);
  assert.match(courseTable([lab]), /\| 20 min \| TypeScript, Python \|$/);
  // A program the manifest names but the lab's folder does not hold, in any language.
  assert.deepEqual(labLanguages({ ...lab, programs: [...lab.programs, 'no_such_program'] }), []);
  assert.match(courseTable([lab], () => ['python']), /\| 20 min \| Python \|$/);
  assert.notEqual(withCourseTable(readme, courseTable(LABS, () => ['ts'])), readme);
});
