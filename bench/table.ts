/** The bench's table: one row per measure, both brokers, their ratio and whether the target is met. */
import type { Measure } from './scenarios.ts';

interface Row { title: string; sim: Measure[]; other: Measure[] }

export function renderTable(results: Row[], otherName?: string): string {
  const header = ['scenario', 'measure', 'broker-sim', ...(otherName ? [otherName, 'ratio', 'target', 'met'] : ['target', 'met'])];
  const rows: string[][] = [];
  for (const r of results) {
    r.sim.forEach((m, i) => {
      const o = r.other[i];
      const ratio = o && o.value > 0 ? m.value / o.value : undefined;
      const met = verdict(m, ratio);
      rows.push([r.title, m.name, fmt(m), ...(otherName ? [o ? fmt(o) : '—', ratio === undefined ? '—' : `${ratio.toFixed(2)}×`] : []),
        m.target ?? '—', met]);
    });
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function fmt(m: Measure): string {
  const v = m.value >= 100 ? Math.round(m.value).toLocaleString('en-US') : m.value.toFixed(m.value >= 10 ? 1 : 2);
  return `${v} ${m.unit}`;
}

/** ✓/✗ against the measure's target: a ratio to the other broker, or an absolute bound. */
function verdict(m: Measure, ratio: number | undefined): string {
  if (m.maxValue !== undefined) return m.value <= m.maxValue ? '✓' : '✗';
  if (ratio === undefined) return '—';
  if (m.minRatio !== undefined) return ratio >= m.minRatio ? '✓' : '✗';
  if (m.maxRatio !== undefined) return ratio <= m.maxRatio ? '✓' : '✗';
  return '—';
}
