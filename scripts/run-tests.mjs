#!/usr/bin/env node
// Runs every *.test.ts of the kit with node:test through tsx. Node 20's runner finds only .js
// files by itself, so the .ts files are listed here. Extra arguments name files or folders to run.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
 * RabbitMQ for the run: RABBITMQ_URL when set; else a RabbitMQ started with testcontainers when
 * Docker works; else broker-sim only, saying why.
 */
async function rabbitmq() {
  if (process.env.RABBITMQ_URL) return { env: {}, stop: async () => {}, note: process.env.RABBITMQ_URL };
  const docker = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10000 });
  if (docker.status !== 0) {
    return { env: {}, stop: async () => {}, note: 'skipped: RABBITMQ_URL is not set and Docker does not work here (broker-sim only)' };
  }
  const { GenericContainer, Wait } = await import('testcontainers');
  const c = await new GenericContainer('rabbitmq:3.10-management').withExposedPorts(5672, 15672)
    .withWaitStrategy(Wait.forLogMessage(/Server startup complete/)).withStartupTimeout(120000).start();
  const host = c.getHost();
  return {
    env: {
      RABBITMQ_URL: `amqp://guest:guest@${host}:${c.getMappedPort(5672)}`,
      RABBITMQ_MANAGEMENT_URL: `http://${host}:${c.getMappedPort(15672)}`,
      RABBITMQCTL: `docker exec ${c.getId()} rabbitmqctl`,
    },
    stop: () => c.stop(),
    note: `a RabbitMQ container started with testcontainers (${c.getId().slice(0, 12)})`,
  };
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
