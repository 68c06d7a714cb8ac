/**
 * The store's timers, injected as core's Clock is: real ones in the broker, a FakeClock's in the
 * store's unit tests. The store runs on real time even when broker timers are sped up
 * (--time-scale): its delays are about the disk, not about the lab.
 */
export interface StoreClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Calls fn once after ms (0: at the end of this event-loop turn); returns a function that
   * cancels it. keepAlive: the process does not exit before it fires (a write waits on it).
   */
  setTimer(ms: number, fn: () => void, keepAlive?: boolean): () => void;
}

export const systemStoreClock: StoreClock = {
  now: () => Date.now(),
  setTimer(ms, fn, keepAlive = false) {
    if (ms <= 0) {
      const i = setImmediate(fn);
      if (!keepAlive) i.unref();
      return () => clearImmediate(i);
    }
    const t = setTimeout(fn, ms);
    if (!keepAlive) t.unref();
    return () => clearTimeout(t);
  },
};
