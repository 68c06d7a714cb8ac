/**
 * Where core reads the time and sets its one timer. Injected, so tests run on a fake clock and never
 * sleep, and `--time-scale N` makes every broker deadline (leases, TTLs, queue expiry) N times nearer.
 */
export interface Clock {
  /** Milliseconds since the epoch, on this clock. */
  now(): number;
  /** Calls fn once, after ms of this clock's time; returns a function that cancels it. */
  setTimer(ms: number, fn: () => void): () => void;
}

/** Real time. Timers do not keep the process alive: the listening socket does that. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref();
    return () => clearTimeout(t);
  },
};

/**
 * A clock running `scale` times faster than real time from the moment it is made: a 30-minute
 * consumer timeout passes in 30 s at scale 60.
 */
export function scaledClock(scale: number, base: Clock = systemClock): Clock {
  if (!(scale > 0)) throw new RangeError(`time scale must be a positive number, got ${scale}`);
  if (scale === 1) return base;
  const origin = base.now();
  return {
    now: () => origin + (base.now() - origin) * scale,
    setTimer: (ms, fn) => base.setTimer(ms / scale, fn),
  };
}

/** A clock that moves only when told to: core unit tests advance it instead of sleeping. */
export class FakeClock implements Clock {
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;
  constructor(private time = 1_700_000_000_000) {}

  now(): number { return this.time; }

  setTimer(ms: number, fn: () => void): () => void {
    const t = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(t);
    return () => { this.timers = this.timers.filter((x) => x !== t); };
  }

  /** Moves time forward, firing due timers in deadline order at their own times. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
  }

  /** Timers waiting: lets tests check that nothing is left polling. */
  get pending(): number { return this.timers.length; }
}
