import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableBrokers } from '../../test/support/brokers.ts';
import { LABS } from '../../labs/manifest.ts';
import { listLines } from './list-command.ts';
import { classMarkdown } from './report.ts';

const root = new URL('../../', import.meta.url).pathname;

function qlab(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/qlab.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('qlab list shows every lab, done or not done', () => {
  const lines = listLines({ '02-work-queues': '2026-01-01' });
  assert.equal(lines.length, LABS.length);
  // Every lab folder in labs/ is listed: none is missing from the manifest.
  const dirs = readdirSync(new URL('../../labs/', import.meta.url)).filter((d) => /^\d\d-/.test(d));
  assert.deepEqual(LABS.map((l) => l.dir).sort(), dirs.sort());
  assert.match(lines[0]!, /^ {2}not done {2}01-hello-world/);
  assert.match(lines[1]!, /^✔ done {4} {2}02-work-queues/);
});

test('the class table has a row per student and a column per lab', () => {
  const md = classMarkdown([{ student: 'ann', labs: [{ lab: '01-x', title: 'x', passed: true, steps: [], score: 2, total: 2 }] }], ['01-x', '02-y']);
  assert.equal(md, '| student | 01-x | 02-y | total |\n|---|---|---|---|\n| ann | 2/2 | — | 2/2 |\n');
});

for (const broker of availableBrokers()) {
  test(`qlab grade --submissions scores a correct, a partial and an empty submission [${broker}]`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qlab-class-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const lab = '01-hello-world';
    cpSync(join(root, 'solutions', lab), join(dir, 'class', 'ada', lab), { recursive: true });
    mkdirSync(join(dir, 'class', 'bob', lab), { recursive: true });
    cpSync(join(root, 'solutions', lab, 'send.ts'), join(dir, 'class', 'bob', lab, 'send.ts'));
    cpSync(join(root, 'labs', lab, 'receive.ts'), join(dir, 'class', 'bob', lab, 'receive.ts'));
    mkdirSync(join(dir, 'class', 'cyd'), { recursive: true });
    const r = await qlab(['grade', '--submissions', join(dir, 'class'), '--lab', '01', '--broker', broker,
      '--out', join(dir, 'grades'), '--junit', join(dir, 'grades.xml')], dir);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(join(dir, 'grades.md'), 'utf8');
    assert.match(md, /\| ada \| 2\/2 \| 2\/2 \|/);
    assert.match(md, /\| bob \| 1\/2 \| 1\/2 \|/);
    assert.match(md, /\| cyd \| 0\/2 \| 0\/2 \|/);
    const json = JSON.parse(readFileSync(join(dir, 'grades.json'), 'utf8')) as { results: { student: string; labs: { steps: { status: string; detail?: string }[] }[] }[] };
    const cyd = json.results.find((s) => s.student === 'cyd')!;
    assert.match(cyd.labs[0]!.steps[0]!.detail!, /missing file/);
    const xml = readFileSync(join(dir, 'grades.xml'), 'utf8');
    assert.match(xml, /<testsuite name="bob" tests="2" failures="1">/);
  });
}
