#!/usr/bin/env -S node --max-semi-space-size=4
// Launcher: runs broker-sim with qtop's dashboard plugged into its serve command. It runs the
// bundles in dist/ (made by `npm install`) while no file they were built from has changed since
// (scripts/bundle-inputs.mjs checks each one), else the TypeScript sources through tsx's loader.
import { bundleIsFresh } from '../scripts/bundle-inputs.mjs';

const bundled = bundleIsFresh(new URL('../', import.meta.url));
if (!bundled) (await import('tsx/esm/api')).register();
const { main } = await import(bundled ? '../dist/broker-sim.mjs' : '../broker-sim/src/main.ts');
const dashboard = bundled ? '../dist/qtop-attach.mjs' : '../tools/qtop/attach.ts';
await main(process.argv.slice(2), {
  dashboard: async (o) => (await import(dashboard)).attachDashboard(o),
});
