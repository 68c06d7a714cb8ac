/**
 * For the tests: one of the kit's tools run as a real process (bin/<tool>.js), its stdout and
 * stderr kept together, as a student's terminal shows them.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

export interface Running { child: ChildProcess; out(): string; exited: Promise<number | null> }

export function start(tool: string, args: string[], env: Record<string, string>, stdin: 'ignore' | 'pipe' = 'ignore'): Running {
  const child = spawn(process.execPath, [`${root}bin/${tool}.js`, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env }, stdio: [stdin, 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  return { child, out: () => out, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

/** Waits until the output matches; fails with the last of the output otherwise. */
export async function waitFor(r: Running, pattern: RegExp, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(r.out())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output: ${r.out().slice(-500)}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}
