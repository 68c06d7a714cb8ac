/**
 * The discovery file: where a running broker-sim says which URLs it serves, so the kit's tools
 * find it with no flags even when it had to take another port.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Discovery {
  pid: number;
  amqpUrl: string;
  managementUrl: string | null;
  dbPath: string;
  startedAt: string;
}

export function discoveryPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.QUEUELAB_HOME ?? join(homedir(), '.queuelab'), 'broker-sim.json');
}

export function writeDiscovery(d: Discovery): void {
  const path = discoveryPath();
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(d, null, 2) + '\n');
}

/** Removes the file if it is this process's. */
export function removeDiscovery(pid = process.pid): void {
  const d = readDiscovery();
  if (d && d.pid === pid) rmSync(discoveryPath(), { force: true });
}

/** The running broker-sim, or undefined when none is (the file is absent or its pid is gone). */
export function readDiscovery(env: NodeJS.ProcessEnv = process.env): Discovery | undefined {
  try {
    const d = JSON.parse(readFileSync(discoveryPath(env), 'utf8')) as Discovery;
    process.kill(d.pid, 0);
    return d;
  } catch {
    return undefined;
  }
}
