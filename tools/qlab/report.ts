/** Grading reports: one student's steps for the terminal; a class as Markdown, JSON and JUnit XML. */
import type { LabResult } from '../../labs-kit/grade-lab.ts';
import { LANGUAGE_NAME, TAG } from '../../labs-kit/language.ts';
import type { CopyFlag } from './grade-flags.ts';

const MARK: Record<string, string> = { passed: '✔', failed: '✘', skipped: '-', 'not run': '·' };

export function formatLabResult(r: LabResult): string {
  const lines = [`${r.passed ? '✔' : '✘'} ${r.lab} ${r.title} (${LANGUAGE_NAME[r.language]}): ${r.score}/${r.total} steps`];
  for (const s of r.steps) lines.push(`   ${MARK[s.status]} ${s.step}${s.detail && s.status !== 'passed' ? `\n       ${s.detail}` : ''}`);
  return lines.join('\n');
}

export interface StudentResult { student: string; labs: LabResult[] }

/** A lab in the class table: ✓ passed, ✗ failed, missing (none of its files), in which language. */
function cell(lab: LabResult | undefined): string {
  if (!lab) return '—';
  if (lab.missing) return 'missing';
  return `${lab.passed ? '✓' : '✗'} ${TAG[lab.language]}`;
}

/** The step a failed lab stopped at, and why, in one line. */
export function failedStep(lab: LabResult): { step: string; reason: string } | undefined {
  const s = lab.steps.find((x) => x.status === 'failed');
  return s ? { step: s.step, reason: (s.detail ?? 'failed').split('\n')[0]! } : undefined;
}

/**
 * grades.md: student × lab (✓ / ✗ / missing), how many passed each lab, then each failed lab's step
 * and reason, then the copies a human should look at (flags never change a score).
 */
export function classMarkdown(results: StudentResult[], labs: string[], flags: CopyFlag[] = []): string {
  const ids = labs.map((l) => l.slice(0, 2));
  const lines = [`| student | ${ids.join(' | ')} | passed |`, `|---|${labs.map(() => '---').join('|')}|---|`];
  for (const r of results) {
    const cells = labs.map((l) => cell(r.labs.find((x) => x.lab === l)));
    lines.push(`| ${r.student} | ${cells.join(' | ')} | ${r.labs.filter((l) => l.passed).length}/${labs.length} |`);
  }
  const passedBy = labs.map((l) => results.filter((r) => r.labs.some((x) => x.lab === l && x.passed)).length);
  lines.push(`| **passed** | ${passedBy.map((n) => `${n}/${results.length}`).join(' | ')} | |`);
  const failures = results.flatMap((r) => r.labs.filter((l) => !l.passed && !l.missing).map((l) => ({ student: r.student, lab: l })));
  if (failures.length) {
    lines.push('', '## Failed labs', '');
    for (const { student, lab } of failures) {
      const f = failedStep(lab);
      lines.push(`- ${student}, ${lab.lab} (${TAG[lab.language]}): ${f ? `“${f.step}”: ${f.reason}` : 'no step passed'}`);
    }
  }
  if (flags.length) {
    lines.push('', '## To look at (not scored)', '');
    for (const f of flags) lines.push(`- ${f.lab}: ${f.students.join(', ')} — ${f.of === 'solutions' ? 'identical to solutions/' : 'identical to each other'}`);
  }
  return lines.join('\n') + '\n';
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
