/**
 * RabbitMQ's own command-line admin tool, rabbitmqadmin, for the tests: downloaded from the local
 * RabbitMQ's management plugin at test time (RabbitMQ serves it at /cli/rabbitmqadmin) and run with
 * Debian's Python; without either the tests are skipped with the reason.
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = '/usr/bin/python3';
const SOURCE = `${process.env.RABBITMQ_MANAGEMENT_URL ?? 'http://127.0.0.1:15672'}/cli/rabbitmqadmin`;

/** Fetches the script into dir; returns why it cannot run, or undefined. */
async function downloadRabbitmqadmin(dir: string): Promise<string | undefined> {
  if (!existsSync(PYTHON)) return `${PYTHON} is not installed`;
  try {
    const res = await fetch(SOURCE, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return `${SOURCE} answered HTTP ${res.status}`;
    writeFileSync(join(dir, 'rabbitmqadmin'), await res.text());
    return undefined;
  } catch (err) {
    return `cannot download ${SOURCE}: ${(err as Error).message}`;
  }
}

export interface Run { code: number; stdout: string; stderr: string }

/**
 * Runs the downloaded rabbitmqadmin against a management API, asynchronously: an in-process
 * broker-sim must keep answering meanwhile.
 */
function rabbitmqadmin(dir: string, managementUrl: string, args: string[], user = 'guest', password = 'guest'): Promise<Run> {
  const u = new URL(managementUrl);
  return new Promise((resolve) => {
    execFile(PYTHON, [join(dir, 'rabbitmqadmin'), '-H', u.hostname, '-P', u.port, '-u', user, '-p', password, ...args],
      { timeout: 20_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
  });
}

export interface RabbitmqadminUse {
  /** Why the tests cannot run it (a skip reason), once the before hook has run; undefined when they can. */
  readonly skip: string | undefined;
  run(args: string[], password?: string): Promise<Run>;
  /** Runs it as guest and returns what it printed; fails the test when it fails. */
  ok(...args: string[]): Promise<string>;
}

/** rabbitmqadmin for one block of tests: fetched before them into a folder of its own, removed after. */
export function useRabbitmqadmin(managementUrl: () => string): RabbitmqadminUse {
  let dir = '';
  const use = {
    skip: undefined as string | undefined,
    run: (args: string[], password = 'guest') => rabbitmqadmin(dir, managementUrl(), args, 'guest', password),
    async ok(...args: string[]) {
      const r = await use.run(args);
      assert.equal(r.code, 0, `rabbitmqadmin ${args.join(' ')} failed: ${r.stderr}${r.stdout}`);
      return r.stdout;
    },
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'queuelab-rabbitmqadmin-'));
    use.skip = await downloadRabbitmqadmin(dir);
    if (use.skip) console.log(`# rabbitmqadmin tests skipped: ${use.skip}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  return use;
}
