/**
 * A broken program is reported by what broke it: a syntax error with its file:line before anything
 * runs, a crash by its error line and where in the student's file, a type error as the compiler says
 * it, and the broker's own refusals with a hint. Through `qlab grade` as an instructor runs it, and
 * through the grader for the rest.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachBroker } from '../test/support/brokers.ts';
import { findLab } from '../labs/manifest.ts';
import { brokerHint, crashHead } from './diagnose.ts';
import { gradeLab } from './grade-lab.ts';
import { findPython, pythonMissing } from './python.ts';

const root = new URL('../', import.meta.url).pathname;
const lab = findLab('01')!;
const scratch = mkdtempSync(join(tmpdir(), 'qlab-diagnose-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const noPython = findPython() ? false : pythonMissing();
let n = 0;

/** A submission of lab 01: the solution, with `file` replaced by `text` (lines joined). */
function submission(file: string, ...lines: string[]): string {
  const dir = join(scratch, String(++n), lab.dir);
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'solutions', lab.dir), dir, { recursive: true });
  rmSync(join(dir, file.endsWith('.ts') ? 'send.py' : 'send.ts'));
  rmSync(join(dir, file.endsWith('.ts') ? 'receive.py' : 'receive.ts'));
  writeFileSync(join(dir, file), lines.join('\n') + '\n');
  return join(dir, '..');
}

function qlabGrade(dir: string): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/qlab.js'), 'grade', '--submission', dir, '--lab', '01'], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

test('qlab grade reports a TypeScript syntax error with its file:line:column, and runs nothing', () => {
  const r = qlabGrade(submission('receive.ts', "import amqp from 'amqplib';", 'const queue = ;'));
  assert.match(r.out, /✘ send\.ts puts "Hello World!" in the queue\n\s+syntax error: receive\.ts:2:15: Unexpected ";": const queue = ;/);
  assert.match(r.out, /· receive\.ts prints each message it receives\n\s+a program does not compile/);
});

test('qlab grade reports a Python syntax error with its file:line', { skip: noPython }, () => {
  const r = qlabGrade(submission('send.py', 'import pika', 'channel = (', ''));
  assert.match(r.out, /syntax error: send\.py:2:\d+: SyntaxError: '\(' was never closed/);
});

test('the head of a crash: the error line and the place in the student\'s file, from Node and Python', () => {
  const lab = '/k/labs/01-hello-world';
  const node = `${lab}/receive.ts:3\nfoo();\n^\n\n\nReferenceError: foo is not defined\n    at <anonymous> (${lab}/receive.ts:3:1)\n    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)\n\nNode.js v20.20.2\n`;
  assert.equal(crashHead(node, lab), 'receive.ts:3:1: ReferenceError: foo is not defined');
  const py = `Traceback (most recent call last):\n  File "${lab}/send.py", line 2, in <module>\n    pika.BlockingConnection(params)\n  File "/usr/lib/python3/dist-packages/pika/adapters/blocking_connection.py", line 451, in _create_connection\n    raise self._reap_last_connection_workflow_error(error)\npika.exceptions.ProbableAuthenticationError: ConnectionClosedByBroker: (403) 'ACCESS_REFUSED - Login was refused'\n`;
  assert.equal(crashHead(py, lab), "send.py:2: pika.exceptions.ProbableAuthenticationError: ConnectionClosedByBroker: (403) 'ACCESS_REFUSED - Login was refused'");
  assert.match(brokerHint(py)!, /403 ACCESS_REFUSED/);
  assert.match(brokerHint('pika.exceptions.AMQPConnectionError\n')!, /is the broker running\? `qlab start`/);
  assert.equal(crashHead('[*] Waiting for messages\n', lab), undefined);
});

forEachBroker('a crashing program', (broker) => {
  test('a program that crashes is reported by its error line and place, not by the step\'s symptom', async () => {
    const dir = submission('receive.ts', "import amqp from 'amqplib';", 'const connection = await amqp.connect(process.env.AMQP_URL!);',
      'const settings: any = undefined;', 'console.log(settings.queue);', 'await connection.close();');
    const r = await gradeLab(lab, join(dir, lab.dir), broker, 'ts');
    const step = r.steps[1]!;
    assert.equal(step.status, 'failed');
    assert.match(step.detail!, /receive\.ts crashed \(exit code 1\): receive\.ts:4:\d+: TypeError: Cannot read properties of undefined \(reading 'queue'\)/);
  });

  test('a broker that refuses the connection gets a one-line hint: is the broker running?', async () => {
    const dir = submission('receive.ts', "import amqp from 'amqplib';", "await amqp.connect('amqp://guest:guest@127.0.0.1:1');");
    const r = await gradeLab(lab, join(dir, lab.dir), broker, 'ts');
    assert.match(r.steps[1]!.detail!, /receive\.ts crashed \(exit code 1\): Error: connect ECONNREFUSED 127\.0\.0\.1:1 — is the broker running\? `qlab start`/);
  });

  test('a type error in a failing step is shown as the compiler says it', async () => {
    const solved = readFileSync(join(root, 'solutions', lab.dir, 'receive.ts'), 'utf8');
    const dir = submission('receive.ts', ...solved.replace('{ noAck: true }', '{ noAck: "yes" }').replace('Received ${', 'Got ${').split('\n'));
    const r = await gradeLab(lab, join(dir, lab.dir), broker, 'ts');
    assert.match(r.steps[1]!.detail!, /type error: receive\.ts:\d+:\d+: TS2322: Type 'string' is not assignable to type 'boolean/);
  });

  test('a Python program that crashes is reported by its last line and its place in the file', { skip: noPython }, async () => {
    const dir = submission('send.py', 'import os', 'import pika', 'connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))', 'channel.queue_declare(queue="x")');
    const r = await gradeLab(lab, join(dir, lab.dir), broker, 'python');
    assert.match(r.steps[0]!.detail!, /send\.py crashed \(exit code 1\): send\.py:4: NameError: name 'channel' is not defined/);
  });
});
