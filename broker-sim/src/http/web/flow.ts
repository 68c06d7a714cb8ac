/**
 * Dots that travel along the graph's edges, one for each message observed (up to a readable
 * maximum): an edge carrying 2 messages a second emits a dot every half second. The view moves the
 * dots; this decides when one starts.
 */

/** More dots than this per second on one edge blur into a line: the rate label says the rest. */
export const MAX_DOTS_PER_SECOND = 8;

/** Dots per second shown for a rate of messages per second. */
export const dotsPerSecond = (rate: number): number => (rate > 0 ? Math.min(rate, MAX_DOTS_PER_SECOND) : 0);

export class FlowEmitter {
  private readonly owed = new Map<string, number>();

  /** After dtMs at `rate` messages a second, how many dots the edge starts now. */
  tick(edgeId: string, rate: number, dtMs: number): number {
    const per = dotsPerSecond(rate);
    if (per === 0) {
      this.owed.delete(edgeId);
      return 0;
    }
    // A pause (a hidden tab) does not release a burst afterwards: at most one second's worth.
    const owed = Math.min((this.owed.get(edgeId) ?? 0) + (per * Math.min(dtMs, 1000)) / 1000, Math.max(1, per));
    const n = Math.floor(owed);
    this.owed.set(edgeId, owed - n);
    return n;
  }

  /** Forgets edges that are no longer drawn. */
  keep(ids: Set<string>): void {
    for (const id of [...this.owed.keys()]) if (!ids.has(id)) this.owed.delete(id);
  }
}
