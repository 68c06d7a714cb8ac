#!/usr/bin/env -S node --max-semi-space-size=4
// Launcher: the bundled build (dist/, made by `npm install`) when it is newer than every source
// file of broker-sim, else the TypeScript sources through tsx's loader.
import { readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/broker-sim.mjs', root);

/** The newest modification time under dir, in ms. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

let useBundle = false;
try {
  useBundle = statSync(bundle).mtimeMs > newest(new URL('broker-sim/src/', root));
} catch { /* no bundle */ }
if (useBundle) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../broker-sim/src/main.ts');
}
