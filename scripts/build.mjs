#!/usr/bin/env node
// Bundles broker-sim into dist/broker-sim.mjs (run by `npm install` through "prepare"): plain
// JavaScript starts faster and needs less memory than TypeScript compiled on the fly by tsx.
// bin/broker-sim.js uses the bundle only while it is newer than every source file, so an edited
// source is never shadowed by a stale build. The broker view (broker-sim/src/http/web) goes to
// dist/web/ for the browser; its build lives in bundle.ts, which the servers also run in memory
// when dist/web/ is missing or stale.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const root = new URL('../', import.meta.url).pathname;
mkdirSync(`${root}dist`, { recursive: true });
await build({
  entryPoints: [`${root}broker-sim/src/main.ts`],
  outfile: `${root}dist/broker-sim.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
copyFileSync(`${root}broker-sim/src/store/schema.sql`, `${root}dist/schema.sql`);

register();
const { buildPage } = await import('../broker-sim/src/http/web/bundle.ts');
await buildPage({ root, outdir: `${root}dist/web` });
