/**
 * The broker view's files for an HTTP server (broker-sim's management server, `qtop --web`):
 * `/` is the page, `/web/…` its script and style. They come from dist/web/ when that build is newer
 * than the page's sources, else from an in-memory build made once per change.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPage, kitRoot, newestSource, pageOutDir, pageSourceDir } from './bundle.ts';

export interface PageFile { body: Uint8Array; type: string }

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', map: 'application/json',
};

let cache: { stamp: number; files: Map<string, Uint8Array> } | undefined;
let building: Promise<Map<string, Uint8Array>> | undefined;

function fromDist(root: string, newest: number): Map<string, Uint8Array> | undefined {
  const dir = pageOutDir(root);
  try {
    if (statSync(join(dir, 'page.js')).mtimeMs < newest || statSync(join(dir, 'index.html')).mtimeMs < newest) return undefined;
    return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
  } catch {
    return undefined;
  }
}

async function files(): Promise<Map<string, Uint8Array>> {
  const root = kitRoot();
  const newest = newestSource(pageSourceDir(root));
  if (cache?.stamp === newest) return cache.files;
  const made = fromDist(root, newest) ?? await (building ??= buildPage({ root }).finally(() => { building = undefined; }));
  cache = { stamp: newest, files: made };
  return made;
}

/** The file a GET of `pathname` answers with, or undefined when the path is not the page's. */
export async function pageFile(pathname: string): Promise<PageFile | undefined> {
  const name = pathname === '/' || pathname === '/index.html' ? 'index.html' : /^\/web\/([\w.-]+)$/.exec(pathname)?.[1];
  if (name === undefined) return undefined;
  const body = (await files()).get(name);
  const ext = name.slice(name.lastIndexOf('.') + 1);
  return body === undefined ? undefined : { body, type: TYPES[ext] ?? 'application/octet-stream' };
}
