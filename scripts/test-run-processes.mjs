// What a test run leaves behind: every process it started carries QUEUELAB_TEST_RUN=<run> in its
// environment (tmux servers and detached brokers too), and its tmux sockets are named after it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The processes (by pid) whose environment names this run. Linux's /proc; elsewhere none. */
export function processesOf(run) {
  const mark = Buffer.from(`\0QUEUELAB_TEST_RUN=${run}\0`);
  const pids = [];
  let entries = [];
  try { entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d)); } catch { return pids; }
  for (const pid of entries) {
    if (Number(pid) === process.pid) continue;
    try { if (Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${pid}/environ`)]).includes(mark)) pids.push(Number(pid)); } catch { /* gone, or not ours */ }
  }
  return pids;
}

/** The run's tmux sockets (test/support/tmux.ts names them queuelab-test-<run>-…). */
const socketDir = () => join(process.env.TMUX_TMPDIR ?? tmpdir(), `tmux-${process.getuid?.() ?? ''}`);

export function tmuxSocketsOf(run) {
  try { return readdirSync(socketDir()).filter((s) => s.startsWith(`queuelab-test-${run}-`)); } catch { return []; }
}

/** Stops the run's tmux servers, then every process of the run still there. */
export function cleanUp(run) {
  for (const s of tmuxSocketsOf(run)) {
    try { execFileSync('tmux', ['-L', s, 'kill-server'], { stdio: 'ignore' }); } catch { /* gone */ }
    rmSync(join(socketDir(), s), { force: true });
  }
  for (const pid of processesOf(run)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
}
