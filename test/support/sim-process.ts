/** broker-sim as a real child process, so a test can kill -9 it and start it again on the same file. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { within } from './within.ts';

const root = new URL('../../', import.meta.url).pathname;

export interface SimProcess { url: string; child: ChildProcess; stop(signal?: NodeJS.Signals): Promise<void> }

/** A fresh directory for a database and the discovery file. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'queuelab-sim-'));
}

export async function startSimProcess(dir: string, extra: string[] = []): Promise<SimProcess> {
  const child = spawn(process.execPath, [join(root, 'bin/broker-sim.js'), '--port', '0', '--db', join(dir, 'broker.db'), ...extra], {
    env: { ...process.env, QUEUELAB_HOME: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await within(10000, 'broker-sim to print its URL', new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (amqp:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`broker-sim exited with ${code} before listening: ${out}`)));
  }));
  return {
    url,
    child,
    stop: (signal = 'SIGTERM') => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    }),
  };
}
