/**
 * RabbitMQ's health checks: resource alarms (/api/health/checks/alarms, local-alarms), a listener
 * on a port, the vhosts, the node (/api/healthchecks/node), and a message through a vhost
 * (/api/aliveness-test/{vhost}). 200 `{"status":"ok"}` when healthy; 503 with why when not, so a
 * load balancer or a script reads the status code alone.
 */
import type { ChannelSink } from '../core/channel.ts';
import { encodeProperties } from '../protocol/index.ts';
import { ok, type ApiRequest, type ApiResult, type ApiRouter } from './api.ts';
import type { HealthCheck } from './contract.ts';
import { httpErrors } from './errors.ts';
import { IGNORE, onOwnChannel } from './messages.ts';

/** RabbitMQ answers a failed health check with 503 Service Unavailable. */
const FAILED = 503;

const OK: HealthCheck = { status: 'ok' };

function alarmCheck(req: ApiRequest, reason: string): ApiResult {
  const alarms = req.ctx.broker.alarmsInEffect;
  if (alarms.length === 0) return ok(OK);
  const body: HealthCheck = { status: 'failed', reason, alarms: alarms.map((resource) => ({ node: req.ctx.node, resource })) };
  return { status: FAILED, body };
}

function portListener(req: ApiRequest): ApiResult {
  const raw = req.params.port!;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw httpErrors.badRequest('Invalid port');
  const ports = req.ctx.listeners().map((l) => l.port);
  if (ports.includes(port)) return ok({ status: 'ok', port } satisfies HealthCheck);
  return { status: FAILED, body: { status: 'failed', reason: 'No active listener', missing: port, ports } satisfies HealthCheck };
}

/** The queue RabbitMQ's aliveness test declares, publishes to and gets from. */
const ALIVENESS_QUEUE = 'aliveness-test';

/** A message to the vhost's aliveness-test queue and back, as RabbitMQ's test does. */
async function aliveness(req: ApiRequest): Promise<ApiResult> {
  const name = req.params.vhost!;
  const v = req.ctx.broker.vhost(name);
  if (!v) throw httpErrors.notFound();
  if (!req.access.hasPermissions(name)) throw httpErrors.noVhostAccess();
  let got: Buffer | undefined;
  const sink: ChannelSink = { ...IGNORE, getOk: (d) => { got = d.body; } };
  await onOwnChannel(req, v, sink, (ch) => {
    v.declareQueue({ queue: ALIVENESS_QUEUE, passive: false, durable: false, exclusive: false, autoDelete: false, arguments: {} }, null);
    ch.publish({ exchange: '', routingKey: ALIVENESS_QUEUE, propertiesRaw: encodeProperties({}), body: Buffer.from('test_message'), mandatory: false });
    ch.get(ALIVENESS_QUEUE, true);
  });
  if (got?.toString() === 'test_message') return ok(OK);
  return { status: FAILED, body: { status: 'failed', reason: 'aliveness test message did not come back' } satisfies HealthCheck };
}

export function registerHealthRoutes(r: ApiRouter): void {
  // broker-sim is a cluster of one node: both checks see the same alarms, in RabbitMQ's words.
  r.add('/api/health/checks/alarms', { GET: (req) => alarmCheck(req, 'There are alarms in effect in the cluster') });
  r.add('/api/health/checks/local-alarms', { GET: (req) => alarmCheck(req, 'There are alarms in effect on the node') });
  r.add('/api/health/checks/port-listener/:port', { GET: portListener });
  // Every vhost of a single node is running while the node is.
  r.add('/api/health/checks/virtual-hosts', { GET: () => ok(OK) });
  r.add('/api/healthchecks/node', { GET: () => ok(OK) });
  r.add('/api/healthchecks/node/:node', {
    GET: (req) => {
      if (req.params.node !== req.ctx.node) throw httpErrors.notFound();
      return ok(OK);
    },
  });
  r.add('/api/aliveness-test/:vhost', { GET: aliveness });
}
