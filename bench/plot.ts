/**
 * The growth rows as one SVG of small panels (size on a log axis, both brokers as lines), written by
 * the bench beside its table so README can show how cost grows. Plain SVG: no plotting dependency.
 */
import type { Measure } from './measure.ts';
import type { Row } from './table.ts';

interface Series { label: string; color: string; dash?: string; points: [number, number][] }
interface Panel { title: string; unit: string; series: Series[] }

const SIM = '#2563eb';
const RABBIT = '#ea580c';
const W = 360;
const H = 230;
const PAD = { left: 62, right: 14, top: 28, bottom: 48 };

/** Points of the measures named `name @ N`. */
function pointsOf(ms: Measure[], name: string): [number, number][] {
  return ms.flatMap((m) => {
    const hit = /^(.*) @ ([\d,]+)$/.exec(m.name);
    return hit && hit[1] === name && Number.isFinite(m.value) ? [[Number(hit[2]!.replace(/,/g, '')), m.value] as [number, number]] : [];
  });
}

function panelsOf(results: Row[]): Panel[] {
  const row = (id: string) => results.find((r) => r.scenario === id);
  const both = (r: Row | undefined, name: string, dash?: string, suffix = ''): Series[] => r ? [
    { label: `broker-sim${suffix}`, color: SIM, ...(dash ? { dash } : {}), points: pointsOf(r.sim, name) },
    { label: `RabbitMQ${suffix}`, color: RABBIT, ...(dash ? { dash } : {}), points: pointsOf(r.other, name) },
  ] : [];
  const backlog = row('backlog');
  return [
    { title: 'RSS with a backlog of persistent 1 KiB messages', unit: 'MiB', series: both(backlog, 'RSS with the backlog') },
    { title: 'backlog: publish (confirmed) and drain rates', unit: 'msg/s', series: [...both(backlog, 'publish (confirmed)', undefined, ', publish'), ...both(backlog, 'drain', '6 4', ', drain')] },
    { title: 'memory per idle connection', unit: 'KiB', series: both(row('connections'), 'RSS per idle connection') },
    { title: 'one queue, N consumers (prefetch 10)', unit: 'msg/s', series: both(row('consumers'), 'throughput') },
  ].filter((p) => p.series.some((s) => s.points.length > 1));
}

/** The first of 1, 2, 2.5, 5 × 10^k at or above v, so the axis ticks are round numbers. */
function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((c) => c >= v)!;
}

const fmt = (v: number): string => (v >= 1e6 ? `${+(v / 1e6).toFixed(1)}M` : v >= 1e3 ? `${+(v / 1e3).toFixed(1)}k` : `${+v.toFixed(1)}`);

function renderPanel(p: Panel, ox: number, oy: number): string {
  const pts = p.series.flatMap((s) => s.points);
  const xs = pts.map(([x]) => Math.log10(x));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const yMax = niceCeil(Math.max(...pts.map(([, y]) => y)) * 1.05);
  const px = (x: number) => ox + PAD.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  const py = (y: number) => oy + H - PAD.bottom - (y / yMax) * (H - PAD.top - PAD.bottom);
  const out = [`<text x="${ox + PAD.left}" y="${oy + 16}" font-size="12" font-weight="bold">${p.title}</text>`];
  for (let i = 0; i <= 4; i++) {
    const y = (yMax * i) / 4;
    out.push(`<line x1="${ox + PAD.left}" x2="${ox + W - PAD.right}" y1="${py(y)}" y2="${py(y)}" stroke="#e5e7eb"/>`,
      `<text x="${ox + PAD.left - 6}" y="${py(y) + 4}" font-size="10" text-anchor="end">${fmt(y)}</text>`);
  }
  for (const x of [...new Set(pts.map(([x]) => x))]) {
    out.push(`<text x="${px(x)}" y="${oy + H - PAD.bottom + 14}" font-size="10" text-anchor="middle">${fmt(x)}</text>`);
  }
  out.push(`<text x="${ox + 12}" y="${oy + (H - PAD.bottom + PAD.top) / 2}" font-size="10" transform="rotate(-90 ${ox + 12} ${oy + (H - PAD.bottom + PAD.top) / 2})" text-anchor="middle">${p.unit}</text>`);
  p.series.forEach((s, i) => {
    if (s.points.length === 0) return;
    const d = s.points.map(([x, y], j) => `${j ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      ...s.points.map(([x, y]) => `<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${s.color}"/>`),
      `<text x="${ox + PAD.left + (i % 2) * 140}" y="${oy + H - PAD.bottom + 27 + Math.floor(i / 2) * 11}" font-size="10" fill="${s.color}">${s.label}</text>`);
  });
  return out.join('\n');
}

/** The SVG, or undefined when the results hold no growth rows with two sizes or more. */
export function renderPlot(results: Row[]): string | undefined {
  const panels = panelsOf(results);
  if (panels.length === 0) return undefined;
  const cols = 2;
  const rows = Math.ceil(panels.length / cols);
  const body = panels.map((p, i) => renderPanel(p, (i % cols) * W, Math.floor(i / cols) * (H + 20))).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * W}" height="${rows * (H + 20)}" font-family="sans-serif">\n`
    + `<rect width="100%" height="100%" fill="white"/>\n${body}\n</svg>\n`;
}
