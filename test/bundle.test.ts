/**
 * The bundle in dist/ runs only while it is up to date: the build lists every file it was made
 * from, broker-sim's and qtop's alike, and the launcher's check says stale as soon as one changes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { bundleIsFresh as fresh, CLOCK_SLACK_MS, writeBundleInputs } from '../scripts/bundle-inputs.mjs';

const root = new URL('../', import.meta.url).pathname;

test('the build lists every file in its bundles, qtop\'s dashboard and the schema included', async () => {
  const out = mkdtempSync(join(tmpdir(), 'queuelab-build-'));
  try {
    await promisify(execFile)(process.execPath, [join(root, 'scripts/build.mjs'), '--outdir', out]);
    const list = JSON.parse(readFileSync(join(out, 'inputs.json'), 'utf8')) as { outputs: string[]; inputs: string[] };
    for (const f of ['broker-sim/src/main.ts', 'broker-sim/src/core/broker.ts', 'broker-sim/src/store/schema.sql',
      'tools/qtop/attach.ts', 'tools/qtop/dashboard.ts', 'tools/qtop/render.ts']) {
      assert.ok(list.inputs.includes(f), `${f} is listed`);
    }
    assert.ok(!list.inputs.some((f) => f.includes('node_modules')), 'packages stay outside the bundle');
    assert.equal(list.outputs.length, 2);
    assert.equal(fresh(pathToFileURL(root), join(out, 'inputs.json')), true, 'a build just made is fresh');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a bundle is stale once a file it was made from changes or goes, or an output is missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-fresh-'));
  const at = new URL(`${pathToFileURL(dir).href}/`);
  try {
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'dist'));
    for (const f of ['src/a.ts', 'src/b.ts', 'dist/out.mjs']) writeFileSync(join(dir, f), '');
    const past = new Date(Date.now() - 60_000);
    for (const f of ['src/a.ts', 'src/b.ts']) utimesSync(join(dir, f), past, past);
    writeBundleInputs(join(dir, 'dist/inputs.json'), { builtAt: Date.now(), outputs: ['dist/out.mjs'], inputs: ['src/b.ts', 'src/a.ts'] });
    assert.equal(fresh(at), true, 'nothing changed since the build');

    const justBefore = new Date(Date.now() - CLOCK_SLACK_MS / 2);
    utimesSync(join(dir, 'src/b.ts'), justBefore, justBefore);
    assert.equal(fresh(at), false, 'a file edited as the build started may have been read before the edit');
    utimesSync(join(dir, 'src/b.ts'), past, past);
    assert.equal(fresh(at), true);

    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'src/a.ts'), later, later);
    assert.equal(fresh(at), false, 'an edited input');
    utimesSync(join(dir, 'src/a.ts'), past, past);

    rmSync(join(dir, 'src/b.ts'));
    assert.equal(fresh(at), false, 'a removed input');
    writeFileSync(join(dir, 'src/b.ts'), '');
    utimesSync(join(dir, 'src/b.ts'), past, past);
    assert.equal(fresh(at), true);

    rmSync(join(dir, 'dist/out.mjs'));
    assert.equal(fresh(at), false, 'a missing output');
    assert.equal(fresh(at, 'dist/none.json'), false, 'no build at all');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
