import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableBrokers } from '../../test/support/brokers.ts';
import { runQlab } from '../../test/support/qlab.ts';
import { GRADING_VHOST_PREFIX, managementOf } from '../../labs-kit/lab-broker.ts';
import { rabbitMqFromEnv } from '../shared/brokers/index.ts';
import { normaliseSource } from './grade-flags.ts';

const root = new URL('../../', import.meta.url).pathname;
const lab = '01-hello-world';

const qlab = (args: string[], cwd: string, onStart?: (pid: number) => void, env?: NodeJS.ProcessEnv) =>
  runQlab(args, { cwd, ...(onStart ? { onStart } : {}), ...(env ? { env } : {}) });

/** A class of six for lab 01, in TypeScript: each kind of submission an instructor meets. */
function fakeClass(dir: string): string {
  const cls = join(dir, 'class');
  const put = (student: string, file: string, text: string): void => {
    mkdirSync(join(cls, student, lab), { recursive: true });
    writeFileSync(join(cls, student, lab, file), text);
  };
  const solution = (f: string): string => readFileSync(join(root, 'solutions', lab, f), 'utf8');
  const starter = (f: string): string => readFileSync(join(root, 'labs', lab, f), 'utf8');
  // ada's own working code; fay hands in ada's.
  const adaSend = solution('send.ts').replace(/Hello World!/g, 'Hello World!').replace('const ', 'let ');
  for (const who of ['ada', 'fay']) { put(who, 'send.ts', adaSend); put(who, 'receive.ts', solution('receive.ts')); }
  // ada handed in her folder as `cp -r` copies it from the kit: with the helper's link, which points nowhere here.
  symlinkSync('../broker.py', join(cls, 'ada', lab, 'broker.py'));
  put('bob', 'send.ts', solution('send.ts')); put('bob', 'receive.ts', starter('receive.ts')); // half done
  mkdirSync(join(cls, 'cyd'), { recursive: true }); // nothing handed in
  put('dan', 'send.ts', solution('send.ts') + '\nconst broken = ;\n'); put('dan', 'receive.ts', solution('receive.ts'));
  // solutions/ with its comments changed and lines re-indented: still a copy.
  for (const f of ['send.ts', 'receive.ts']) put('eve', f, `// my work\n${solution(f).replace(/^ {2}/gm, '    ')}`);
  return cls;
}

test('a copy is the same source once comments and whitespace are set aside', () => {
  assert.equal(normaliseSource('const a = 1; // one\n/* two */  let b =  2;\n'), normaliseSource('const a = 1;\nlet b = 2; # x\n'));
  assert.notEqual(normaliseSource("connect('amqp://a')"), normaliseSource("connect('amqp://b')"));
});

for (const broker of availableBrokers()) {
  test(`grading a class: ✓ / ✗ / missing, the failed step and its reason, copies flagged and still scored [${broker}]`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qlab-grade-class-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    // A temporary folder of its own, to see that the private brokers' databases all go.
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const r = await qlab(['grade', '--submissions', fakeClass(dir), '--lab', '01', '--broker', broker, '--out', join(dir, 'grades')], dir,
      undefined, { ...process.env, TMPDIR: tmp });
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(join(dir, 'grades.md'), 'utf8');
    for (const passed of ['ada', 'eve', 'fay']) assert.match(md, new RegExp(`^\\| ${passed} \\| ✓ ts \\| 1/1 \\|$`, 'm'));
    for (const failed of ['bob', 'dan']) assert.match(md, new RegExp(`^\\| ${failed} \\| ✗ ts \\| 0/1 \\|$`, 'm'));
    assert.match(md, /^\| cyd \| missing \| 0\/1 \|$/m);
    assert.match(md, /^\| \*\*passed\*\* \| 3\/6 \| \|$/m);
    assert.match(md, /^- bob, 01-hello-world \(ts\): “receive\.ts prints .*”: /m);
    assert.match(md, /^- dan, 01-hello-world \(ts\): “send\.ts .*”: syntax error: send\.ts:\d+:\d+: Unexpected ";": const broken = ;$/m);
    assert.doesNotMatch(md, /^- cyd,/m, 'a missing lab is not listed as failed');
    assert.match(md, /^- 01-hello-world: eve — identical to solutions\/$/m);
    assert.match(md, /^- 01-hello-world: ada, fay — identical to each other$/m);
    const json = JSON.parse(readFileSync(join(dir, 'grades.json'), 'utf8')) as { flags: unknown[]; results: { student: string; labs: { missing?: boolean }[] }[] };
    assert.equal(json.flags.length, 2);
    assert.equal(json.results.find((s) => s.student === 'cyd')!.labs[0]!.missing, true);
    // Nothing left: no broker database (tsx-N is tsx's cache of compiled code, kept on purpose), no copy of dan's submission.
    assert.deepEqual(readdirSync(tmp).filter((f) => !/^tsx-\d+$/.test(f)), []);
    const copies = readdirSync(join(root, '.queuelab', 'grading'));
    const send = (c: string): string => join(root, '.queuelab', 'grading', c, lab, 'send.ts');
    assert.ok(!copies.some((c) => existsSync(send(c)) && readFileSync(send(c), 'utf8').includes('broken')));
  });
}

