/** Which labs a student has passed: .queuelab/progress.json at the root of their copy of the kit. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

export function progressPath(base = root): string {
  return join(base, '.queuelab', 'progress.json');
}

export function readProgress(base = root): Record<string, string> {
  try { return JSON.parse(readFileSync(progressPath(base), 'utf8')) as Record<string, string>; } catch { return {}; }
}

export function markDone(labDir: string, base = root): void {
  const p = readProgress(base);
  p[labDir] = new Date().toISOString();
  mkdirSync(join(base, '.queuelab'), { recursive: true });
  writeFileSync(progressPath(base), JSON.stringify(p, null, 2) + '\n');
}
