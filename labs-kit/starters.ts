/**
 * The untouched starters, whatever the student has done to labs/ (edited, committed, pushed):
 * labs-kit/starters.json lists every starter file by its git blob id (the SHA-1 git gives the
 * content), so a file is a starter when its id is listed, and the starter's content comes back from
 * git's object store by that id. Without git (a copy from a zip) labs/'s own file serves while it
 * is still the starter.
 *
 * After changing a starter: `npm run starters` rewrites the list (`--check` only compares).
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lab } from '../labs/manifest.ts';
import { linkHelpers } from './grade-lab.ts';

const root = resolve(new URL('../', import.meta.url).pathname);
export const STARTERS_FILE = join(root, 'labs-kit', 'starters.json');

/** The files of a lab folder that are starters: everything but its README and links to the labs' helpers. */
export const isStarterFile = (dir: string, name: string): boolean =>
  name !== 'README.md' && !name.startsWith('.') && !lstatSync(join(dir, name)).isSymbolicLink();

/** Git's id of a file's content: sha1("blob <size>\0" + content). */
export function blobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** `NN-name/file` → blob id, as listed. */
export function listedStarters(): Record<string, string> {
  return JSON.parse(readFileSync(STARTERS_FILE, 'utf8')) as Record<string, string>;
}

let listed: Record<string, string> | undefined;
const list = (): Record<string, string> => (listed ??= listedStarters());

/** The files of a lab that are starters, by name. */
export function starterFiles(lab: Lab): string[] {
  return Object.keys(list()).filter((k) => k.startsWith(`${lab.dir}/`)).map((k) => k.slice(lab.dir.length + 1));
}

/** True when `path` holds the untouched starter `file` of the lab. */
export function isStarter(lab: Lab, file: string, path: string): boolean {
  const id = list()[`${lab.dir}/${file}`];
  return id !== undefined && existsSync(path) && blobId(readFileSync(path)) === id;
}

/** The starter's content: from git by its id, else labs/'s file while it is still the starter. */
export function starterContent(lab: Lab, file: string): Buffer | undefined {
  const id = list()[`${lab.dir}/${file}`];
  if (id === undefined) return undefined;
  const git = spawnSync('git', ['-C', root, 'cat-file', 'blob', id], { maxBuffer: 16 << 20 });
  if (git.status === 0) return git.stdout;
  const kitCopy = join(root, 'labs', lab.dir, file);
  return isStarter(lab, file, kitCopy) ? readFileSync(kitCopy) : undefined;
}

/**
 * A folder holding the lab's untouched starters (inside the kit, so their imports resolve), or the
 * names of the starters that cannot be had (labs/ changed and no git to get them from).
 */
export function pristineLab(lab: Lab): { dir: string; missing: string[]; cleanup(): void } {
  const dir = join(root, '.queuelab', 'starters', randomBytes(6).toString('hex'), lab.dir);
  mkdirSync(dir, { recursive: true });
  const missing: string[] = [];
  for (const file of starterFiles(lab)) {
    const content = starterContent(lab, file);
    if (content) writeFileSync(join(dir, file), content); else missing.push(file);
  }
  linkHelpers(join(dir, '..'), dir);
  return { dir, missing, cleanup: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}

/** The list as the working tree's labs/ makes it: what `npm run starters` writes. */
export function currentStarters(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lab of readdirSync(join(root, 'labs')).filter((d) => /^\d\d-/.test(d)).sort()) {
    for (const file of readdirSync(join(root, 'labs', lab)).filter((f) => isStarterFile(join(root, 'labs', lab), f)).sort()) {
      out[`${lab}/${file}`] = blobId(readFileSync(join(root, 'labs', lab, file)));
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const now = JSON.stringify(currentStarters(), null, 2) + '\n';
  if (process.argv.includes('--check')) {
    const same = existsSync(STARTERS_FILE) && readFileSync(STARTERS_FILE, 'utf8') === now;
    console.log(same ? 'labs-kit/starters.json lists labs/ as it is' : 'labs/ differs from labs-kit/starters.json');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(STARTERS_FILE, now);
  console.log(`wrote ${STARTERS_FILE}: ${Object.keys(JSON.parse(now) as object).length} starter files`);
}
