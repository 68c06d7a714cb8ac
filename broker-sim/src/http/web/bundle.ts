/**
 * Builds the broker view with esbuild: page.ts (and what it imports, dagre among them) into one
 * ES module for the browser, page.css beside it, index.html as it is. `npm install` runs it through
 * scripts/build.mjs into dist/web/; assets.ts runs it in memory when that build is missing or older
 * than the page's sources, so a clone run from source and an edited page are served right.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kit's folder, found upwards from this file (which may be bundled into dist/). */
export function kitRoot(): string {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    try {
      if ((JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string }).name === 'queuelab') return fileURLToPath(dir);
    } catch { /* not here */ }
    if (dir.pathname === '/') throw new Error('cannot find the queuelab folder (package.json) above ' + import.meta.url);
  }
}

export const pageSourceDir = (root = kitRoot()): string => join(root, 'broker-sim/src/http/web');
export const pageOutDir = (root = kitRoot()): string => join(root, 'dist/web');

/** The page's sources: what the bundle is made of (not tests, not the README screenshot). */
export function pageSources(dir = pageSourceDir()): string[] {
  return readdirSync(dir).filter((f) => /\.(ts|css|html)$/.test(f) && !f.endsWith('.test.ts')).map((f) => join(dir, f));
}

/** The newest modification time of the page's sources, ms. */
export const newestSource = (dir = pageSourceDir()): number => Math.max(...pageSources(dir).map((f) => statSync(f).mtimeMs));

/**
 * Bundles the page. With outdir, writes page.js, page.css, index.html there; without, returns the
 * files by name. Either way returns them.
 */
export async function buildPage(o: { root?: string; outdir?: string } = {}): Promise<Map<string, Uint8Array>> {
  const { build } = await import('esbuild');
  const src = pageSourceDir(o.root);
  const outdir = o.outdir ?? pageOutDir(o.root);
  const result = await build({
    entryPoints: [join(src, 'page.ts'), join(src, 'page.css')],
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    write: o.outdir !== undefined,
    logLevel: 'warning',
  });
  const files = new Map<string, Uint8Array>();
  const html = readFileSync(join(src, 'index.html'));
  files.set('index.html', html);
  if (o.outdir !== undefined) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(outdir, 'index.html'), html);
    for (const f of readdirSync(outdir)) files.set(f, readFileSync(join(outdir, f)));
  } else {
    for (const f of result.outputFiles ?? []) files.set(basename(f.path), f.contents);
  }
  return files;
}
