/**
 * Discovery entries: each running broker-sim has its own, an exiting broker removes only its own,
 * and a client picks the broker whose database is in its folder, else the only one running.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseAmqpUrl, discoveryDir, findBroker, listDiscoveries, writeDiscovery, type Discovery } from '../../src/discovery.ts';
import { scratchDir, startSimProcess } from '../../../test/support/sim-process.ts';

const entry = (pid: number, dbPath: string, port: number, startedAt = '2026-01-01T00:00:00Z'): Discovery =>
  ({ pid, amqpUrl: `amqp://guest:guest@127.0.0.1:${port}`, managementUrl: null, dbPath, startedAt });

test('a second broker-sim exiting leaves the first one\'s entry, and the first stays the one found', async () => {
  const home = scratchDir();
  const env = { QUEUELAB_HOME: home };
  const first = await startSimProcess(home, [], { dbPath: join(home, 'a.db') });
  try {
    const second = await startSimProcess(home, [], { dbPath: join(home, 'b.db') });
    assert.equal(listDiscoveries(env).length, 2);
    await second.stop();
    const left = listDiscoveries(env);
    assert.deepEqual(left.map((d) => d.pid), [first.pid]);
    assert.equal(chooseAmqpUrl(undefined, env).url, first.url);
  } finally {
    await first.stop();
    rmSync(home, { recursive: true, force: true });
  }
  assert.deepEqual(listDiscoveries(env), []);
});

test('with several running, the one whose database is in this folder (or the nearest above) is chosen', () => {
  const home = mkdtempSync(join(tmpdir(), 'ql-'));
  const kit = join(home, 'kit');
  mkdirSync(join(kit, 'labs', '02'), { recursive: true });
  const env = { QUEUELAB_HOME: home };
  // Two live pids: this process and its parent.
  writeDiscovery(entry(process.pid, join(kit, 'queuelab.db'), 5673, '2026-01-01T00:00:00Z'), env);
  writeDiscovery(entry(process.ppid, join(home, 'elsewhere', 'other.db'), 5674, '2026-01-02T00:00:00Z'), env);
  const found = findBroker(env, join(kit, 'labs', '02'));
  assert.equal(found?.broker.pid, process.pid);
  assert.match(found!.why, /the database of this folder/);
  const neither = findBroker(env, tmpdir());
  assert.equal(neither?.broker.pid, process.ppid, 'the newest when none is this folder\'s');
  assert.match(neither!.why, /newest of 2/);
  rmSync(home, { recursive: true, force: true });
});

test('an entry left by a broker killed with -9 is ignored and removed', () => {
  const home = mkdtempSync(join(tmpdir(), 'ql-'));
  const env = { QUEUELAB_HOME: home };
  writeDiscovery(entry(2 ** 22 + 4321, ':memory:', 5679), env);
  assert.equal(chooseAmqpUrl(undefined, env).source, 'default');
  assert.deepEqual(readdirSync(discoveryDir(env)), []);
  rmSync(home, { recursive: true, force: true });
});
