/**
 * /api/policies, /api/policies/{vhost}, /api/policies/{vhost}/{name}: list, show, set (PUT) and
 * clear (DELETE) policies, with RabbitMQ's rights — any management user lists the policies of the
 * vhosts they may see; showing, setting and clearing one needs the tag policymaker (with
 * permissions on the vhost) or administrator.
 */
import { PolicyError, readPolicy, type PolicyRecord } from '../core/policies.ts';
import { created, noContent, ok, afterCommit, type ApiRequest, type ApiResult, type ApiRouter } from './api.ts';
import type { PolicyInfo } from './contract.ts';
import { HttpError, httpErrors } from './errors.ts';

/** A policy as RabbitMQ's API shows it. */
export function policyJson(p: PolicyRecord): PolicyInfo {
  return { vhost: p.vhost, name: p.name, pattern: p.pattern, 'apply-to': p.applyTo, definition: p.definition, priority: p.priority };
}

function list(req: ApiRequest): ApiResult {
  const vhost = req.params.vhost;
  if (vhost !== undefined) req.access.readable(vhost);
  const visible = new Set(req.access.visibleVhosts().map((v) => v.name));
  return ok(req.ctx.broker.listPolicies(vhost).filter((p) => visible.has(p.vhost)).map(policyJson));
}

/** Policymakers with permissions on the vhost, and administrators: else 401, as RabbitMQ. */
function requirePolicymaker(req: ApiRequest, vhost: string): void {
  const { principal } = req.access;
  if (principal.admin) return;
  if (!principal.tags.includes('policymaker') || !req.access.hasPermissions(vhost)) {
    throw httpErrors.notAuthorised('User not authorised to access object');
  }
}

function find(req: ApiRequest): PolicyRecord {
  const { vhost, name } = req.params as { vhost: string; name: string };
  requirePolicymaker(req, vhost);
  const p = req.ctx.broker.vhost(vhost)?.policies.get(name);
  if (!p) throw httpErrors.notFound();
  return p;
}

/** RabbitMQ's reasons come HTML-escaped in its JSON ("&lt;&lt;\"a\"&gt;&gt;"); so do these. */
function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function put(req: ApiRequest): Promise<ApiResult> {
  const { vhost, name } = req.params as { vhost: string; name: string };
  requirePolicymaker(req, vhost);
  const broker = req.ctx.broker;
  const v = broker.vhost(vhost);
  if (!v) throw new HttpError(404, 'not_found', 'vhost_not_found');
  let p: PolicyRecord;
  try {
    p = readPolicy(vhost, name, req.body());
  } catch (err) {
    if (err instanceof PolicyError) throw httpErrors.badRequest(escaped(err.message));
    throw err;
  }
  const existed = v.policies.has(name);
  broker.setPolicy(p);
  return afterCommit(req, existed ? noContent() : created());
}

function remove(req: ApiRequest): Promise<ApiResult> {
  const p = find(req);
  req.ctx.broker.deletePolicy(p.vhost, p.name);
  return afterCommit(req, noContent());
}

export function registerPolicyRoutes(r: ApiRouter): void {
  r.add('/api/policies', { GET: list });
  r.add('/api/policies/:vhost', { GET: list });
  r.add('/api/policies/:vhost/:name', { GET: (req) => ok(policyJson(find(req))), PUT: put, DELETE: remove });
}
