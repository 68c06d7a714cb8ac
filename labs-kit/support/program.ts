/**
 * Runs a student's lab program as a real process (`node --import tsx FILE`), the way the student
 * runs it, and lets a grader wait for lines of its output. Output is judged by pattern, not diffed,
 * so a debug print never fails a student.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: programs run from here so `amqplib` and `tsx` resolve. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Raised when a grader step is not met; the message says which step and what was expected. */
export class StepError extends Error {
  override name = 'StepError';
}

/** A running lab program. */
export class Program {
  output = '';
  exitCode: number | null | undefined = undefined;
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private waiters: Array<() => void> = [];

  constructor(readonly label: string, file: string, args: string[], env: Record<string, string>) {
    if (!existsSync(file)) throw new StepError(`${label}: ${file} does not exist`);
    this.child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (chunk: Buffer): void => {
      this.output += chunk.toString();
      for (const w of this.waiters) w();
    };
    this.child.stdout!.on('data', take);
    this.child.stderr!.on('data', take);
    this.exited = new Promise((res) => this.child.on('exit', (code) => {
      this.exitCode = code;
      for (const w of this.waiters) w();
      res(code);
    }));
  }

  /** Lines of output matching `pattern`. */
  lines(pattern: RegExp): string[] {
    return this.output.split('\n').filter((l) => pattern.test(l));
  }

  /** Waits until `done()` holds over the output, the process exits, or `ms` pass; returns whether it held. */
  async until(done: (p: Program) => boolean, ms: number): Promise<boolean> {
    if (done(this)) return true;
    return new Promise((res) => {
      const check = (): void => {
        if (done(this)) finish(true);
        else if (this.exitCode !== undefined) finish(done(this));
      };
      const timer = setTimeout(() => finish(done(this)), ms);
      const finish = (ok: boolean): void => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        res(ok);
      };
      this.waiters.push(check);
      check();
    });
  }

  /** Waits for a line matching `pattern`; true if it came. */
  waitFor(pattern: RegExp, ms: number): Promise<boolean> {
    return this.until((p) => pattern.test(p.output), ms);
  }

  /** Kills the process (SIGKILL by default: a crash, no goodbye to the broker) and waits for it. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.exitCode === undefined) this.child.kill(signal);
    await this.exited;
  }

  /** The last lines of output, for failure messages. */
  tail(n = 6): string {
    const lines = this.output.trim().split('\n').slice(-n);
    return lines.length && lines[0] ? `\n    last output of ${this.label}:\n      ${lines.join('\n      ')}` : `\n    (${this.label} printed nothing)`;
  }
}

/** Runs a program to completion (or kills it after `ms`) and returns it. */
export async function runToEnd(label: string, file: string, args: string[], env: Record<string, string>, ms = 10_000): Promise<Program> {
  const p = new Program(label, file, args, env);
  const ended = await p.until((x) => x.exitCode !== undefined, ms);
  if (!ended) {
    await p.kill();
    throw new StepError(`${label} did not exit within ${ms / 1000}s (expected it to send and close its connection)${p.tail()}`);
  }
  return p;
}

/** The folder holding the labs being graded (QLAB_LAB_DIR, default labs/). */
export function labDir(lab: string): string {
  return join(resolve(REPO_ROOT, process.env.QLAB_LAB_DIR ?? 'labs'), lab);
}