/** The grading vhosts of these qlab processes still on the RabbitMQ (grading declares nothing elsewhere). */
async function vhostsLeft(pids: number[]): Promise<string[]> {
  const names = (await managementOf(rabbitMqFromEnv()!).getVhosts()).map((v) => v.name);
  return names.filter((n) => pids.some((p) => n.startsWith(`${GRADING_VHOST_PREFIX}${p}-`)));
}

/** Lab 14 programs still running from a grading copy (this file is the only one grading lab 14). */
function programsLeft(): string[] {
  const out = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter((l) => l.includes('.queuelab/grading/') && l.includes('14-long-tasks'));
}

test('grading on RabbitMQ leaves its vhosts clean, after a failed lab and after Ctrl-C', { skip: !rabbitMqFromEnv() && 'needs RABBITMQ_URL' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qlab-grade-clean-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cls = join(dir, 'class');
  mkdirSync(join(cls, 'bob'), { recursive: true });
  cpSync(join(root, 'labs', '02-work-queues'), join(cls, 'bob', '02-work-queues'), { recursive: true });
  cpSync(join(root, 'solutions', '14-long-tasks-and-heartbeats'), join(cls, 'bob', '14-long-tasks-and-heartbeats'), { recursive: true });
  const pids: number[] = [];
  const failed = await qlab(['grade', '--submissions', cls, '--lab', '02', '--broker', 'rabbitmq', '--out', join(dir, 'g')], dir, (p) => pids.push(p));
  assert.equal(failed.code, 0, failed.stderr);
  assert.match(readFileSync(join(dir, 'g.md'), 'utf8'), /^\| bob \| ✗ (ts|py) \| 0\/1 \|$/m);
  assert.deepEqual(await vhostsLeft(pids), []);
  // Interrupted in the middle of lab 14 (long tasks): its vhost goes, and its programs with it.
  let pid = 0;
  const run = qlab(['grade', '--submissions', cls, '--lab', '14', '--broker', 'rabbitmq', '--out', join(dir, 'h')], dir, (p) => { pid = p; });
  const api = managementOf(rabbitMqFromEnv()!);
  for (let i = 0; ; i++) {
    const mine = (await api.getQueues()).filter((q) => q.vhost.startsWith(`${GRADING_VHOST_PREFIX}${pid}-`) && (q.consumers ?? 0) > 0);
    if (mine.length > 0) break;
    assert.ok(i < 600, 'lab 14 never started consuming');
    await new Promise((res) => setTimeout(res, 100));
  }
  process.kill(pid, 'SIGINT');
  const interrupted = await run;
  assert.equal(interrupted.code, 130, interrupted.stderr);
  assert.deepEqual(await vhostsLeft([...pids, pid]), []);
  assert.deepEqual(programsLeft(), [], 'no program of the interrupted run is left');
});

test('a lab the grader cannot run is failed with the reason, and the class is still graded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qlab-grade-broken-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cls = join(dir, 'class');
  cpSync(join(root, 'solutions', lab), join(cls, 'ann', lab), { recursive: true, dereference: true });
  // A RabbitMQ whose management API is not there: no private vhost can be made for the lab.
  const env = { ...process.env, RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:5672', RABBITMQ_MANAGEMENT_URL: 'http://127.0.0.1:59999' };
  const r = await qlab(['grade', '--submissions', cls, '--lab', '01', '--broker', 'rabbitmq', '--out', join(dir, 'g')], dir, undefined, env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(join(dir, 'g.md'), 'utf8'), /^- ann, 01-hello-world \((ts|py)\): “grading”: not graded: no management API at http:\/\/127\.0\.0\.1:59999 \(connection refused\)/m);
});
