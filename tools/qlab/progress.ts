/**
 * What qlab remembers of a student, in .queuelab/progress.json at the root of their copy of the kit:
 * the language they chose (`qlab lang`), and when they passed each lab in each language.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLanguage, type Language } from '../../labs-kit/language.ts';

const root = new URL('../../', import.meta.url).pathname;

export interface Progress {
  lang?: Language;
  /** Lab folder → language → when it passed. */
  done: Record<string, Partial<Record<Language, string>>>;
}

export function progressPath(base = root): string {
  return join(base, '.queuelab', 'progress.json');
}

export function readProgress(base = root): Progress {
  let raw: Record<string, unknown>;
  try { raw = JSON.parse(readFileSync(progressPath(base), 'utf8')) as Record<string, unknown>; } catch { return { done: {} }; }
  if (raw.done === undefined) {
    // Before languages the file was { "<lab folder>": "<when it passed>" }, all in TypeScript.
    const done: Progress['done'] = {};
    for (const [dir, at] of Object.entries(raw)) if (typeof at === 'string') done[dir] = { ts: at };
    return { done };
  }
  const lang = typeof raw.lang === 'string' ? parseLanguage(raw.lang) : undefined;
  return { ...(lang ? { lang } : {}), done: raw.done as Progress['done'] };
}

function write(p: Progress, base: string): void {
  mkdirSync(join(base, '.queuelab'), { recursive: true });
  writeFileSync(progressPath(base), JSON.stringify(p, null, 2) + '\n');
}

/** True when the lab passed in some language. */
export function isDone(p: Progress, labDir: string): boolean {
  return Object.keys(p.done[labDir] ?? {}).length > 0;
}

export function markDone(labDir: string, lang: Language, base = root): void {
  const p = readProgress(base);
  p.done[labDir] = { ...p.done[labDir], [lang]: new Date().toISOString() };
  write(p, base);
}

export function setLanguage(lang: Language, base = root): void {
  write({ ...readProgress(base), lang }, base);
}
