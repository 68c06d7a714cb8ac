#!/usr/bin/env node
// Runs every *.test.ts of the kit with node:test through tsx. Node 20's runner finds only .js
// files by itself, so the .ts files are listed here. Extra arguments name files or folders to run.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['broker-sim', 'tools', 'test', 'labs-kit'];
const skip = new Set(['node_modules', '.git', 'labs', 'solutions']);

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
const broker = await rabbitmq();
console.log(`run-tests: ${files.length} files; RabbitMQ: ${broker.note}`);
const result = spawnSync(process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files,
], { stdio: 'inherit', env: { ...process.env, ...broker.env } });
await broker.stop();
process.exit(result.status ?? 1);
