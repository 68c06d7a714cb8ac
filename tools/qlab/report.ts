/** Grading reports: one student's steps for the terminal; a class as Markdown, JSON and JUnit XML. */
import type { LabResult } from '../../labs-kit/grade-lab.ts';
import { LANGUAGE_NAME, TAG } from '../../labs-kit/language.ts';

const MARK: Record<string, string> = { passed: '✔', failed: '✘', skipped: '-', 'not run': '·' };

export function formatLabResult(r: LabResult): string {
  const lines = [`${r.passed ? '✔' : '✘'} ${r.lab} ${r.title} (${LANGUAGE_NAME[r.language]}): ${r.score}/${r.total} steps`];
  for (const s of r.steps) lines.push(`   ${MARK[s.status]} ${s.step}${s.detail && s.status !== 'passed' ? `\n       ${s.detail}` : ''}`);
  return lines.join('\n');
}

export interface StudentResult { student: string; labs: LabResult[] }

export function classMarkdown(results: StudentResult[], labs: string[]): string {
  const head = `| student | ${labs.join(' | ')} | total |`;
  const sep = `|---|${labs.map(() => '---').join('|')}|---|`;
  const rows = results.map((r) => {
    const cells = labs.map((l) => {
      const lab = r.labs.find((x) => x.lab === l);
      return lab ? `${lab.score}/${lab.total} ${TAG[lab.language]}` : '—';
    });
    const score = r.labs.reduce((a, l) => a + l.score, 0);
    const total = r.labs.reduce((a, l) => a + l.total, 0);
    return `| ${r.student} | ${cells.join(' | ')} | ${score}/${total} |`;
  });
  return [head, sep, ...rows].join('\n') + '\n';
}

const xml = (s: string): string => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

export function classJunit(results: StudentResult[]): string {
  const suites = results.map((r) => {
    const cases = r.labs.flatMap((l) => l.steps.map((s) => {
      const name = xml(`${l.lab} (${TAG[l.language]}): ${s.step}`);
      if (s.status === 'passed') return `    <testcase classname="${xml(r.student)}" name="${name}"/>`;
      if (s.status === 'skipped') return `    <testcase classname="${xml(r.student)}" name="${name}"><skipped message="${xml(s.detail ?? '')}"/></testcase>`;
      return `    <testcase classname="${xml(r.student)}" name="${name}"><failure message="${xml(s.detail ?? s.status)}"/></testcase>`;
    }));
    const failures = r.labs.flatMap((l) => l.steps).filter((s) => s.status === 'failed' || s.status === 'not run').length;
    return `  <testsuite name="${xml(r.student)}" tests="${cases.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}
