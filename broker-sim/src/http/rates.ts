/**
 * Message rates without a sampling timer: broker-sim must use no CPU when idle, so counters are
 * sampled only when a request asks for them. Each object (queue, channel…) keeps a short ring of
 * (time, counters); a rate is the change over the last ~5 s window divided by its length, like
 * RabbitMQ's `*_details.rate`. A client polling every second (qtop) sees a rate move within a
 * second of the change; a client asking after a long pause gets the average since its last look.
 */
export type Counters = Record<string, number>;

interface Sample { at: number; values: Counters }

/** RabbitMQ's rates cover its 5 s statistics interval. */
export const RATE_WINDOW_MS = 5000;

export class RateRing {
  private samples: Sample[] = [];
  private lastRates: Counters = {};

  constructor(readonly windowMs = RATE_WINDOW_MS, readonly minGapMs = 250) {}

  /** Records the counters seen at `at` (ms) and returns their rates per second over the window. */
  observe(at: number, values: Counters): Counters {
    while (this.samples.length >= 2 && this.samples[1]!.at <= at - this.windowMs) this.samples.shift();
    const base = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!last || at - last.at >= this.minGapMs) this.samples.push({ at, values: { ...values } });
    if (!base) return (this.lastRates = zeroes(values));
    const seconds = (at - base.at) / 1000;
    // Two requests a few ms apart: the earlier answer is the better estimate.
    if (seconds * 1000 < this.minGapMs) return { ...zeroes(values), ...this.lastRates };
    const rates: Counters = {};
    for (const [k, v] of Object.entries(values)) rates[k] = round((v - (base.values[k] ?? 0)) / seconds);
    return (this.lastRates = rates);
  }
}

/** One ring per live object; an object that is gone (a deleted queue) takes its ring with it. */
export class RateBook {
  private readonly rings = new WeakMap<object, RateRing>();

  constructor(private readonly windowMs = RATE_WINDOW_MS) {}

  observe(key: object, at: number, values: Counters): Counters {
    let ring = this.rings.get(key);
    if (!ring) {
      ring = new RateRing(this.windowMs);
      this.rings.set(key, ring);
    }
    return ring.observe(at, values);
  }
}

function zeroes(values: Counters): Counters {
  const out: Counters = {};
  for (const k of Object.keys(values)) out[k] = 0;
  return out;
}

/** RabbitMQ reports rates with one decimal. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}
