/** Each queue's depth (ready + unacknowledged) over the last minutes, and its sparkline. */
import type { PageSnapshot } from './snapshot.ts';

/** Samples kept per queue: at one a second, the last four minutes. */
export const HISTORY = 240;

export class DepthHistory {
  private readonly depths = new Map<string, number[]>();

  /** Adds one sample for every queue of the snapshot; forgets queues that are gone. */
  record(s: PageSnapshot): void {
    const seen = new Set<string>();
    for (const q of s.queues) {
      const key = `${q.vhost}/${q.name}`;
      seen.add(key);
      const h = this.depths.get(key) ?? [];
      h.push(q.messages ?? (q.messages_ready ?? 0) + (q.messages_unacknowledged ?? 0));
      if (h.length > HISTORY) h.splice(0, h.length - HISTORY);
      this.depths.set(key, h);
    }
    for (const key of [...this.depths.keys()]) {
      if (key.startsWith(`${s.vhost}/`) && !seen.has(key)) this.depths.delete(key);
    }
  }

  of(vhost: string, queue: string): number[] {
    return this.depths.get(`${vhost}/${queue}`) ?? [];
  }
}

/**
 * The last `samples` values as SVG polyline points in a width × height box, scaled to the largest
 * (a flat line along the bottom when all are 0). Newest on the right.
 */
export function sparklinePoints(values: number[], width: number, height: number, samples = 60): string {
  const tail = values.slice(-samples);
  if (tail.length === 0) return '';
  const max = Math.max(...tail);
  const step = samples > 1 ? width / (samples - 1) : width;
  const x0 = width - step * (tail.length - 1);
  return tail.map((v, i) => {
    const y = max === 0 ? height : height - (v / max) * height;
    return `${round(x0 + i * step)},${round(y)}`;
  }).join(' ');
}

const round = (n: number): number => Math.round(n * 10) / 10;
