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

const files = roots.flatMap((root) => collect(root, [])).sort();
if (files.length === 0) {
  console.error('run-tests: no *.test.ts files found under ' + roots.join(', '));
  process.exit(1);
}
console.log(`run-tests: ${files.length} files; RabbitMQ: ${process.env.RABBITMQ_URL ?? 'not set (broker-sim only)'}`);
const result = spawnSync(process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files,
], { stdio: 'inherit' });
process.exit(result.status ?? 1);
