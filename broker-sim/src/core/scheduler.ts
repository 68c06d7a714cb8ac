/**
 * Every broker deadline (leases, message TTLs, queue expiry) in one min-heap behind one real timer,
 * set to the earliest deadline. No polling: with nothing due, no timer is set at all.
 */
import type { Clock } from './clock.ts';

export interface Deadline {
  readonly at: number;
  cancel(): void;
}

interface Entry extends Deadline { seq: number; fn: () => void; cancelled: boolean }

export class Scheduler {
  private heap: Entry[] = [];
  private seq = 0;
  private armedAt = Infinity;
  private disarm: (() => void) | undefined;
  private cancelled = 0;

  constructor(readonly clock: Clock) {}

  /** Runs fn at clock time `at` (at once on the next timer tick if it is already past). */
  at(at: number, fn: () => void): Deadline {
    const entry: Entry = {
      at, seq: this.seq++, fn, cancelled: false,
      cancel: () => {
        if (entry.cancelled) return;
        entry.cancelled = true;
        this.cancelled++;
        if (this.cancelled > 64 && this.cancelled * 2 > this.heap.length) this.compact();
      },
    };
    this.push(entry);
    this.arm();
    return entry;
  }

  /** Deadlines waiting (cancelled ones excluded). */
  get size(): number { return this.heap.length - this.cancelled; }

  /** Stops the timer; deadlines are forgotten (the broker is closing). */
  stop(): void {
    this.disarm?.();
    this.disarm = undefined;
    this.heap = [];
    this.cancelled = 0;
    this.armedAt = Infinity;
  }

  private arm(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) { this.pop(); this.cancelled--; }
    const next = this.heap[0]?.at ?? Infinity;
    if (next === this.armedAt) return;
    this.disarm?.();
    this.disarm = undefined;
    this.armedAt = next;
    if (next === Infinity) return;
    this.disarm = this.clock.setTimer(next - this.clock.now(), () => this.fire());
  }

  private fire(): void {
    this.disarm = undefined;
    this.armedAt = Infinity;
    const now = this.clock.now();
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const e = this.pop();
      if (e.cancelled) { this.cancelled--; continue; }
      e.cancelled = true;
      e.fn();
    }
    this.arm();
  }

  private compact(): void {
    this.heap = this.heap.filter((e) => !e.cancelled);
    this.cancelled = 0;
    this.heap.sort(before);
    // A sorted array is a valid heap.
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (before(h[p]!, e) <= 0) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = e;
  }

  private pop(): Entry {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const c = r < h.length && before(h[r]!, h[l]!) < 0 ? r : l;
        if (before(h[c]!, last) >= 0) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

function before(a: Entry, b: Entry): number {
  return a.at - b.at || a.seq - b.seq;
}
