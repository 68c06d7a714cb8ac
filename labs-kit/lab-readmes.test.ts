/**
 * The lab READMEs cannot drift from the kit: every command they show is parsed, and what it names is
 * checked against the real thing — the programs and files exist, every flag is in the tool's own
 * `--help` (each tool is run for it), `qlab` subcommands and lab numbers exist, and every queue a lab's
 * commands and starters use is one of that lab's own names in labs/manifest.ts (no two labs share one,
 * so `qlab reset NN` removes what lab NN left behind).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findLab, LABS, type Lab } from '../labs/manifest.ts';
import { findPython } from './python.ts';

const root = new URL('../', import.meta.url).pathname;

/** The commands of a README: inline code and lines of ```sh blocks that start with a program of the kit. */
function commandsOf(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  const spans = [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\s*\n\s*/g, ' '));
  return [...blocks, ...spans].map((c) => c.replace(/\s+#\s.*$/, '').trim())
    .map((c) => c.replace(/^([A-Z_]+=\S+\s+)+/, ''))
    .filter((c) => /^(npx (qprocessor|qsend|qlab|qtop|broker-sim|tsx)|python3 labs\/|npm start)\b/.test(c));
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => execFile(cmd, args, { cwd: root, timeout: 30_000 }, (err, stdout, stderr) =>
    (err ? reject(new Error(`${cmd} ${args.join(' ')}: ${err.message} ${stderr}`)) : resolve(stdout))));
}

const helps = new Map<string, Promise<string>>();
/** A tool's --help (and a subcommand's), run once. */
function help(tool: string, sub?: string): Promise<string> {
  const key = `${tool} ${sub ?? ''}`;
  if (!helps.has(key)) {
    helps.set(key, tool === 'labs/qprocessor.py'
      ? run(findPython() ?? '/usr/bin/python3', [join(root, tool), '--help'])
      : run(process.execPath, [join(root, 'bin', `${tool}.js`), ...(sub ? [sub] : []), '--help']));
  }
  return helps.get(key)!;
}

/** The subcommands a tool's --help lists under "Commands:". */
async function subcommands(tool: string): Promise<string[]> {
  const h = await help(tool);
  return [...h.matchAll(new RegExp(`^  ${tool} (\\w+)`, 'gm'))].map((m) => m[1]!);
}

interface Problem { lab: string; command: string; problem: string }

/** What is wrong with one command of a lab's README, as a list of problems. */
async function check(lab: Lab, command: string): Promise<string[]> {
  const words = command.split(/\s+/);
  const problems: string[] = [];
  const tool = words[0] === 'npx' ? words[1]! : words[0] === 'python3' ? words[1]! : 'npm';
  if (tool === 'npm') return problems;
  if (tool === 'tsx' || (words[0] === 'python3' && tool !== 'labs/qprocessor.py')) {
    const file = tool === 'tsx' ? words[2]! : tool;
    if (!existsSync(join(root, file))) problems.push(`no file ${file}`);
    return problems;
  }
  const subs = tool === 'qlab' || tool === 'broker-sim' ? await subcommands(tool) : [];
  const sub = subs.includes(words[2] ?? '') ? words[2] : undefined;
  if (tool === 'qlab' && words[2] && !words[2].startsWith('-') && !sub) problems.push(`qlab has no command '${words[2]}'`);
  if (tool === 'qlab' && sub && ['verify', 'hint', 'reset', 'watch'].includes(sub) && words[3] && /^\d+$/.test(words[3]) && !findLab(words[3])) {
    problems.push(`there is no lab ${words[3]}`);
  }
  const h = await help(tool, sub);
  for (const flag of words.filter((w) => /^--?[a-z]/.test(w)).map((w) => w.split('=')[0]!)) {
    const listed = flag.startsWith('--') ? new RegExp(`(^|\\s)${flag}(\\s|,|$)`, 'm') : new RegExp(`(^|\\s)${flag}[\\s,]`, 'm');
    if (!listed.test(h)) problems.push(`${tool}${sub ? ' ' + sub : ''} has no flag ${flag}`);
  }
  const q = words.findIndex((w) => w === '-q' || w === '--queue');
  if (q > 0 && ['qprocessor', 'qsend', 'labs/qprocessor.py'].includes(tool)) {
    const queue = words[q + 1]!.replace(/^["']|["']$/g, '');
    if (!lab.queues.includes(queue)) problems.push(`queue '${queue}' is not one of lab ${lab.id}'s (labs/manifest.ts: ${lab.queues.join(', ')})`);
  }
  return problems;
}

const labDirs = readdirSync(join(root, 'labs')).filter((d) => /^\d\d-/.test(d));

test('every lab folder is in the manifest', () => {
  assert.deepEqual(labDirs.filter((d) => !findLab(d)), []);
});

test('every command in every lab README names programs, files, flags, commands and queues that exist', async () => {
  const problems: Problem[] = [];
  let checked = 0;
  for (const lab of LABS) {
    for (const command of commandsOf(readFileSync(join(root, 'labs', lab.dir, 'README.md'), 'utf8'))) {
      checked++;
      for (const problem of await check(lab, command)) problems.push({ lab: lab.id, command, problem });
    }
  }
  assert.ok(checked > 50, `only ${checked} commands found: is the parser still finding them?`);
  assert.deepEqual(problems, []);
});

test('a command naming a flag, lab or queue that is not there is caught', async () => {
  const lab = findLab('11')!;
  assert.deepEqual(await check(lab, 'npx qprocessor -q slow --acknowledge --restart'), []);
  assert.deepEqual(await check(lab, 'npx qprocessor -q slow --no-such-flag'), ['qprocessor has no flag --no-such-flag']);
  assert.deepEqual(await check(lab, 'npx qlab reset 99'), ['there is no lab 99']);
  assert.deepEqual(await check(lab, 'npx qsend -q task_queue "x"'), ["queue 'task_queue' is not one of lab 11's (labs/manifest.ts: tasks, tasks.failed, slow)"]);
  assert.deepEqual(await check(lab, 'npx tsx labs/11-leases-and-at-most-once/nothing.ts'), ['no file labs/11-leases-and-at-most-once/nothing.ts']);
});

test('no two labs share a queue or an exchange, and each starter\'s default names are its lab\'s own', () => {
  const owner = new Map<string, string>();
  for (const lab of LABS) {
    for (const name of [...lab.queues, ...lab.exchanges.map((e) => `exchange ${e}`)]) {
      assert.equal(owner.get(name), undefined, `${name} is used by lab ${owner.get(name)} and lab ${lab.id}`);
      owner.set(name, lab.id);
    }
  }
  for (const lab of LABS) {
    for (const tree of ['labs', 'solutions']) {
      for (const file of readdirSync(join(root, tree, lab.dir)).filter((f) => /\.(ts|py)$/.test(f) && f !== 'broker.py')) {
        const text = readFileSync(join(root, tree, lab.dir, file), 'utf8');
        const defaults = [...text.matchAll(/(QUEUE|EXCHANGE|EVENTS|SOURCE|NEXT)(?:'\])?(?: \?\? |', )'([^']+)'/g)];
        for (const [, env, name] of defaults) {
          const own = env === 'EXCHANGE' || env === 'EVENTS' ? lab.exchanges : lab.queues;
          assert.ok(own.includes(name!), `${tree}/${lab.dir}/${file}: ${env} defaults to '${name}', not one of lab ${lab.id}'s names`);
        }
      }
    }
  }
});
