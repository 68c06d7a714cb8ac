/**
 * /api/health/checks/alarms and /api/health/checks/local-alarms: RabbitMQ's health checks of its
 * resource alarms. 200 `{"status":"ok"}` while none is in effect; 503 with the alarms (memory,
 * disk) while any is, so a load balancer or a script reads the status code alone.
 */
import type { ApiRequest, ApiResult, ApiRouter } from './api.ts';
import type { HealthCheck } from './contract.ts';

/** RabbitMQ answers a failed health check with 503 Service Unavailable. */
const FAILED = 503;

function alarmCheck(req: ApiRequest, reason: string): ApiResult {
  const alarms = req.ctx.broker.alarmsInEffect;
  if (alarms.length === 0) return { status: 200, body: { status: 'ok' } satisfies HealthCheck };
  const body: HealthCheck = { status: 'failed', reason, alarms: alarms.map((resource) => ({ node: req.ctx.node, resource })) };
  return { status: FAILED, body };
}

export function registerHealthRoutes(r: ApiRouter): void {
  // broker-sim is a cluster of one node: both checks see the same alarms, in RabbitMQ's words.
  r.add('/api/health/checks/alarms', { GET: (req) => alarmCheck(req, 'There are alarms in effect in the cluster') });
  r.add('/api/health/checks/local-alarms', { GET: (req) => alarmCheck(req, 'There are alarms in effect on the node') });
}
