/**
 * Which language a copy of a lab is worked in, when the student has not said: the only one whose
 * files are there; else the one whose files differ from the committed starters; else (both or
 * neither do) the one changed last; TypeScript when nothing tells them apart (an untouched copy).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lab } from '../labs/manifest.ts';
import { EXTENSION, labFiles, LANGUAGES, type Language } from './language.ts';

const root = resolve(new URL('../', import.meta.url).pathname);
const starters = new Map<string, string | undefined>();

/** A starter as committed (git's HEAD); the kit's labs/ file when there is no git. */
function starter(lab: Lab, file: string): string | undefined {
  const key = `${lab.dir}/${file}`;
  if (!starters.has(key)) {
    const git = spawnSync('git', ['-C', root, 'show', `HEAD:labs/${key}`], { encoding: 'utf8' });
    const kitCopy = join(root, 'labs', key);
    starters.set(key, git.status === 0 ? git.stdout : existsSync(kitCopy) ? readFileSync(kitCopy, 'utf8') : undefined);
  }
  return starters.get(key);
}

export interface DetectedLanguage { language: Language; reason: string }

export function detectLanguage(lab: Lab, labDir: string): DetectedLanguage {
  const files = (lang: Language): string[] => labFiles(lab, lang).map((f) => join(labDir, f)).filter((f) => existsSync(f));
  const present = LANGUAGES.filter((l) => files(l).length > 0);
  if (present.length <= 1) {
    const language = present[0] ?? 'ts';
    return { language, reason: present.length ? `only its ${EXTENSION[language]} files are there` : 'none of its files are there' };
  }
  const changed = present.filter((l) => labFiles(lab, l).some((f) => {
    const path = join(labDir, f);
    return existsSync(path) && readFileSync(path, 'utf8') !== starter(lab, f);
  }));
  if (changed.length === 1) return { language: changed[0]!, reason: `its ${EXTENSION[changed[0]!]} files differ from the starters` };
  const newest = (l: Language): number => Math.max(...files(l).map((f) => statSync(f).mtimeMs));
  const [language] = [...present].sort((a, b) => newest(b) - newest(a));
  if (newest(language!) === Math.min(...present.map(newest))) return { language: 'ts', reason: 'nothing tells the languages apart' };
  return { language: language!, reason: `its ${EXTENSION[language!]} files changed last` };
}
