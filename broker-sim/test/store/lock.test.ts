/**
 * One broker per database file: a second broker-sim on a file in use refuses at once, naming the
 * running one, and takes nothing from it; the lock of a broker killed with kill -9 is taken over.
 * broker-sim only (RabbitMQ's node lock is not something a client sees).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { closeAll, connect } from '../conformance/support/amqp.ts';
import { scratchDir, startSimProcess, type SimProcess } from '../../../test/support/sim-process.ts';
import { SIM_BIN } from '../../../tools/shared/brokers/child-process.ts';
import { lockHolder } from '../../src/store/lock.ts';

const running: SimProcess[] = [];
after(async () => {
  await closeAll();
  for (const p of running) await p.stop('SIGKILL');
});

/** Runs broker-sim to its exit; its exit code and stderr. */
function runToExit(args: string[], dir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SIM_BIN, ...args], { env: { ...process.env, QUEUELAB_HOME: dir }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

async function publishConfirmed(url: string, from: number, n: number): Promise<void> {
  const conn = await connect(url);
  const ch = await conn.createConfirmChannel();
  await ch.assertQueue('tasks', { durable: true });
  for (let i = from; i < from + n; i++) ch.sendToQueue('tasks', Buffer.from(`task ${i}`), { persistent: true });
  await ch.waitForConfirms();
  await conn.close();
}

test('a second broker-sim on a database in use refuses to start, and the first keeps every confirmed message', async () => {
  const dir = scratchDir();
  const db = join(dir, 'broker.db');
  const first = await startSimProcess(dir);
  running.push(first);
  await publishConfirmed(first.url, 0, 200);

  const second = await runToExit(['--any-port', '--no-http', '--db', db], dir);
  assert.notEqual(second.code, 0, 'the second broker exits with an error');
  const lines = second.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${second.stderr}`);
  assert.match(lines[0]!, new RegExp(`in use by another broker-sim \\(pid ${first.pid}, ${first.url.replace(/[.]/g, '\\.')}\\)`));
  assert.match(lines[0]!, /--db other\.db or --memory/);
  assert.deepEqual(lockHolder(db), { pid: first.pid, amqpUrl: first.url, startedAt: lockHolder(db)!.startedAt }, 'the lock names the first broker');

  // The database stays readable by others (the sqlite3 CLI of lab 13) while the broker runs.
  const reader = new Database(db, { readonly: true });
  assert.equal((reader.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n, 200);
  reader.close();

  await publishConfirmed(first.url, 200, 100);
  await first.stop('SIGKILL');
  assert.equal(lockHolder(db), undefined, 'a killed broker holds no lock');

  // The stale lock of the killed broker is taken over.
  const third = await startSimProcess(dir);
  running.push(third);
  assert.equal(lockHolder(db)?.pid, third.pid);
  const conn = await connect(third.url);
  const ch = await conn.createChannel();
  const bodies: string[] = [];
  for (let m = await ch.get('tasks', { noAck: true }); m; m = await ch.get('tasks', { noAck: true })) bodies.push(m.content.toString());
  assert.deepEqual(bodies, Array.from({ length: 300 }, (_, i) => `task ${i}`), 'every confirmed message, in order');
  await third.stop('SIGTERM');
  assert.equal(lockHolder(db), undefined, 'a broker that stops gives its lock back');
});
