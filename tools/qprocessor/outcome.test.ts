import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outcomeFor, workMillis } from './outcome.ts';
import { buildCli } from './qprocessor-command.ts';

test('--lose-every 3 loses the 3rd, 6th, 9th message and processes the rest', () => {
  const got = Array.from({ length: 9 }, (_, i) => outcomeFor(i + 1, { loseEvery: 3 }));
  assert.deepEqual(got, ['process', 'process', 'lose', 'process', 'process', 'lose', 'process', 'process', 'lose']);
});

test('a crash takes precedence over the other injected failures', () => {
  assert.equal(outcomeFor(6, { crashEvery: 2, loseEvery: 3, nackEvery: 6 }), 'crash');
  assert.equal(outcomeFor(3, { crashEvery: 2, loseEvery: 3 }), 'lose');
  assert.equal(outcomeFor(4, { nackEvery: 2, rejectEvery: 4 }), 'nack');
  assert.equal(outcomeFor(4, { rejectEvery: 4 }), 'reject');
  assert.equal(outcomeFor(5, {}), 'process');
});

test('fake work lasts one second per character by default, as the lab sheet\'s worker', () => {
  assert.equal(workMillis('Hello...', 1), 8000);
  assert.equal(workMillis('Hello...', 0.1), 800);
});

test('--queue is required, and every flag has its documented default', async () => {
  await assert.rejects(async () => buildCli([]).exitProcess(false).fail((m) => { throw new Error(m); }).parseAsync(), /Missing required argument: queue/);
  const a = await buildCli(['-q', 'task_queue']).exitProcess(false).parseAsync();
  assert.equal(a.queue, 'task_queue');
  assert.equal(a.acknowledge, false);
  assert.equal(a.delayPerChar, 1);
  assert.equal(a.loseEvery, 0);
  assert.equal(a.prefetch, undefined, 'its default depends on --concurrency: see flags.test.ts');
  assert.equal(a.concurrency, 1);
  assert.equal(a.block, false);
  assert.equal(a.heartbeat, 60);
});
