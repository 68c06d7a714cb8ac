/**
 * A student's path in a language of their own, in a fresh copy of the kit (its own git, progress and
 * labs): `qlab lang python`, `qlab verify 02` on the untouched starter (fails at the step its TODO
 * concerns, naming the Python file), on the solved files (passes, done in Python); without
 * `qlab lang`, the language of the files the student changed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPython, pythonMissing } from '../../labs-kit/python.ts';

const root = new URL('../../', import.meta.url).pathname;
const skip = findPython() ? false : pythonMissing();
let kit = '';
let home = '';
const git = (...args: string[]): void => { execFileSync('git', ['-C', kit, '-c', 'user.name=kit', '-c', 'user.email=kit@example.org', ...args], { stdio: 'ignore' }); };

before(() => {
  kit = mkdtempSync(join(tmpdir(), 'qlab-kit-'));
  home = mkdtempSync(join(tmpdir(), 'qlab-home-'));
  const left = new Set(['node_modules', '.git', 'dist', '.queuelab', 'scratch']);
  cpSync(root, kit, { recursive: true, filter: (src) => !left.has(src.slice(root.length).split('/')[0]!) });
  symlinkSync(realpathSync(join(root, 'node_modules')), join(kit, 'node_modules'));
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'the kit');
});
after(() => {
  rmSync(kit, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

function qlab(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(kit, 'bin/qlab.js'), ...args], {
      cwd: kit, env: { ...process.env, QUEUELAB_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const solve = (lab: string, file: string): void => cpSync(join(kit, 'solutions', lab, file), join(kit, 'labs', lab, file));

test('without qlab lang, verify grades the language of the files the student changed, committed or not', { skip }, async () => {
  solve('01-hello-world', 'send.py');
  // A student who commits their work: it still differs from the starters.
  git('commit', '-qam', 'my send.py');
  const r = await qlab('verify', '01');
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /Grading your Python files of lab 01 \(its \.py files differ from the starters; `qlab lang python\|ts` to choose\)/);
  assert.match(r.out, /✔ send\.py puts "Hello World!" in the queue/);
  assert.match(r.out, /✘ receive\.py prints each message it receives/);
});

test('qlab lang python, then verify 02: the starter fails at its TODO\'s step, the solution passes and is done in Python', { skip }, async () => {
  const set = await qlab('lang', 'python');
  assert.equal(set.code, 0, set.out);
  assert.equal(JSON.parse(readFileSync(join(kit, '.queuelab', 'progress.json'), 'utf8')).lang, 'python');
  const starter = await qlab('verify', '02');
  assert.equal(starter.code, 1, starter.out);
  assert.match(starter.out, /as `qlab lang python` says/);
  assert.match(starter.out, /✘ 02-work-queues Work queues \(Python\): 0\/2 steps/);
  assert.match(starter.out, /✘ new_task\.py sends the words of its command line as the task\n\s+expected the task "First message\.", got "Hello World!"/);
  const hint = await qlab('hint', '02');
  assert.match(hint.out, /hint 1 of 2: new_task\.py: `' '\.join\(sys\.argv\[1:\]\) or 'Hello World!'`/);
  solve('02-work-queues', 'new_task.py');
  solve('02-work-queues', 'worker.py');
  const solved = await qlab('verify', '02');
  assert.equal(solved.code, 0, solved.out);
  assert.match(solved.out, /✔ 02-work-queues Work queues \(Python\): 2\/2 steps/);
  const list = await qlab('list');
  assert.match(list.out, /^· {2}✔ {3}02-work-queues/m);
  const wrong = await qlab('lang', 'rust');
  assert.equal(wrong.code, 1);
  assert.match(wrong.out, /^qlab: no language 'rust': python or ts$/m);
});

test('qlab verify reports a syntax error in a lab file with its file:line, in both languages', async (t) => {
  writeFileSync(join(kit, 'labs', '03-acknowledgements', 'worker.ts'), "import amqp from 'amqplib';\nconst queue = ;\n");
  const ts = await qlab('verify', '03', '--lang', 'ts');
  assert.equal(ts.code, 1, ts.out);
  assert.match(ts.out, /syntax error: worker\.ts:2:15: Unexpected ";"/);
  if (skip) { t.diagnostic(`Python not checked: ${skip}`); return; }
  writeFileSync(join(kit, 'labs', '03-acknowledgements', 'worker.py'), 'import pika\nif True\n    pass\n');
  const py = await qlab('verify', '03', '--lang', 'python');
  assert.equal(py.code, 1, py.out);
  assert.match(py.out, /syntax error: worker\.py:2:\d+: SyntaxError: expected ':'/);
});

test('qlab hint gives one hint at a time, the next on each call, all with --all', async () => {
  const first = await qlab('hint', '06', '--lang', 'ts');
  assert.match(first.out, /^hint 1 of 3: `assertQueue/m);
  assert.doesNotMatch(first.out, /hint 2 of 3/);
  assert.match(first.out, /`qlab hint 06` again for the next one/);
  const second = await qlab('hint', '06', '--lang', 'ts');
  assert.match(second.out, /^hint 2 of 3: An existing queue cannot change its durability/m);
  assert.doesNotMatch(second.out, /hint 1 of 3/);
  const third = await qlab('hint', '06', '--lang', 'ts');
  assert.match(third.out, /^hint 3 of 3: `const \{ messageCount \}/m);
  assert.match(third.out, /The step-by-step guide: labs\/06-durability\/README\.md/);
  const again = await qlab('hint', '06', '--lang', 'ts');
  assert.match(again.out, /hint 1 of 3[\s\S]*hint 3 of 3[\s\S]*That was the last hint/);
  const all = await qlab('hint', '06', '--all', '--lang', 'python');
  assert.equal((all.out.match(/^hint \d of 3:/gm) ?? []).length, 3, all.out);
});
