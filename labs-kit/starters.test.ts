/**
 * The starter list is the committed starters, whatever a student does to labs/, and solutions/
 * holds the same files as the starters (each TODO has its answer, nothing is missing from either).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABS } from '../labs/manifest.ts';
import { labFiles, LANGUAGES } from './language.ts';
import { blobId, currentStarters, isStarterFile, listedStarters, starterContent, starterFiles } from './starters.ts';

const root = new URL('../', import.meta.url).pathname;
const git = (...args: string[]): string => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
const hasGit = existsSync(join(root, '.git'));

test('blobId is git\'s id of a content', { skip: hasGit ? false : 'no git' }, () => {
  const path = join(root, 'labs', '01-hello-world', 'send.ts');
  assert.equal(blobId(readFileSync(path)), git('hash-object', path).trim());
});

test('solutions/ and the starters hold the same files, and every lab program is a starter in every language', () => {
  for (const lab of LABS) {
    const dir = join(root, 'solutions', lab.dir);
    const solutions = readdirSync(dir).filter((f) => isStarterFile(dir, f)).sort();
    assert.deepEqual(starterFiles(lab).sort(), solutions, `labs/${lab.dir} and solutions/${lab.dir}`);
    for (const lang of LANGUAGES) for (const f of labFiles(lab, lang)) assert.ok(starterFiles(lab).includes(f), `${lab.dir}/${f} is a starter`);
  }
});

test('every starter comes back as committed, whatever labs/ holds now', () => {
  for (const lab of LABS) {
    for (const f of starterFiles(lab)) {
      const content = starterContent(lab, f);
      assert.ok(content, `${lab.dir}/${f} can be had`);
      assert.equal(blobId(content), listedStarters()[`${lab.dir}/${f}`]);
    }
  }
});

/**
 * A starter that differs from the list is either the student's work (fine) or a starter changed
 * without `npm run starters` (stale): the kit's own commits change solutions/ or labs-kit/ with it,
 * a student's commits only labs/.
 */
test('labs-kit/starters.json is up to date with the kit\'s commits (`npm run starters` after changing a starter)', { skip: hasGit ? false : 'no git' }, () => {
  const listed = listedStarters();
  const now = currentStarters();
  const stale: string[] = [];
  for (const key of new Set([...Object.keys(listed), ...Object.keys(now)])) {
    if (listed[key] === now[key]) continue;
    // Not committed yet: the student's work in progress, or a starter about to be listed.
    if (listed[key] === git('ls-tree', '--object-only', 'HEAD', `labs/${key}`).trim()) continue;
    const commit = git('log', '-1', '--format=%H', '--', `labs/${key}`).trim();
    if (!commit) continue;
    const changed = git('show', '--name-only', '--format=', commit).split('\n');
    if (changed.some((p) => p.startsWith('solutions/') || p.startsWith('labs-kit/'))) stale.push(key);
  }
  assert.deepEqual(stale, [], 'starters changed by the kit since labs-kit/starters.json was written: run `npm run starters`');
});
