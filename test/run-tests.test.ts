/**
 * An interrupted `npm test` leaves nothing behind: the runner started on a test that holds a tmux
 * server with broker-sim in a pane, Ctrl-C'd (SIGINT) while they run, stops them all. Linux (/proc).
 */
import { test } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { processesOf, tmuxSocketsOf } from '../scripts/test-run-processes.mjs';
import { hasTmux } from './support/tmux.ts';

const root = new URL('../', import.meta.url).pathname;

async function until(ok: () => boolean, what: string, detail?: () => string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${detail ? `: ${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('Ctrl-C on the test runner leaves no tmux server and no broker behind', { skip: !hasTmux ? 'tmux is not installed' : !existsSync('/proc/self/environ') ? 'needs /proc' : false }, async () => {
  const runner = spawn(process.execPath, [`${root}scripts/run-tests.mjs`, 'test/fixtures/holds-tmux-and-broker.test.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  runner.stdout.on('data', (d) => { out += d; });
  runner.stderr.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((r) => runner.on('exit', (code) => r(code)));
  await until(() => /; run [0-9a-f]{8}\n/.test(out), 'the runner to name its run');
  const run = /; run ([0-9a-f]{8})\n/.exec(out)![1]!;
  // The test's tmux server is up, and the broker-sim in its pane.
  await until(() => tmuxSocketsOf(run).length > 0 && processesOf(run).some((pid) => commandOf(pid).includes('broker-sim.js')), 'the tmux test to start broker-sim in a pane',
    () => `sockets ${tmuxSocketsOf(run).join(', ')}; processes ${processesOf(run).map(commandOf).join(' | ')}; runner: ${out}`);
  const before = processesOf(run).length;
  runner.kill('SIGINT');
  assert.equal(await exited, 130, out);
  assert.match(out, /run-tests: SIGINT: stopping the tests and what they started/);
  assert.deepEqual(processesOf(run), [], `of ${before} processes of the run, these are left`);
  assert.deepEqual(tmuxSocketsOf(run), [], `tmux servers (or their sockets) left; runner: ${out}`);
});

function commandOf(pid: number): string {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { return ''; }
}
