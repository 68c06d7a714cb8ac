/** Runs a client program without blocking the event loop (an in-process broker-sim must keep answering it). */
import { spawn } from 'node:child_process';

export interface ClientRun { status: number | null; stdout: string; stderr: string }

/** Runs cmd to its end, killed after ms; resolves with its exit status and output. */
export function runClient(cmd: string, args: string[], ms = 20_000): Promise<ClientRun> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; });
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}
