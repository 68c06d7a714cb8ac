/**
 * The local admin credential of a running broker-sim, so `broker-sim user add …` and the other
 * admin commands change the running broker at once instead of writing its database behind its back.
 * The commands find the broker of the database through discovery (discovery.ts) and present this.
 *
 * A broker with a database file and the management API writes `<database>.admin-token` next to the
 * file: its pid and a random token, readable by the file's owner only (0600). The API takes
 * `Authorization: Bearer <token>` as an administrator from loopback connections only. So whoever may
 * read the database file may administer its broker from this machine — no more than they could do
 * by editing the file — and no one else, and no other machine, can. A new token is made at each
 * start; the file goes when the broker stops.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface AdminTokenFile { pid: number; token: string }

export function adminTokenPath(dbPath: string): string {
  return `${resolve(dbPath)}.admin-token`;
}

export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Writes the file for this process (replacing any earlier one); returns what removes it again. */
export function writeAdminToken(dbPath: string, token: string): () => void {
  const path = adminTokenPath(dbPath);
  const body: AdminTokenFile = { pid: process.pid, token };
  // Removed first: an existing file would keep its own mode; 'wx' then creates it 0600 or fails.
  rmSync(path, { force: true });
  writeFileSync(path, JSON.stringify(body) + '\n', { mode: 0o600, flag: 'wx' });
  return () => {
    if (readAdminToken(dbPath)?.token === token) rmSync(path, { force: true });
  };
}

/** The credential a broker wrote for this database, or undefined when there is none. */
export function readAdminToken(dbPath: string): AdminTokenFile | undefined {
  if (dbPath === ':memory:') return undefined;
  try {
    const d = JSON.parse(readFileSync(adminTokenPath(dbPath), 'utf8')) as AdminTokenFile;
    return typeof d.token === 'string' && Number.isInteger(d.pid) ? d : undefined;
  } catch {
    return undefined;
  }
}
