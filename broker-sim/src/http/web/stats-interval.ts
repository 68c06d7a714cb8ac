/**
 * How fresh the numbers are, stated on the page. broker-sim answers from the live broker on every
 * request. RabbitMQ's management plugin collects statistics every collect_statistics_interval
 * (5 s unless configured); its API does not say the value, so the page measures it: node statistics
 * (uptime among them) are emitted once per interval, so the step between two uptimes read is the
 * interval. Users who may not read /api/nodes get the shortest gap between changes they saw.
 */
import { isBrokerSim, type PageSnapshot } from './snapshot.ts';

/** The page asks the API this often, ms. */
export const REFRESH_MS = 1000;

export class StatsInterval {
  private lastUptime: number | undefined;
  private lastPrint: string | undefined;
  private lastChangeAt: number | undefined;
  private fromUptime: number | undefined;
  private fromChanges: number | undefined;

  observe(s: PageSnapshot): void {
    if (s.uptime !== undefined) {
      if (this.lastUptime !== undefined && s.uptime > this.lastUptime) {
        this.fromUptime = Math.min(this.fromUptime ?? Infinity, s.uptime - this.lastUptime);
      }
      this.lastUptime = s.uptime;
    }
    const print = fingerprint(s);
    if (this.lastPrint !== undefined && print !== this.lastPrint) {
      if (this.lastChangeAt !== undefined) this.fromChanges = Math.min(this.fromChanges ?? Infinity, s.at - this.lastChangeAt);
      this.lastChangeAt = s.at;
    }
    this.lastPrint = print;
  }

  /** The interval in ms and how it was found, once known. */
  estimate(): { ms: number; how: 'node statistics' | 'changes seen' } | undefined {
    if (this.fromUptime !== undefined) return { ms: this.fromUptime, how: 'node statistics' };
    if (this.fromChanges !== undefined) return { ms: this.fromChanges, how: 'changes seen' };
    return undefined;
  }
}

/**
 * The counters RabbitMQ updates once per statistics interval: message counts and message_stats
 * totals, not their `_details` rates, which it recomputes for the moment of each request.
 */
function fingerprint(s: PageSnapshot): string {
  const totals = (stats: object | undefined): [string, unknown][] => Object.entries(stats ?? {}).filter(([k]) => !k.endsWith('_details'));
  return JSON.stringify([totals(s.overview.message_stats), s.queues.map((q) => [q.name, q.messages, q.messages_ready, totals(q.message_stats)])]);
}

/** The line under the page's header that says how fresh the numbers are. */
export function freshnessLine(s: PageSnapshot, interval: StatsInterval): string {
  const every = `the page refreshes every ${REFRESH_MS / 1000} s`;
  if (isBrokerSim(s.overview)) {
    return `broker-sim ${s.overview.product_version ?? ''}: live numbers, read from the broker on each refresh; ${every} (rates cover the last 5 s)`.replace('  ', ' ');
  }
  const version = `RabbitMQ ${s.overview.rabbitmq_version ?? s.overview.management_version}`;
  const e = interval.estimate();
  if (!e) return `${version}: statistics are collected every collect_statistics_interval (5 s unless configured), measuring…; ${every}`;
  const secs = Math.round(e.ms / 100) / 10;
  return `${version}: statistics are collected every ${e.how === 'node statistics' ? '' : '≈ '}${secs} s (collect_statistics_interval, measured from ${e.how}); ${every}`;
}
