/** /api/overview, /api/whoami, /api/vhosts, /api/nodes. */
import { availableParallelism } from 'node:os';
import type { Vhost } from '../core/vhost.ts';
import { ReplyCode } from '../protocol/index.ts';
import { afterCommit, created, noContent, ok, type ApiRequest, type ApiRouter } from './api.ts';
import type { ExchangeTypeInfo, NodeInfo, Overview, VhostInfo, WhoAmI } from './contract.ts';
import { httpErrors } from './errors.ts';
import { messageCounts, messageStats, sumFigures, type Figures, type Snapshot } from './snapshot.ts';

/** The API version broker-sim follows: field names and semantics of RabbitMQ 3.10's management API. */
export const API_VERSION = '3.10.8';

const EXCHANGE_TYPES: ExchangeTypeInfo[] = [
  { name: 'direct', description: 'AMQP direct exchange, as per the AMQP specification', enabled: true },
  { name: 'fanout', description: 'AMQP fanout exchange, as per the AMQP specification', enabled: true },
  { name: 'headers', description: 'AMQP headers exchange, as per the AMQP specification', enabled: true },
  { name: 'topic', description: 'AMQP topic exchange, as per the AMQP specification', enabled: true },
];

export function vhostFigures(s: Snapshot, v: Vhost): Figures {
  return sumFigures([...v.queues.values()].map((q) => s.figures(q)));
}

function overview(req: ApiRequest): Overview {
  const s = req.snapshot();
  const { access, ctx } = req;
  const vhosts = access.visibleVhosts();
  const total = sumFigures(vhosts.map((v) => vhostFigures(s, v)));
  const conns = s.connections().filter((c) => access.seesUser(c.user?.name));
  const queues = vhosts.flatMap((v) => [...v.queues.values()]);
  return {
    management_version: API_VERSION,
    rates_mode: 'basic',
    exchange_types: EXCHANGE_TYPES,
    product_version: ctx.productVersion,
    product_name: 'broker-sim',
    rabbitmq_version: API_VERSION,
    cluster_name: 'broker-sim',
    node: ctx.node,
    disable_stats: false,
    enable_queue_totals: false,
    message_stats: messageStats(total),
    queue_totals: messageCounts(total),
    object_totals: {
      channels: conns.reduce((n, c) => n + [...c.openChannels()].length, 0),
      connections: conns.length,
      consumers: queues.reduce((n, q) => n + q.consumers.length, 0),
      exchanges: vhosts.reduce((n, v) => n + v.exchanges.size, 0),
      queues: queues.length,
    },
    listeners: ctx.listeners().map((l) => ({ node: ctx.node, ...l })),
    durability: ctx.broker.storage.durability,
  };
}

function vhostJson(s: Snapshot, v: Vhost): VhostInfo {
  const f = vhostFigures(s, v);
  return {
    name: v.name,
    description: v.name === '/' ? 'Default virtual host' : '',
    tags: [],
    metadata: { description: v.name === '/' ? 'Default virtual host' : '', tags: [] },
    tracing: false,
    default_queue_type: 'undefined',
    cluster_state: { [s.ctx.node]: 'running' },
    ...messageCounts(f),
    message_stats: messageStats(f),
  };
}

function nodeJson(req: ApiRequest): NodeInfo {
  const { broker } = req.ctx;
  const memory = broker.memoryAlarm;
  const alarms = broker.alarmsInEffect;
  return {
    name: req.ctx.node, type: 'disc', running: true, mem_used: memory?.used ?? process.memoryUsage.rss(),
    ...(memory ? { mem_limit: memory.limit } : {}),
    mem_alarm: alarms.includes('memory'), disk_free_alarm: alarms.includes('disk'),
    uptime: Math.round(process.uptime() * 1000), os_pid: String(process.pid), processors: availableParallelism(),
  };
}

export function registerOverviewRoutes(r: ApiRouter): void {
  r.add('/api/overview', { GET: (req) => ok(overview(req)) });
  r.add('/api/whoami', {
    GET: (req) => {
      const me: WhoAmI = { name: req.access.userName, tags: req.access.principal.tags };
      return ok(me);
    },
  });
  r.add('/api/vhosts', { GET: (req) => ok(req.access.visibleVhosts().map((v) => vhostJson(req.snapshot(), v))) });
  r.add('/api/vhosts/:vhost', {
    GET: (req) => ok(vhostJson(req.snapshot(), req.access.readable(req.params.vhost!))),
    PUT: (req) => {
      req.access.requireAdmin();
      const name = req.params.vhost!;
      if (req.ctx.broker.vhost(name)) return noContent();
      req.ctx.broker.addVhost(name);
      // As RabbitMQ: the user who creates a vhost gets full permissions on it (the admin commands are no user).
      if (!req.access.principal.local) req.ctx.broker.setPermission({ user: req.access.userName, vhost: name, configure: '.*', write: '.*', read: '.*' });
      return afterCommit(req, created());
    },
    DELETE: (req) => {
      req.access.requireAdmin();
      const name = req.params.vhost!;
      if (!req.ctx.broker.deleteVhost(name)) throw httpErrors.notFound();
      // As RabbitMQ: connections to a deleted vhost are closed.
      for (const c of req.ctx.connections()) {
        if (c.vhost?.name === name) c.closeWith(ReplyCode.CONNECTION_FORCED, `CONNECTION_FORCED - vhost '${name}' is deleted`, 0, 0);
      }
      return afterCommit(req, noContent());
    },
  });
  // As RabbitMQ: the node's operating-system details are for monitoring and administrator users only.
  r.add('/api/nodes', {
    GET: (req) => {
      req.access.requireMonitor();
      return ok([nodeJson(req)]);
    },
  });
  r.add('/api/nodes/:name', {
    GET: (req) => {
      req.access.requireMonitor();
      if (req.params.name !== req.ctx.node) throw httpErrors.notFound();
      return ok(nodeJson(req));
    },
  });
}
