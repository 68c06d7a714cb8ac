/** Which language a copy of a lab is worked in, told from its files against the committed starters. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findLab } from '../labs/manifest.ts';
import { detectLanguage } from './detect-language.ts';

const root = new URL('../', import.meta.url).pathname;
const lab = findLab('01')!;
const scratch = mkdtempSync(join(tmpdir(), 'qlab-detect-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;

/** A copy of lab 01 made of the given files: `starter` or `solution` per extension, all with one mtime. */
function copy(files: { ts?: 'starter' | 'solution'; py?: 'starter' | 'solution' }): string {
  const dir = join(scratch, String(++n));
  mkdirSync(dir);
  for (const [ext, from] of Object.entries(files)) {
    const src = join(root, from === 'starter' ? 'labs' : 'solutions', lab.dir);
    for (const f of readdirSync(src).filter((f) => f.endsWith(`.${ext}`))) cpSync(join(src, f), join(dir, f));
  }
  for (const f of readdirSync(dir)) utimesSync(join(dir, f), 1_700_000_000, 1_700_000_000);
  return dir;
}

test('a copy with only Python files is Python', () => {
  assert.deepEqual(detectLanguage(lab, copy({ py: 'starter' })), { language: 'python', reason: 'only its .py files are there' });
});

test('a copy with both languages is in the one whose files differ from the starters', () => {
  assert.equal(detectLanguage(lab, copy({ ts: 'starter', py: 'solution' })).language, 'python');
  assert.equal(detectLanguage(lab, copy({ ts: 'solution', py: 'starter' })).language, 'ts');
});

test('when both or neither differ, the files changed last tell; when nothing does, TypeScript', () => {
  const untouched = copy({ ts: 'starter', py: 'starter' });
  assert.deepEqual(detectLanguage(lab, untouched), { language: 'ts', reason: 'nothing tells the languages apart' });
  utimesSync(join(untouched, 'receive.py'), 1_800_000_000, 1_800_000_000);
  assert.deepEqual(detectLanguage(lab, untouched), { language: 'python', reason: 'its .py files changed last' });
  const both = copy({ ts: 'solution', py: 'solution' });
  utimesSync(join(both, 'send.ts'), 1_800_000_000, 1_800_000_000);
  assert.equal(detectLanguage(lab, both).language, 'ts');
});

test('an empty copy is graded in TypeScript (and fails for its missing files)', () => {
  assert.deepEqual(detectLanguage(lab, copy({})), { language: 'ts', reason: 'none of its files are there' });
});
