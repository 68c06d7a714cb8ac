/**
 * How fresh the numbers are, stated on the page. broker-sim answers from the live broker on every
 * request. RabbitMQ's management plugin collects statistics every collect_statistics_interval
 * (5 s unless configured); its API does not say the value, so the page measures it: node statistics
 * (uptime among them) are emitted once per interval, so the step between two uptimes read is the
 * interval. Only monitoring and administrator users may read /api/nodes; the others are told the default.
 */
import { isBrokerSim, type PageSnapshot } from './snapshot.ts';

/** The page asks the API this often, ms. */
export const REFRESH_MS = 1000;

export class StatsInterval {
  private lastUptime: number | undefined;
  private fromUptime: number | undefined;
  /** Whether /api/nodes answered this login at all. */
  seesNodes = false;

  observe(s: PageSnapshot): void {
    if (s.uptime === undefined) return;
    this.seesNodes = true;
    if (this.lastUptime !== undefined && s.uptime > this.lastUptime) {
      this.fromUptime = Math.min(this.fromUptime ?? Infinity, s.uptime - this.lastUptime);
    }
    this.lastUptime = s.uptime;
  }

  /** The interval in ms, once two node statistics have been seen. */
  estimate(): number | undefined {
    return this.fromUptime;
  }
}

/** The line under the page's header that says how fresh the numbers are. */
export function freshnessLine(s: PageSnapshot, interval: StatsInterval): string {
  const every = `the page refreshes every ${REFRESH_MS / 1000} s`;
  if (isBrokerSim(s.overview)) {
    return `broker-sim ${s.overview.product_version ?? ''}: live numbers, read from the broker on each refresh; ${every} (rates cover the last 5 s)`.replace('  ', ' ');
  }
  const version = `RabbitMQ ${s.overview.rabbitmq_version ?? s.overview.management_version}`;
  const ms = interval.estimate();
  if (ms !== undefined) {
    return `${version}: statistics are collected every ${Math.round(ms / 100) / 10} s (collect_statistics_interval, measured from node statistics); ${every}`;
  }
  if (!interval.seesNodes) {
    return `${version}: statistics are collected every collect_statistics_interval (5 s unless the server sets another; only monitoring users can measure it); ${every}`;
  }
  return `${version}: statistics are collected every collect_statistics_interval (5 s unless configured), measuring…; ${every}`;
}
