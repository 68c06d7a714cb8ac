import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableBrokers } from '../../test/support/brokers.ts';
import { runQlab } from '../../test/support/qlab.ts';
import { LABS } from '../../labs/manifest.ts';
import { findPython, pythonMissing } from '../../labs-kit/python.ts';
import { listLines } from './list-command.ts';
import { nextLab, nextStep } from './choose-lab.ts';
import { doneState, isDone, markDone, progressPath, readProgress, setLanguage } from './progress.ts';
import { classMarkdown } from './report.ts';

const root = new URL('../../', import.meta.url).pathname;

const qlab = (args: string[], cwd: string) => runQlab(args, { cwd });

test('qlab list shows every lab, done or not done in each language', () => {
  const lines = listLines({ done: { '02-work-queues': { ts: '2026-01-01' }, '03-acknowledgements': { python: '2026-01-02' } } });
  assert.equal(lines.length, LABS.length + 1);
  // Every lab folder in labs/ is listed: none is missing from the manifest.
  const dirs = readdirSync(new URL('../../labs/', import.meta.url)).filter((d) => /^\d\d-/.test(d));
  assert.deepEqual(LABS.map((l) => l.dir).sort(), dirs.sort());
  assert.match(lines[0]!, /^ts py {2}lab {2,}time {5}goal$/);
  assert.match(lines[1]!, /^· {2}· {3}01-hello-world/);
  assert.match(lines[2]!, /^✔ {2}· {3}02-work-queues/);
  assert.match(lines[3]!, /^· {2}✔ {3}03-acknowledgements/);
});

test('the class table has a row per student and a column per lab, saying the language of each', () => {
  const md = classMarkdown([{ student: 'ann', labs: [{ lab: '01-x', title: 'x', language: 'python', passed: true, steps: [], score: 2, total: 2 }] }], ['01-x', '02-y']);
  assert.equal(md, '| student | 01 | 02 | passed |\n|---|---|---|---|\n| ann | ✓ py | — | 1/2 |\n| **passed** | 1/1 | 0/1 | |\n');
});

test('progress from before languages counts as TypeScript; qlab lang is kept with it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qlab-progress-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, '.queuelab'));
  writeFileSync(progressPath(dir), JSON.stringify({ '01-hello-world': '2026-01-01T00:00:00.000Z' }));
  assert.deepEqual(readProgress(dir), { done: { '01-hello-world': { ts: '2026-01-01T00:00:00.000Z' } } });
  setLanguage('python', dir);
  markDone('02-work-queues', 'python', dir);
  const p = readProgress(dir);
  assert.equal(p.lang, 'python');
  assert.deepEqual(Object.keys(p.done['02-work-queues']!), ['python']);
  assert.equal(p.done['01-hello-world']!.ts, '2026-01-01T00:00:00.000Z');
});

test('a lab passed is no longer done once its files change; verify checks it again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qlab-progress-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(root, 'labs', '03-acknowledgements'), join(dir, 'labs', '03-acknowledgements'), { recursive: true });
  markDone('03-acknowledgements', 'python', dir);
  assert.equal(doneState(readProgress(dir), '03-acknowledgements', 'python', dir), 'done');
  assert.equal(isDone(readProgress(dir), '03-acknowledgements', dir), true);
  writeFileSync(join(dir, 'labs', '03-acknowledgements', 'worker.py'), '# rewritten\n');
  assert.equal(doneState(readProgress(dir), '03-acknowledgements', 'python', dir), 'changed');
  assert.equal(isDone(readProgress(dir), '03-acknowledgements', dir), false);
  assert.match(listLines(readProgress(dir), dir)[3]!, /^· {2}~ {3}03-acknowledgements/);
  // Its TypeScript files did not change: only the language whose files changed is affected.
  markDone('03-acknowledgements', 'ts', dir);
  writeFileSync(join(dir, 'labs', '03-acknowledgements', 'worker.py'), '# rewritten again\n');
  assert.equal(isDone(readProgress(dir), '03-acknowledgements', dir), true);
});

