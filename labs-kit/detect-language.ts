/**
 * Which language a copy of a lab is worked in, when the student has not said: the only one whose
 * files are there; else the one whose files differ from the starters (labs-kit/starters.json, so
 * a student's commits do not make their work look untouched); else (both or
 * neither do) the one changed last; TypeScript when nothing tells them apart (an untouched copy).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../labs/manifest.ts';
import { EXTENSION, labFiles, LANGUAGES, type Language } from './language.ts';
import { isStarter } from './starters.ts';

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
    return existsSync(path) && !isStarter(lab, f, path);
  }));
  if (changed.length === 1) return { language: changed[0]!, reason: `its ${EXTENSION[changed[0]!]} files differ from the starters` };
  const newest = (l: Language): number => Math.max(...files(l).map((f) => statSync(f).mtimeMs));
  const [language] = [...present].sort((a, b) => newest(b) - newest(a));
  if (newest(language!) === Math.min(...present.map(newest))) return { language: 'ts', reason: 'nothing tells the languages apart' };
  return { language: language!, reason: `its ${EXTENSION[language!]} files changed last` };
}
