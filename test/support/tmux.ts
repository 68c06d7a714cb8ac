/**
 * Real tmux for end-to-end tests: each test gets a private tmux server (-L), runs commands in
 * panes of a fixed size, reads them with capture-pane and kills the server after.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const TMUX = '/usr/bin/tmux';
export const hasTmux = existsSync(TMUX);
const root = new URL('../../', import.meta.url).pathname;

export class TmuxSession {
  /** Named after the test run (scripts/run-tests.mjs), which kills what is left of it at its end. */
  readonly socket = `queuelab-test-${process.env.QUEUELAB_TEST_RUN ?? 'solo'}-${randomBytes(4).toString('hex')}`;
  private panes = 0;
  private keepDead = false;

  constructor(private readonly width = 200, private readonly height = 50) {}

  private tmux(...args: string[]): Promise<{ stdout: string }> {
    return run(TMUX, ['-L', this.socket, ...args], { cwd: root });
  }

  /** Runs a shell command in a new pane; returns the pane's target. Panes stay after the command exits. */
  async pane(command: string, env: Record<string, string> = {}): Promise<string> {
    const exports = Object.entries({ NO_COLOR: '1', ...env }).map(([k, v]) => `${k}='${v}'`).join(' ');
    const cmd = `cd '${root}' && env ${exports} ${command}; echo "[exit $?]"; sleep 600`;
    // The pane's id (%N), not its index: indices shift when an earlier pane closes.
    let id: string;
    if (this.panes++ === 0) {
      ({ stdout: id } = await this.tmux('new-session', '-d', '-P', '-F', '#{pane_id}', '-s', 'lab', '-x', String(this.width), '-y', String(this.height), cmd));
      if (this.keepDead) await this.tmux('set-option', '-g', 'remain-on-exit', 'on');
    } else {
      ({ stdout: id } = await this.tmux('split-window', '-P', '-F', '#{pane_id}', '-t', 'lab', cmd));
      await this.tmux('select-layout', '-t', 'lab', 'even-vertical');
    }
    return id.trim();
  }

  /** Keeps a pane on screen after its program ends (Ctrl-C may end the pane's shell too), so its last lines can be read. */
  async keepDeadPanes(): Promise<void> {
    this.keepDead = true;
    if (this.panes > 0) await this.tmux('set-option', '-g', 'remain-on-exit', 'on');
  }

  async capture(target: string): Promise<string> {
    const { stdout } = await this.tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', target);
    return stdout;
  }

  async keys(target: string, ...keys: string[]): Promise<void> {
    await this.tmux('send-keys', '-t', target, ...keys);
  }

  /** Types a line as a student types it, then Enter. */
  async type(target: string, line: string): Promise<void> {
    await this.tmux('send-keys', '-t', target, '-l', line);
    await this.tmux('send-keys', '-t', target, 'Enter');
  }

  async closePane(target: string): Promise<void> {
    await this.tmux('kill-pane', '-t', target);
  }

  /** Waits until the pane shows text matching `pattern`; fails with the pane's content otherwise. */
  async waitFor(target: string, pattern: RegExp | ((text: string) => boolean), ms = 10000): Promise<string> {
    const test = typeof pattern === 'function' ? pattern : (t: string) => pattern.test(t);
    const deadline = Date.now() + ms;
    let text = '';
    while (Date.now() < deadline) {
      text = await this.capture(target);
      if (test(text)) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`pane ${target} did not show ${pattern} within ${ms} ms; it shows:\n${text}`);
  }

  kill(): void {
    try { execFileSync(TMUX, ['-L', this.socket, 'kill-server'], { stdio: 'ignore' }); } catch { /* already gone */ }
  }
}
