/** The bench's table: one row per measure, both brokers (median, min–max), their ratio and whether the target is met. */
import type { Measure } from './measure.ts';

export interface Row { scenario: string; title: string; runs: number; sim: Measure[]; other: Measure[] }

export function renderTable(results: Row[], otherName?: string): string {
  const header = ['scenario', 'measure', 'broker-sim', ...(otherName ? [otherName, 'ratio'] : []), 'target', 'met'];
  const rows: string[][] = [];
  for (const r of results) {
    r.sim.forEach((m, i) => {
      const o = r.other[i];
      const ratio = o && o.value > 0 && Number.isFinite(m.value) ? m.value / o.value : undefined;
      rows.push([r.title, m.name, fmt(m), ...(otherName ? [o ? fmt(o) : '—', ratio === undefined ? '—' : `${ratio.toFixed(2)}×`] : []),
        m.target ?? '—', verdict(m, ratio)]);
    });
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const num = (v: number): string => (!Number.isFinite(v) ? '—' : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(Math.abs(v) >= 10 ? 1 : 2));

function fmt(m: Measure): string {
  if (!Number.isFinite(m.value)) return '—';
  const range = m.min !== undefined && m.max !== undefined ? ` (${num(m.min)}–${num(m.max)})` : '';
  return `${num(m.value)} ${m.unit}${range}`;
}

/** ✓/✗ against the measure's target: a ratio to the other broker, or an absolute bound. */
function verdict(m: Measure, ratio: number | undefined): string {
  if (m.maxValue !== undefined) return !Number.isFinite(m.value) ? '—' : m.value <= m.maxValue ? '✓' : '✗';
  if (ratio === undefined) return '—';
  if (m.minRatio !== undefined) return ratio >= m.minRatio ? '✓' : '✗';
  if (m.maxRatio !== undefined) return ratio <= m.maxRatio ? '✓' : '✗';
  return '—';
}

/** How far apart repeated runs of the same broker were: the median over measures of (max − min) / median. */
export function noise(results: Row[]): { sim: string; other: string } {
  const spread = (ms: Measure[]): number[] => ms.filter((m) => m.min !== undefined && m.max !== undefined && m.value > 0)
    .map((m) => (m.max! - m.min!) / m.value);
  const med = (xs: number[]): string => {
    if (xs.length === 0) return '— (one run)';
    const s = [...xs].sort((a, b) => a - b);
    return `${(s[Math.floor(s.length / 2)]! * 100).toFixed(0)}%`;
  };
  return { sim: med(results.flatMap((r) => spread(r.sim))), other: med(results.flatMap((r) => spread(r.other))) };
}
