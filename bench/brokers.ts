/**
 * The brokers a bench runs against, each started fresh by the bench so both can be restarted,
 * timed from cold and read from /proc: broker-sim as its own process with a file database, and a
 * private RabbitMQ node from the installed rabbitmq-server (or a running broker given by URL).
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir, startSimProcess } from '../tools/shared/brokers/index.ts';
import { folderMiB, startRabbitMqNode } from '../tools/shared/brokers/rabbitmq-node.ts';

export interface BrokerHandle {
  name: 'broker-sim' | 'RabbitMQ';
  url: string;
  /** The broker's process, for CPU and RSS; unknown for a broker given by URL without --against-pid. */
  pid?: number;
  /** What the broker keeps on disk (broker-sim: database and WAL; RabbitMQ: its mnesia folder), MiB. */
  dataMiB?(): number;
  /** Stops the broker and starts it again on the same data; url and pid then name the new process. */
  restart?(): Promise<{ startupMs: number }>;
  /** Starts another broker of the same kind from nothing, for the startup time. */
  fresh?(): Promise<{ url: string; startupMs: number; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** Starts broker-sim as its own process on a free port with a file database (WAL), as students run it. */
export async function startSim(extra: string[] = [], nodeFlags: string[] = []): Promise<BrokerHandle> {
  const dir = scratchDir();
  const dbPath = join(dir, 'bench.db');
  let sim = await startSimProcess(dir, extra, { dbPath, stderr: 'inherit', nodeFlags });
  const handle: BrokerHandle = {
    name: 'broker-sim', url: sim.url, pid: sim.pid,
    dataMiB: () => dbMiB(dbPath),
    restart: async () => {
      await sim.stop('SIGTERM');
      // A database with a large backlog may take long to open: allow minutes, and measure it.
      sim = await startSimProcess(dir, extra, { dbPath, stderr: 'inherit', nodeFlags, timeoutMs: 600_000 });
      handle.url = sim.url;
      handle.pid = sim.pid;
      return { startupMs: sim.startupMs };
    },
    fresh: async () => {
      const other = scratchDir();
      const s = await startSimProcess(other, extra);
      return { url: s.url, startupMs: s.startupMs, close: async () => { await s.stop(); rmSync(other, { recursive: true, force: true }); } };
    },
    close: async () => {
      await sim.stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** Starts a private RabbitMQ node on `port` (and `port + 1` for the startup timing). */
export async function startRabbit(port: number): Promise<BrokerHandle> {
  const node = await startRabbitMqNode({ port, name: 'qlab-bench' });
  const handle: BrokerHandle = {
    name: 'RabbitMQ', url: node.url, pid: node.pid,
    dataMiB: () => folderMiB(node.dataDir),
    restart: async () => {
      const r = await node.restart();
      handle.pid = node.pid;
      return r;
    },
    fresh: async () => {
      const n = await startRabbitMqNode({ port: port + 1, name: 'qlab-bench-fresh' });
      return { url: n.url, startupMs: n.startupMs, close: () => n.close() };
    },
    close: () => node.close(),
  };
  return handle;
}

/** A broker given by URL: only what can be measured from outside (and /proc, with its pid). */
export function givenBroker(url: string, pid?: number): BrokerHandle {
  return { name: 'RabbitMQ', url, ...(pid ? { pid } : {}), close: async () => {} };
}

/** CPU time (user + system) of a process in ms, from /proc/PID/stat: time on a core, so steal does not count. */
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
