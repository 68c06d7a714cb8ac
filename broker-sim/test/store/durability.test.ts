/**
 * What a confirm promises: by default each group commit is fsynced (SQLite synchronous=FULL in
 * WAL mode), so a confirmed message survives a power cut as on RabbitMQ; --durability process
 * keeps synchronous=NORMAL (survives a kill of the broker only). The broker says which, in its
 * start-up log and in the management API's overview.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateSim } from '../../../test/support/brokers.ts';
import { ManagementClient } from '../../../tools/shared/management-client.ts';
import { openDatabase } from '../../src/store/database.ts';
import { durabilityLine } from '../../src/cli/serve-command.ts';

const SYNCHRONOUS = { NORMAL: 1, FULL: 2 };

test('the database is opened with fsync per commit by default, and without it for --durability process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-durability-'));
  const disk = openDatabase(join(dir, 'a.db'));
  assert.equal(disk.pragma('synchronous', { simple: true }), SYNCHRONOUS.FULL);
  assert.equal(disk.pragma('journal_mode', { simple: true }), 'wal');
  disk.close();
  const process = openDatabase(join(dir, 'b.db'), { durability: 'process' });
  assert.equal(process.pragma('synchronous', { simple: true }), SYNCHRONOUS.NORMAL);
  process.close();
});

test('the management API reports the durability mode in the overview, and the start-up line says what it promises', async () => {
  for (const [options, expected] of [[{}, 'disk'], [{ durability: 'process' as const }, 'process'], [{ dbPath: ':memory:' }, 'memory']] as const) {
    const sim = await startPrivateSim(options);
    try {
      const overview = await new ManagementClient({ url: sim.managementUrl! }).getOverview();
      assert.equal(overview.durability, expected);
      assert.equal(overview.product_name, 'broker-sim', "RabbitMQ's fields are still there");
      assert.match(durabilityLine(sim.sim.broker.storage.durability), new RegExp(`^durability ${expected}: `));
    } finally {
      await sim.close();
    }
  }
});
