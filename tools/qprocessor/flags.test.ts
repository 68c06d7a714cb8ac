import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { buildCli, effectivePrefetch, flagProblem, lossReason } from './qprocessor-command.ts';

const root = new URL('../../', import.meta.url).pathname;
const ok = { concurrency: 1, acknowledge: false, block: false };

test('prefetch is unlimited by default, N with --concurrency N, and --prefetch when given', () => {
  assert.equal(effectivePrefetch({ concurrency: 1 }), 0);
  assert.equal(effectivePrefetch({ concurrency: 3 }), 3);
  assert.equal(effectivePrefetch({ concurrency: 3, prefetch: 10 }), 10);
  assert.equal(effectivePrefetch({ concurrency: 3, prefetch: 0 }), 0);
  assert.equal(effectivePrefetch({ concurrency: 1, prefetch: 1 }), 1);
});

test('combinations that cannot do what they promise are refused, each with its reason', () => {
  assert.equal(flagProblem(ok), undefined);
  assert.equal(flagProblem({ ...ok, block: true }), undefined, '--block alone is the heartbeat experiment');
  assert.equal(flagProblem({ ...ok, prefetch: 1 }), undefined, '--prefetch without --acknowledge is lab 05\'s question, allowed');
  assert.equal(flagProblem({ concurrency: 3, acknowledge: true, block: false }), undefined);
  assert.equal(flagProblem({ concurrency: 3, acknowledge: true, block: false, prefetch: 0 }), undefined, 'unlimited prefetch holds more than it works on: allowed');
  assert.equal(flagProblem({ concurrency: 3, acknowledge: true, block: false, prefetch: 5 }), undefined);
  assert.match(flagProblem({ ...ok, concurrency: 0 })!, /^--concurrency must be a whole number from 1 to 65535 \(got 0\)$/);
  assert.match(flagProblem({ ...ok, concurrency: 1.5 })!, /got 1\.5/);
  assert.match(flagProblem({ ...ok, concurrency: 70000 })!, /from 1 to 65535/);
  assert.match(flagProblem({ ...ok, prefetch: -1 })!, /^--prefetch must be a whole number from 0 \(unlimited\) to 65535/);
  assert.match(flagProblem({ ...ok, concurrency: 3 })!, /^--concurrency 3 needs --acknowledge: with auto-ack the broker ignores prefetch/);
  assert.match(flagProblem({ concurrency: 3, acknowledge: true, block: true })!, /^--block with --concurrency 3: .* one after another/);
  assert.match(flagProblem({ concurrency: 3, acknowledge: true, block: false, prefetch: 2 })!, /^--prefetch 2 is less than --concurrency 3/);
  assert.match(flagProblem({ ...ok, nackEvery: 2 })!, /^--nack-every 2 needs --acknowledge: with auto-ack the broker has already forgotten the message, so there is nothing to nack$/);
  assert.match(flagProblem({ ...ok, rejectEvery: 3 })!, /^--reject-every 3 needs --acknowledge: .* nothing to reject$/);
  assert.equal(flagProblem({ ...ok, acknowledge: true, nackEvery: 2, rejectEvery: 3 }), undefined);
});

test('a refused combination is one line on stderr and exit code 1, before connecting', () => {
  const r = spawnSync(process.execPath, [`${root}bin/qprocessor.js`, '-q', 'x', '--concurrency', '3', '--url', 'amqp://guest:guest@127.0.0.1:1'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  const lines = r.stderr.split('\n').filter((l) => l && !l.includes('nodedir'));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^qprocessor: --concurrency 3 needs --acknowledge/);
});

test('--nack-every without --acknowledge is refused in one line, before connecting', () => {
  const r = spawnSync(process.execPath, [`${root}bin/qprocessor.js`, '-q', 'x', '--nack-every', '2', '--url', 'amqp://guest:guest@127.0.0.1:1'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^qprocessor: --nack-every 2 needs --acknowledge/m);
});

test('--help lists --concurrency, --block and --prefetch with their defaults', async () => {
  const help = await buildCli(['-q', 'x']).getHelp();
  assert.match(help, /--concurrency[\s\S]*\[default: 1\]/);
  assert.match(help, /--block[\s\S]*\[default: false\]/);
  assert.match(help, /--prefetch[\s\S]*\[default: 0, or N with --concurrency N\]/);
});

test('a connection lost right after blocking work longer than two heartbeats is said to be missed heartbeats', () => {
  const now = 100_000;
  const blocked = { ms: 10_000, endedAt: now - 5 };
  assert.equal(lossReason(new Error('Unexpected close'), undefined, blocked, 2, now),
    'the broker dropped this worker: its work blocked the process for 10.0s with a heartbeat of 2s, so it missed its heartbeats (Unexpected close)');
  assert.equal(lossReason(new Error('Unexpected close'), undefined, { ms: 3000, endedAt: now - 5 }, 2, now), 'the connection was closed: Unexpected close', 'shorter than two heartbeats: not the cause');
  assert.equal(lossReason(new Error('Unexpected close'), undefined, { ms: 10_000, endedAt: now - 60_000 }, 2, now), 'the connection was closed: Unexpected close', 'long ago: not the cause');
  assert.equal(lossReason(undefined, 'Channel closed by server: 406 (PRECONDITION-FAILED)', undefined, 60, now), 'the connection was closed: Channel closed by server: 406 (PRECONDITION-FAILED)');
  assert.equal(lossReason(undefined, undefined, undefined, 60, now), 'the connection was closed');
});
