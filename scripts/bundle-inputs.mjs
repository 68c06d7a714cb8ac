// The list of files a build of dist/ was made from (written by scripts/build.mjs), and the check
// bin/broker-sim.js makes on every start that none of them has changed since: one stat per file,
// a few milliseconds. Paths in the list are relative to the repository root.
import { readFileSync, statSync, writeFileSync } from 'node:fs';

/** A file touched this close before the build started may have been read in its older state. */
export const CLOCK_SLACK_MS = 20;

/**
 * Writes the list: when the build started (ms since the epoch), the files it wrote and every file
 * it read.
 * @param {string} file
 * @param {{ builtAt: number, outputs: string[], inputs: string[] }} list
 */
export function writeBundleInputs(file, list) {
  writeFileSync(file, JSON.stringify({ ...list, inputs: [...list.inputs].sort() }, null, 1) + '\n');
}

/**
 * True when the build listed in `listFile` is complete and no file it was made from has changed
 * (or gone) since it started.
 * @param {URL} root the repository root, ending in '/'
 * @param {string} listFile relative to root
 */
export function bundleIsFresh(root, listFile = 'dist/inputs.json') {
  try {
    const { builtAt, outputs, inputs } = JSON.parse(readFileSync(new URL(listFile, root), 'utf8'));
    for (const f of outputs) statSync(new URL(f, root));
    return inputs.every((f) => statSync(new URL(f, root)).mtimeMs < builtAt - CLOCK_SLACK_MS);
  } catch {
    return false; // no build, a half-written one, or a file it was made from is gone
  }
}
