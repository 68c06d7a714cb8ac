/**
 * Celery on its AMQP transport (kombu, py-amqp), the same on both brokers: 200 tasks, ETA tasks
 * that run at their countdown and not one behind the other, `inspect ping` answered, and an
 * acks_late task redelivered to a new worker after its worker is killed with SIGKILL. Celery is
 * installed with pip into a virtualenv kept in .queuelab/ from this machine's package mirror (its
 * command line's click-repl and click-didyoumean are not needed: the worker starts through Celery's
 * API); where that cannot be done the test is skipped with the reason printed.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { channel, closeAll, connect, within } from './support/amqp.ts';
import { runClient } from './support/run-client.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const VENV = `${repo}.queuelab/venv-celery`;
const PYTHON = `${VENV}/bin/python`;
const APP = fileURLToPath(new URL('./support/celery-app.py', import.meta.url));

/** The reason Celery is missing, or undefined once the virtualenv has it. */
function provision(): string | undefined {
  const has = (): boolean => existsSync(PYTHON)
    && spawnSync(PYTHON, ['-c', 'import celery, celery.apps.worker'], { encoding: 'utf8' }).status === 0;
  if (has()) return undefined;
  mkdirSync(`${repo}.queuelab`, { recursive: true });
  const last = (r: ReturnType<typeof spawnSync>): string => String(r.stderr || r.error?.message || '').trim().split('\n').pop() ?? '';
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8', timeout: 60_000 });
  if (venv.status !== 0) return `no virtualenv: python3 -m venv failed (${last(venv)})`;
  const pip = (args: string[]) => spawnSync(`${VENV}/bin/pip`, ['install', '--quiet', '--retries', '0', ...args], { encoding: 'utf8', timeout: 300_000 });
  const deps = pip(['kombu', 'billiard', 'click', 'click-plugins', 'python-dateutil', 'tzlocal']);
  if (deps.status !== 0) return `pip install of Celery's dependencies failed: ${last(deps)}`;
  const celery = pip(['--no-deps', 'celery']);
  if (celery.status !== 0) return `pip install celery failed: ${last(celery)}`;
  return has() ? undefined : 'celery did not import after pip install';
}

const missing = provision();
if (missing) console.log(`# Celery tests skipped: ${missing}`);

forEachBroker('Celery', (broker) => {
  const workers: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-celery-'));
  /** Celery declares a durable queue and an exchange of the same name for each: removed after. */
  const used: string[] = [];
  after(async () => {
    for (const w of workers) w.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    if (used.length === 0) return;
    const { ch } = await channel(broker.url);
    for (const name of used) {
      await ch.deleteQueue(name);
      await ch.deleteExchange(name);
    }
    // Celery's remote-control exchanges, once no worker is bound to them.
    for (const x of ['celery.pidbox', 'reply.celery.pidbox']) {
      const c = await (await connect(broker.url)).createChannel();
      c.on('error', () => {});
      await c.deleteExchange(x, { ifUnused: true }).catch(() => {});
    }
    await closeAll();
  });

  /** A worker on `queue`, resolved once it says it is ready. */
  function startWorker(queue: string): Promise<ChildProcess> {
    const w = spawn(PYTHON, [APP, 'worker', broker.url, queue, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    workers.push(w);
    let log = '';
    return within(30_000, 'the Celery worker to be ready', new Promise((resolve) => {
      const seen = (d: Buffer): void => { log += d; if (/ready\./.test(log)) resolve(w); };
      w.stdout!.on('data', seen);
      w.stderr!.on('data', seen);
    }));
  }

  const lines = (name: string): string[] => {
    const f = join(dir, name);
    return existsSync(f) ? readFileSync(f, 'utf8').trim().split('\n') : [];
  };

  async function until(what: string, ok: () => boolean, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  test('200 tasks, ETA tasks on time, inspect ping', async (t) => {
    if (missing) { t.skip(missing); return; }
    const queue = broker.name('celery');
    used.push(queue);
    await startWorker(queue);
    const r = await runClient(PYTHON, [APP, 'client', broker.url, queue, dir], 90_000);
    assert.equal(r.status, 0, r.stderr);
    const found = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    // Five ETA tasks with a 2 s countdown: together, not one after another (10 s and more).
    assert.ok(Number(found.eta_seconds_for_five) < 6, `five ETA tasks took ${found.eta_seconds_for_five} s`);
    delete found.eta_seconds_for_five;
    assert.deepEqual(found, { sum_of_200: 39800, eta_none_early: true, inspect_ping: ['pong'] });
  });

  test('an acks_late task whose worker is killed with SIGKILL runs again on a new worker', async (t) => {
    if (missing) { t.skip(missing); return; }
    const queue = broker.name('celery-late');
    used.push(queue);
    const first = await startWorker(queue);
    const sent = await runClient(PYTHON, [APP, 'late', broker.url, queue, dir], 30_000);
    assert.equal(sent.status, 0, sent.stderr);
    await until('the task to start', () => lines('started').length === 1, 20_000);
    first.kill('SIGKILL');
    await startWorker(queue);
    await until('the task to finish on the new worker', () => lines('finished').length === 1, 30_000);
    const [killed, second] = lines('started');
    assert.equal(lines('started').length, 2, 'it was started twice');
    assert.notEqual(killed, second, 'by two different workers');
    assert.deepEqual(lines('finished'), [second]);
  });
});