test('the next lab follows the course\'s order in the manifest, and after the last lab none is made up', () => {
  const last = LABS[LABS.length - 1]!;
  const allDone = { done: Object.fromEntries(LABS.map((l) => [l.dir, { ts: '2026-01-01' }])) };
  assert.equal(nextLab(last, allDone), undefined);
  assert.equal(nextStep(last, allDone), `Lab ${last.id} is done, and so is every lab of the course.`);
  const after05 = LABS[LABS.findIndex((l) => l.id === '05') + 1]!;
  assert.equal(nextLab(LABS.find((l) => l.id === '05')!, { done: {} }), after05);
  assert.match(nextStep(LABS.find((l) => l.id === '05')!, { done: {} }), new RegExp(`Next: lab ${after05.id}, .*\`qlab verify ${after05.id}\``));
  // After the last lab, the first one not done yet (never one past the end).
  const { [LABS[1]!.dir]: _left, ...others } = allDone.done;
  assert.equal(nextLab(last, { done: others }), LABS[1]);
});

test('the kit\'s commands work from any folder, also through a link as `npm link` makes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qlab-elsewhere-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const tool of ['qlab', 'qprocessor', 'qsend', 'qtop']) symlinkSync(join(root, 'bin', `${tool}.js`), join(dir, tool));
  const list = spawnSync(process.execPath, [join(dir, 'qlab'), 'list'], { cwd: dir, encoding: 'utf8' });
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /01-hello-world/);
  for (const tool of ['qprocessor', 'qsend', 'qtop']) {
    const help = spawnSync(process.execPath, [join(dir, tool), '--help'], { cwd: dir, encoding: 'utf8' });
    assert.equal(help.status, 0, `${tool}: ${help.stderr}`);
    assert.match(help.stdout, new RegExp(`^${tool} `, 'm'));
  }
});

/** Copies a lab's files of one language (by extension) from one folder to another. */
function copyFiles(from: string, to: string, ext: string): void {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from).filter((f) => f.endsWith(ext))) cpSync(join(from, f), join(to, f));
}

for (const broker of availableBrokers()) {
  test(`qlab grade --submissions scores each submission in its own language: correct, partial, empty [${broker}]`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'qlab-class-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const lab = '01-hello-world';
    const student = (name: string, ...sub: string[]): string => join(dir, 'class', name, ...sub);
    copyFiles(join(root, 'solutions', lab), student('ada', lab), '.ts');
    mkdirSync(student('bob', lab), { recursive: true });
    cpSync(join(root, 'solutions', lab, 'send.ts'), student('bob', lab, 'send.ts'));
    cpSync(join(root, 'labs', lab, 'receive.ts'), student('bob', lab, 'receive.ts'));
    mkdirSync(student('cyd'), { recursive: true });
    const python = !!findPython();
    if (python) {
      copyFiles(join(root, 'solutions', lab), student('dee', lab), '.py');
      // A whole copy of the kit: the TypeScript starters untouched, the Python files solved.
      cpSync(join(root, 'labs', lab), student('eve', 'labs', lab), { recursive: true });
      copyFiles(join(root, 'solutions', lab), student('eve', 'labs', lab), '.py');
    } else {
      t.diagnostic(`Python submissions not graded: ${pythonMissing()}`);
    }
    const r = await qlab(['grade', '--submissions', join(dir, 'class'), '--lab', '01', '--broker', broker,
      '--out', join(dir, 'grades'), '--junit', join(dir, 'grades.xml')], dir);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(join(dir, 'grades.md'), 'utf8');
    assert.match(md, /\| ada \| ✓ ts \| 1\/1 \|/);
    assert.match(md, /\| bob \| ✗ ts \| 0\/1 \|/);
    assert.match(md, /\| cyd \| missing \| 0\/1 \|/);
    if (python) {
      assert.match(md, /\| dee \| ✓ py \| 1\/1 \|/);
      assert.match(md, /\| eve \| ✓ py \| 1\/1 \|/);
      assert.match(r.stdout, /^dee: 01 2\/2 py$/m);
    }
    const json = JSON.parse(readFileSync(join(dir, 'grades.json'), 'utf8')) as { results: { student: string; labs: { language: string; steps: { status: string; detail?: string }[] }[] }[] };
    const cyd = json.results.find((s) => s.student === 'cyd')!;
    assert.match(cyd.labs[0]!.steps[0]!.detail!, /missing file/);
    if (python) assert.equal(json.results.find((s) => s.student === 'eve')!.labs[0]!.language, 'python');
    const xml = readFileSync(join(dir, 'grades.xml'), 'utf8');
    assert.match(xml, /<testsuite name="bob" tests="2" failures="1">/);
  });
}
