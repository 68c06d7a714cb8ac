/**
 * What qlab remembers of a student, in .queuelab/progress.json at the root of their copy of the kit:
 * the language they chose (`qlab lang`), when they passed each lab in each language (and what its
 * files were then: a lab changed since it passed is no longer done), and how many hints they have seen.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLab } from '../../labs/manifest.ts';
import { labFiles, LANGUAGES, parseLanguage, type Language } from '../../labs-kit/language.ts';

const root = new URL('../../', import.meta.url).pathname;

export interface Progress {
  lang?: Language;
  /** Lab folder → language → when it passed. */
  done: Record<string, Partial<Record<Language, string>>>;
  /** Lab folder → language → a hash of the lab's files when it passed. */
  passedWith?: Record<string, Partial<Record<Language, string>>>;
  /** Lab folder → language → how many of its hints have been shown. */
  hints?: Record<string, Partial<Record<Language, number>>>;
}

type PerLab<T> = Record<string, Partial<Record<Language, T>>>;

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
  return {
    ...(lang ? { lang } : {}), done: raw.done as Progress['done'],
    ...(raw.passedWith ? { passedWith: raw.passedWith as PerLab<string> } : {}),
    ...(raw.hints ? { hints: raw.hints as PerLab<number> } : {}),
  };
}

/** A hash of a lab's files in one language as they are now in `base`/labs. */
export function labHash(labDir: string, lang: Language, base = root): string {
  const lab = findLab(labDir);
  const hash = createHash('sha1');
  for (const f of lab ? labFiles(lab, lang) : []) {
    const path = join(base, 'labs', labDir, f);
    hash.update(`${f}\0`).update(existsSync(path) ? readFileSync(path) : '');
  }
  return hash.digest('hex');
}

function write(p: Progress, base: string): void {
  mkdirSync(join(base, '.queuelab'), { recursive: true });
  writeFileSync(progressPath(base), JSON.stringify(p, null, 2) + '\n');
}

/**
 * 'done' when the lab passed in this language and its files are as they were then; 'changed' when
 * they have changed since (it is checked again by the next verify); undefined when it never passed.
 */
export function doneState(p: Progress, labDir: string, lang: Language, base = root): 'done' | 'changed' | undefined {
  if (!p.done[labDir]?.[lang]) return undefined;
  const then = p.passedWith?.[labDir]?.[lang];
  return then === undefined || then === labHash(labDir, lang, base) ? 'done' : 'changed';
}

/** True when the lab passed in some language, with its files unchanged since. */
export function isDone(p: Progress, labDir: string, base = root): boolean {
  return LANGUAGES.some((lang) => doneState(p, labDir, lang, base) === 'done');
}

export function markDone(labDir: string, lang: Language, base = root): void {
  const p = readProgress(base);
  p.done[labDir] = { ...p.done[labDir], [lang]: new Date().toISOString() };
  p.passedWith = { ...p.passedWith, [labDir]: { ...p.passedWith?.[labDir], [lang]: labHash(labDir, lang, base) } };
  write(p, base);
}

/** How many hints of the lab the student has seen in this language. */
export function hintsSeen(p: Progress, labDir: string, lang: Language): number {
  return p.hints?.[labDir]?.[lang] ?? 0;
}

export function setHintsSeen(labDir: string, lang: Language, n: number, base = root): void {
  const p = readProgress(base);
  p.hints = { ...p.hints, [labDir]: { ...p.hints?.[labDir], [lang]: n } };
  write(p, base);
}

export function setLanguage(lang: Language, base = root): void {
  write({ ...readProgress(base), lang }, base);
}
