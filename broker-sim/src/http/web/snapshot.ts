/**
 * What the page shows, read in one go from the management API: one vhost's exchanges, bindings,
 * queues and consumers, the channels and connections behind them, and on broker-sim its leases and
 * event log (/api/queuelab/…). The same requests work on RabbitMQ and broker-sim.
 */
import type {
  BindingInfo, BrokerEventInfo, ChannelInfo, ConnectionInfo, ConsumerInfo, ExchangeInfo, Overview, QueueInfo,
  UnackedDelivery, VhostInfo, WhoAmI,
} from './api-types.ts';
import { seg, type PageApi } from './api-client.ts';

export type PageExchange = ExchangeInfo;
export type PageChannel = ChannelInfo;

export interface PageSnapshot {
  /** Page clock (ms since the epoch) when the answers arrived. */
  at: number;
  /** How long the requests took, ms. */
  tookMs: number;
  vhost: string;
  overview: Overview;
  exchanges: PageExchange[];
  bindings: BindingInfo[];
  queues: QueueInfo[];
  consumers: ConsumerInfo[];
  channels: PageChannel[];
  connections: ConnectionInfo[];
  /** The node's uptime, ms, when the user may read /api/nodes (monitoring and administrator users). */
  uptime: number | undefined;
  /** broker-sim only (null on RabbitMQ): the vhost's unacknowledged deliveries with their lease deadlines. */
  unacked: UnackedDelivery[] | null;
  /** broker-sim only: the vhost's event log, newest first. */
  events: BrokerEventInfo[] | null;
}

export const isBrokerSim = (o: Overview): boolean => o.product_name === 'broker-sim';

/** The user and the vhosts they may see: a student sees only the vhosts they have permissions on. */
export async function whoIsLoggedIn(api: PageApi): Promise<{ user: WhoAmI; vhosts: string[] }> {
  const user = await api.get<WhoAmI>('whoami');
  const vhosts = (await api.get<VhostInfo[]>('vhosts')).map((v) => v.name).sort();
  return { user, vhosts };
}

/** Logins that /api/nodes refused (not monitoring users): not asked again. */
const nodesRefused = new WeakSet<PageApi>();

/** Reads everything the page shows about one vhost. `now` is the page clock. */
export async function fetchSnapshot(api: PageApi, vhost: string, now: () => number = Date.now): Promise<PageSnapshot> {
  const started = now();
  const v = seg(vhost);
  const [overview, exchanges, bindings, queues, consumers, channels, connections] = await Promise.all([
    api.get<Overview>('overview'),
    api.get<PageExchange[]>(`exchanges/${v}`),
    api.get<BindingInfo[]>(`bindings/${v}`),
    api.get<QueueInfo[]>(`queues/${v}`),
    api.get<ConsumerInfo[]>(`consumers/${v}`),
    api.get<PageChannel[]>(`vhosts/${v}/channels`),
    api.get<ConnectionInfo[]>(`vhosts/${v}/connections`),
  ]);
  const sim = isBrokerSim(overview);
  const [nodes, unacked, events] = await Promise.all([
    // Only monitoring and administrator users may read /api/nodes; the others do without uptime.
    sim || nodesRefused.has(api) ? Promise.resolve([]) : api.get<{ uptime?: number }[]>('nodes').catch(() => { nodesRefused.add(api); return []; }),
    sim ? api.get<UnackedDelivery[]>(`queuelab/unacked/${v}`) : Promise.resolve(null),
    sim ? api.get<BrokerEventInfo[]>(`queuelab/events?limit=200&vhost=${v}`) : Promise.resolve(null),
  ]);
  const at = now();
  return {
    at, tookMs: at - started, vhost, overview, exchanges, bindings, queues, consumers, channels, connections,
    uptime: nodes[0]?.uptime, unacked, events,
  };
}
