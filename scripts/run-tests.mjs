#!/usr/bin/env node
// Runs every *.test.ts of the kit with node:test through tsx. Node 20's runner finds only .js
// files by itself, so the .ts files are listed here. Extra arguments name files or folders to run.
// Every process of a run carries QUEUELAB_TEST_RUN in its environment (tmux servers and detached
// brokers too): when the run ends, however it ends (Ctrl-C included), whatever is left is stopped.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';
import { cleanUp } from './test-run-processes.mjs';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['broker-sim', 'tools', 'test', 'labs-kit'];
const skip = new Set(['node_modules', '.git', 'labs', 'solutions', 'fixtures']);

function collect(path, out) {
  let stat;
  try { stat = statSync(path); } catch { return out; }
  if (stat.isFile()) { if (path.endsWith('.test.ts')) out.push(path); return out; }
  for (const entry of readdirSync(path)) {
    if (!skip.has(entry)) collect(join(path, entry), out);
  }
  return out;
}

/**
 * RabbitMQ for the run, from the kit's launcher (tools/shared/brokers/rabbitmq.ts, loaded through
 * tsx): RABBITMQ_URL when set; else a RabbitMQ container when Docker works; else broker-sim only,
 * saying why.
 */
async function rabbitmq() {
  register();
  const { rabbitMqEnv, RabbitMqUnavailable, startRabbitMq } = await import('../tools/shared/brokers/rabbitmq.ts');
  try {
    const r = await startRabbitMq();
    return { env: rabbitMqEnv(r), stop: () => r.close(), note: r.note };
  } catch (err) {
    if (!(err instanceof RabbitMqUnavailable)) throw err;
    return { env: {}, stop: async () => {}, note: `skipped: ${err.message} (broker-sim only)` };
  }
}

const files = roots.flatMap((root) => collect(root, [])).sort();
if (files.length === 0) {
  console.error('run-tests: no *.test.ts files found under ' + roots.join(', '));
  process.exit(1);
}
const run = randomBytes(4).toString('hex');
const broker = await rabbitmq();
console.log(`run-tests: ${files.length} files; RabbitMQ: ${broker.note}; run ${run}`);
// A runner started from inside a test (test/run-tests.test.ts) is a runner of its own, not a test's child.
const { NODE_TEST_CONTEXT: _inherited, ...env } = process.env;
const child = spawn(process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files,
], { stdio: 'inherit', detached: true, env: { ...env, ...broker.env, QUEUELAB_TEST_RUN: run } });
let interrupted = false;
const interrupt = (signal) => {
  if (interrupted) return;
  interrupted = true;
  console.error(`\nrun-tests: ${signal}: stopping the tests and what they started`);
  try { process.kill(-child.pid, 'SIGINT'); } catch { /* ended */ }
  // Tests get a moment for their own clean-up; then the whole group goes.
  setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* ended */ } }, 3000).unref();
};
process.on('SIGINT', () => interrupt('SIGINT'));
process.on('SIGTERM', () => interrupt('SIGTERM'));
const status = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 1))));
cleanUp(run);
await broker.stop();
process.exit(interrupted ? 130 : status);
