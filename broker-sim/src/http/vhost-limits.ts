/**
 * /api/vhost-limits: RabbitMQ's per-vhost limits, max-queues and max-connections (-1: no limit).
 * Administrators set them; users with access to a vhost read its limits. Errors in RabbitMQ's words.
 */
import { VHOST_LIMITS, type Vhost, type VhostLimit } from '../core/vhost.ts';
import { afterCommit, noContent, ok, type ApiRequest, type ApiRouter } from './api.ts';
import type { VhostLimitsInfo } from './contract.ts';
import { HttpError, httpErrors } from './errors.ts';

export function limitsJson(v: Vhost): VhostLimitsInfo[] {
  if (v.limits.size === 0) return [];
  return [{ vhost: v.name, value: Object.fromEntries(v.limits) }];
}

/** RabbitMQ prints a rejected value as Erlang does: a string as <<"x">>. */
function erlang(v: unknown): string {
  return typeof v === 'string' ? `<<"${v}">>` : JSON.stringify(v);
}

/** A limit's name and value, checked as RabbitMQ's validation does; throws its 400. */
export function readLimit(name: string, value: unknown): [VhostLimit, number] {
  if (!(VHOST_LIMITS as readonly string[]).includes(name)) {
    throw httpErrors.badRequest(`Validation failed\n\nUnrecognised terms [{<<"${name}">>,${erlang(value)}}] in limits\n`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw httpErrors.badRequest(`Validation failed\n\n${name} should be a number, actually was ${erlang(value)}\n`);
  }
  return [name as VhostLimit, value];
}

function adminVhost(req: ApiRequest): Vhost {
  req.access.requireAdmin();
  const v = req.ctx.broker.vhost(req.params.vhost!);
  if (!v) throw new HttpError(404, 'not_found', 'vhost_not_found');
  return v;
}

export function registerVhostLimitRoutes(r: ApiRouter): void {
  r.add('/api/vhost-limits', { GET: (req) => ok(req.access.visibleVhosts().flatMap(limitsJson)) });
  r.add('/api/vhost-limits/:vhost', { GET: (req) => ok(limitsJson(req.access.readable(req.params.vhost!))) });
  r.add('/api/vhost-limits/:vhost/:name', {
    PUT: (req) => {
      const v = adminVhost(req);
      const body = req.body();
      if (body.value === undefined) throw httpErrors.badRequest('[{key_missing,value}]');
      const [name, value] = readLimit(req.params.name!, body.value);
      req.ctx.broker.setVhostLimit(v, name, value);
      return afterCommit(req, noContent());
    },
    DELETE: (req) => {
      const v = adminVhost(req);
      const name = req.params.name!;
      if ((VHOST_LIMITS as readonly string[]).includes(name)) req.ctx.broker.clearVhostLimit(v, name as VhostLimit);
      return afterCommit(req, noContent());
    },
  });
}
