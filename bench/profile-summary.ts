/**
 * Where a broker's CPU time went, from a V8 profile written by `npm run bench -- --cpu-prof DIR`:
 * self time per function and per part of broker-sim (protocol, server, core, store, http) against
 * Node's own and the garbage collector.  Usage: npx tsx bench/profile-summary.ts DIR/CPU.*.cpuprofile
 */
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** The part of the program a function belongs to, from its source URL. */
export function partOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'garbage collector';
  if (fn === '(idle)' || fn === '(program)') return fn.slice(1, -1);
  const m = /broker-sim\/src\/([a-z-]+)\//.exec(url);
  if (m) return `broker-sim ${m[1]}`;
  if (url.includes('/dist/broker-sim.mjs')) return 'broker-sim (its bundle)';
  if (url.includes('better-sqlite3')) return 'better-sqlite3 (SQLite)';
  if (url.startsWith('node:') || url === '') return 'Node.js (sockets, timers, buffers)';
  return url.replace(/^.*node_modules\//, '').split('/')[0] ?? url;
}

export function summarize(p: Profile, top = 15): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const busy = total - [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const parts = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') continue;
    const part = partOf(f.url, f.functionName);
    parts.set(part, (parts.get(part) ?? 0) + t);
    const name = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(broker-sim|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
    fns.set(name, (fns.get(name) ?? 0) + t);
  }
  const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${pct(t)}  ${n}`);
  return [`busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms sampled`, '', 'by part:', ...list(parts, 12), '', 'by function (self time):', ...list(fns, top)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) { console.error('usage: npx tsx bench/profile-summary.ts FILE.cpuprofile'); process.exit(1); }
  console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile));
}
