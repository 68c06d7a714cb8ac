/** `broker-sim [serve]` refuses bad flags in one line before it opens a database or a port. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCli } from '../../src/cli/build-cli.ts';
import { parseMemoryLimit } from '../../src/cli/serve-command.ts';

/** Parses argv; the serve handler never runs when a check fails, so nothing is started. */
async function parse(...argv: string[]): Promise<unknown> {
  return buildCli([...argv, '--memory']).exitProcess(false).fail((msg, err) => { throw err ?? new Error(msg); }).parseAsync();
}

test('a port that is not a number from 0 to 65535 is refused, for AMQP and for the management API', async () => {
  await assert.rejects(parse('--port', 'not-a-port'), /^Error: --port must be a port number from 0 to 65535, got NaN$/);
  await assert.rejects(parse('--port', '70000'), /--port must be a port number from 0 to 65535, got 70000/);
  await assert.rejects(parse('--port', '0', '--http-port', '-1'), /--http-port must be a port number from 0 to 65535, got -1/);
  await assert.rejects(parse('--port', '0', '--time-scale', '0'), /--time-scale must be a positive number, got 0/);
});

test('--max-memory takes a share of the machine, as vm_memory_high_watermark, or a size; anything else in one line', async () => {
  assert.equal(parseMemoryLimit('0.4', 1000), 400);
  assert.equal(parseMemoryLimit('.25', 1000), 250);
  assert.equal(parseMemoryLimit('1', 1000), 1000, 'the whole machine');
  assert.equal(parseMemoryLimit('512MB', 1000), 512 * 1024 * 1024);
  assert.equal(parseMemoryLimit('2GB', 1000), 2 * 1024 ** 3);
  assert.throws(() => parseMemoryLimit('0', 1000), /^Error: --max-memory must be above 0, got '0' \(use e\.g\. 0\.4 or 512MB\)$/);
  await assert.rejects(parse('--port', '0', '--max-memory', 'lots'), /not a size: 'lots'/);
});
