#!/usr/bin/env node
// Bundles broker-sim, and the qtop dashboard its launcher plugs in, into dist/ (run by `npm install`
// through "prepare"): plain JavaScript starts faster and needs less memory than TypeScript compiled
// on the fly by tsx. Beside the bundles it writes inputs.json, every file they were made from
// (scripts/bundle-inputs.mjs): bin/broker-sim.js runs the bundles only while none of those has
// changed, so an edited source — of broker-sim or of qtop — is never shadowed by a stale build.
// `node scripts/build.mjs --outdir DIR` builds elsewhere (the tests do).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBundleInputs } from './bundle-inputs.mjs';

const root = new URL('../', import.meta.url).pathname;
const { values } = parseArgs({ options: { outdir: { type: 'string', default: join(root, 'dist') } } });
const outdir = resolve(values.outdir);
const entries = { 'broker-sim': 'broker-sim/src/main.ts', 'qtop-attach': 'tools/qtop/attach.ts' };
/** Read at run time beside the bundle (new URL('./schema.sql', import.meta.url)), so copied. */
const assets = ['broker-sim/src/store/schema.sql'];

const builtAt = Date.now();
mkdirSync(outdir, { recursive: true });
rmSync(join(outdir, 'inputs.json'), { force: true }); // no list while the bundles may be half written
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
for (const a of assets) copyFileSync(join(root, a), join(outdir, basename(a)));
writeBundleInputs(join(outdir, 'inputs.json'), {
  builtAt,
  outputs: Object.keys(entries).map((name) => relative(root, join(outdir, `${name}.mjs`))),
  inputs: [...Object.keys(metafile.inputs), ...assets],
});
