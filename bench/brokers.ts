/** The brokers a bench runs against, and readings of a broker process from /proc. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BrokerHandle {
  name: string;
  url: string;
  /** The broker's process, for CPU and RSS; unknown for a remote broker. */
  pid?: number;
  /** broker-sim's database file, for its size. */
  dbPath?: string;
  close(): Promise<void>;
}

const root = new URL('../', import.meta.url).pathname;

/**
 * Node flags broker-sim runs with, as `npm start` and the broker-sim bin start it: a small young
 * generation, so memory grown under a burst is given back instead of kept for the next one.
 */
export const SIM_NODE_FLAGS = ['--max-semi-space-size=4'];

/** Starts broker-sim as its own process on a free port with a file database (WAL), as students run it. */
export async function startSim(extra: string[] = []): Promise<BrokerHandle & { startupMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-bench-'));
  const dbPath = join(dir, 'bench.db');
  const started = performance.now();
  const child = spawn(process.execPath, [...SIM_NODE_FLAGS, join(root, 'bin/broker-sim.js'), '--port', '0', '--db', dbPath, ...extra], {
    env: { ...process.env, QUEUELAB_HOME: dir }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (amqp:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`broker-sim exited with ${code}: ${out}`)));
  });
  return {
    name: 'broker-sim', url, pid: child.pid, dbPath, startupMs: performance.now() - started,
    close: () => new Promise((resolve) => {
      child.once('exit', () => { rmSync(dir, { recursive: true, force: true }); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}

/** CPU time (user + system) of a process in ms, from /proc/PID/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Resident memory of a process in MiB, from /proc/PID/status. */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Size of a SQLite database with its WAL, MiB. */
export function dbMiB(path: string): number {
  let bytes = 0;
  for (const f of [path, `${path}-wal`]) {
    try { bytes += statSync(f).size; } catch { /* absent */ }
  }
  return bytes / 1024 / 1024;
}
