/** Runs the qlab CLI (bin/qlab.js) as a student or an instructor would, and collects what it printed. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

export interface QlabRun { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export function runQlab(args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; onStart?: (pid: number) => void } = {}): Promise<QlabRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/qlab.js'), ...args], { cwd: o.cwd, env: o.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    o.onStart?.(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
