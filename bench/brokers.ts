/** The brokers a bench runs against, and readings of a broker process from /proc. */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir, startSimProcess } from '../tools/shared/brokers/index.ts';

export interface BrokerHandle {
  name: string;
  url: string;
  /** The broker's process, for CPU and RSS; unknown for a remote broker. */
  pid?: number;
  /** broker-sim's database file, for its size. */
  dbPath?: string;
  /**
   * Stops the broker (SIGTERM) and starts it again on the same database; url and pid then name the
   * new process. Only for a broker the bench started itself.
   */
  restart?(): Promise<{ startupMs: number }>;
  close(): Promise<void>;
}

/** Starts broker-sim as its own process on a free port with a file database (WAL), as students run it. */
export async function startSim(extra: string[] = []): Promise<BrokerHandle & { startupMs: number }> {
  const dir = scratchDir();
  const dbPath = join(dir, 'bench.db');
  let sim = await startSimProcess(dir, extra, { dbPath, stderr: 'inherit' });
  const handle = {
    name: 'broker-sim', url: sim.url, pid: sim.pid, dbPath, startupMs: sim.startupMs,
    restart: async () => {
      await sim.stop('SIGTERM');
      // A database with a large backlog may take long to open: allow minutes, and measure it.
      sim = await startSimProcess(dir, extra, { dbPath, stderr: 'inherit', timeoutMs: 600_000 });
      handle.url = sim.url;
      handle.pid = sim.pid;
      return { startupMs: sim.startupMs };
    },
    close: async () => {
      await sim.stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
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
