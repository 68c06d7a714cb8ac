/**
 * broker-sim as a real process, started by bin/broker-sim.js as a student starts it: a test can
 * kill -9 it and start it again on the same database, the bench can read its CPU and memory, and
 * `qlab start` leaves one running in the background.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listDiscoveries, type Discovery } from '../../../broker-sim/src/discovery.ts';
import { ToolError } from '../connect.ts';

const root = new URL('../../../', import.meta.url).pathname;

/** broker-sim's executable. */
export const SIM_BIN = join(root, 'bin/broker-sim.js');

/**
 * Node flags broker-sim runs with, as `npm start` and the broker-sim bin start it: a small young
 * generation, so memory grown under a burst is given back instead of kept for the next one.
 */
export const SIM_NODE_FLAGS = ['--max-semi-space-size=4'];

/** A fresh folder for a database and the discovery file (QUEUELAB_HOME). */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'queuelab-sim-'));
}

export interface SimProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** From spawn to the URL printed, ms. */
  startupMs: number;
  /** Sends the signal (default SIGTERM) and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface SimProcessOptions {
  /** The database file; default `dir`/broker.db, so a restart on the same dir finds its messages. */
  dbPath?: string;
  /** 'inherit' shows the broker's log; by default its last lines go into the error if it fails to start. */
  stderr?: 'pipe' | 'inherit';
  /** How long it may take to listen, ms. Default 10 s (tsx compiles the sources on a first start). */
  timeoutMs?: number;
  /** More Node flags after SIM_NODE_FLAGS (the bench's --cpu-prof). */
  nodeFlags?: string[];
}

/**
 * Starts broker-sim on a free port with its database and discovery file in `dir`, and resolves
 * once it prints the URL it listens on. `args` are more broker-sim flags (e.g. --at-most-once).
 */
export async function startSimProcess(dir: string, args: string[] = [], o: SimProcessOptions = {}): Promise<SimProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [...SIM_NODE_FLAGS, ...(o.nodeFlags ?? []), SIM_BIN, '--port', '0', '--db', o.dbPath ?? join(dir, 'broker.db'), ...args], {
    env: { ...process.env, QUEUELAB_HOME: dir },
    stdio: ['ignore', 'pipe', o.stderr ?? 'pipe'],
  });
  let out = '';
  let err = '';
  // Read both pipes to the end: a full pipe would block the broker's next log line.
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-2000); });
  const timeoutMs = o.timeoutMs ?? 10_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`broker-sim did not listen within ${timeoutMs} ms: ${err || out}`)); }, timeoutMs);
    const onData = (): void => {
      const m = /listening on (amqp:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      resolve(m[1]!);
    };
    const onExit = (code: number | null): void => { clearTimeout(timer); reject(new Error(`broker-sim exited with ${code} before listening: ${err || out}`)); };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
  return {
    url, pid: child.pid!, child, startupMs: performance.now() - started,
    stop: (signal = 'SIGTERM') => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    }),
  };
}

/**
 * Starts broker-sim detached from this process (it keeps running after it exits) and resolves
 * with its discovery entry once it has written one. `args` are its flags; `env` its environment.
 */
export async function startSimInBackground(args: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 10_000): Promise<Discovery> {
  const child = spawn(process.execPath, [...SIM_NODE_FLAGS, SIM_BIN, ...args], { detached: true, stdio: 'ignore', env });
  let exited: number | null | undefined;
  child.once('exit', (code) => { exited = code; });
  child.unref();
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 100));
    const d = listDiscoveries(env).find((e) => e.pid === child.pid);
    if (d) return d;
    if (exited !== undefined) break;
  }
  if (exited === undefined) child.kill('SIGKILL');
  const why = exited === undefined ? `did not start within ${timeoutMs / 1000} s` : `exited with code ${exited}`;
  throw new ToolError(`broker-sim ${why}; try \`npx broker-sim ${args.join(' ')}\` to see why`);
}
