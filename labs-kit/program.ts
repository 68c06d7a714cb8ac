/**
 * A student's program run as a real process, the way the lab asks: `node --import tsx file.ts`, or
 * `python3 -u file.py` with the Python that has pika, with the broker's URL and the lab's queue in
 * its environment. Its output is kept for the grader.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { brokerHint, crashHead } from './diagnose.ts';
import { requirePython } from './python.ts';
import { StepFailure } from './step.ts';

const root = new URL('../', import.meta.url).pathname;

/** Programs still running: killed when the grader exits (Ctrl-C included), so none is left behind. */
const running = new Set<ChildProcess>();
process.on('exit', () => { for (const c of running) c.kill('SIGKILL'); });

export class Program {
  output = '';
  /** stderr alone: where a crash says what went wrong. */
  private stderr = '';
  /** Set once the program has ended and all its output is read. */
  private ended: { code: number | null } | undefined;
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(readonly file: string, args: string[], env: Record<string, string>) {
    const [command, ...prefix] = commandFor(file);
    this.child = spawn(command!, [...prefix, file, ...args], {
      cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => { this.output += d.toString(); });
    this.child.stderr!.on('data', (d: Buffer) => { this.output += d.toString(); this.stderr += d.toString(); });
    running.add(this.child);
    // 'close', not 'exit': only then is all its output read, so a crash's traceback is all there.
    this.exited = new Promise((resolve) => this.child.on('close', (code) => {
      running.delete(this.child);
      this.ended = { code };
      resolve(code);
    }));
  }

  /** Waits for the output to match; fails the step with what was expected otherwise. */
  async waitFor(pattern: RegExp | ((out: string) => boolean), expected: string, ms = 20000): Promise<void> {
    const ok = typeof pattern === 'function' ? pattern : (o: string) => pattern.test(o);
    const deadline = Date.now() + ms;
    while (!ok(this.output)) {
      // A program that has ended prints nothing more: no need to wait for the deadline.
      if (this.ended) throw new StepFailure(`${expected}; ${this.crash() ?? `it ended (exit code ${this.ended.code}) after printing: ${tail(this.output)}`}`);
      if (Date.now() > deadline) throw new StepFailure(`${expected}; it printed: ${tail(this.output)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits for the program to end by itself with exit code 0. */
  async finishes(ms = 30000): Promise<void> {
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());
    const code = await Promise.race([this.exited, timer]);
    if (code === 'timeout') { this.kill(); throw new StepFailure(`${short(this.file)} did not finish within ${ms / 1000}s (does it close its connection?)`); }
    if (code !== 0) throw new StepFailure(this.crash() ?? `${short(this.file)} exited with code ${code}: ${tail(this.output)}`);
  }

  /**
   * `worker.ts crashed: worker.ts:12:3: TypeError: …` (with a hint when the broker refused it) once
   * the program has ended with an error; undefined while it runs, or when it ended without one.
   */
  crash(): string | undefined {
    if (!this.ended || this.ended.code === 0 || this.ended.code === null) return undefined;
    const head = crashHead(this.stderr, dirname(this.file));
    if (!head) return undefined;
    const hint = brokerHint(this.stderr);
    return `${short(this.file).split('/').pop()} crashed (exit code ${this.ended.code}): ${head}${hint ? ` — ${hint}` : ''}`;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }
}

/** How a program is started, by its extension. Python's -u: output reaches the grader line by line. */
function commandFor(file: string): string[] {
  if (file.endsWith('.mjs')) return [process.execPath]; // compiled beforehand (compile-lab.ts)
  return file.endsWith('.py') ? [requirePython(), '-u'] : [process.execPath, '--import', 'tsx'];
}

function short(file: string): string {
  return file.split('/').slice(-2).join('/').replace(/\.mjs$/, '.ts');
}

function tail(out: string): string {
  const lines = out.trim().split('\n').filter((l) => !l.includes('nodedir'));
  return lines.length === 0 ? '(nothing)' : JSON.stringify(lines.slice(-4).join(' | '));
}
