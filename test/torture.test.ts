/** The short crash-safety run in every `npm test`: 3 kill -9 cycles each way (npm run torture does 20+). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runTorture, tortureTable } from '../bench/torture.ts';

for (const atMostOnce of [false, true]) {
  test(`3 kill -9 cycles${atMostOnce ? ' at most once' : ''}: no confirmed message lost, no acked one back${atMostOnce ? ', none delivered twice' : ''}`, { timeout: 120_000 }, async () => {
    const seed = Number(process.env.TORTURE_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const r = await runTorture({ cycles: 3, publishers: 2, consumers: 2, seed, atMostOnce, runMs: [300, 900] });
    console.log(tortureTable(r));
    assert.ok(r.confirmed > 100, `enough traffic to mean something (${r.confirmed} confirmed)`);
    assert.equal(r.lost, 0, `seed ${seed}: confirmed messages lost`);
    assert.equal(r.ackedCameBack, 0, `seed ${seed}: acked messages came back`);
    assert.equal(r.duplicated, 0, `seed ${seed}: messages delivered twice`);
  });
}
