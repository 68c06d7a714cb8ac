/**
 * /api/permissions, /api/permissions/{vhost}/{user} and /api/vhosts/{vhost}/permissions: who may
 * use which vhost, with RabbitMQ's configure/write/read regexes. Administrators only.
 */
import type { PermissionRecord } from '../core/storage.ts';
import { afterCommit, created, noContent, ok, type ApiRequest, type ApiRouter } from './api.ts';
import type { PermissionInfo } from './contract.ts';
import { httpErrors } from './errors.ts';
import { permissionJson } from './users.ts';

const RIGHTS = ['configure', 'write', 'read'] as const;

/** The three regexes of a PUT body: each present, a string and a valid regex. */
function readRights(body: Record<string, unknown>): Pick<PermissionRecord, 'configure' | 'write' | 'read'> {
  const missing = RIGHTS.filter((k) => body[k] === undefined);
  if (missing.length > 0) throw httpErrors.badRequest(`[${missing.map((k) => `{key_missing,${k}}`).join(',')}]`);
  const out = { configure: '', write: '', read: '' };
  for (const k of RIGHTS) {
    const v = body[k];
    if (typeof v !== 'string') throw httpErrors.badRequest(`${k} must be a string`);
    try {
      new RegExp(v);
    } catch {
      throw httpErrors.badRequest(`invalid_regexp: ${k} ${JSON.stringify(v)}`);
    }
    out[k] = v;
  }
  return out;
}

/** Sets a user's permissions on a vhost from a PUT body or a definitions entry; true when they had none. */
export function putPermission(req: ApiRequest, vhost: string, user: string, body: Record<string, unknown>): boolean {
  const { broker } = req.ctx;
  const rights = readRights(body);
  if (!broker.vhost(vhost) || !broker.users.has(user)) throw httpErrors.badRequest('vhost_or_user_not_found');
  const isNew = !broker.permissions.get(user)?.has(vhost);
  broker.setPermission({ user, vhost, ...rights });
  return isNew;
}

export function allPermissions(req: ApiRequest): PermissionInfo[] {
  return [...req.ctx.broker.permissions.values()].flatMap((perms) => [...perms.values()].map(permissionJson));
}

function permission(req: ApiRequest): PermissionRecord {
  req.access.requireAdmin();
  const p = req.ctx.broker.permissions.get(req.params.user!)?.get(req.params.vhost!);
  if (!p || !req.ctx.broker.vhost(req.params.vhost!)) throw httpErrors.notFound();
  return p;
}

export function registerPermissionRoutes(r: ApiRouter): void {
  r.add('/api/permissions', {
    GET: (req) => {
      req.access.requireAdmin();
      return ok(allPermissions(req));
    },
  });
  r.add('/api/permissions/:vhost/:user', {
    GET: (req) => ok(permissionJson(permission(req))),
    PUT: (req) => {
      req.access.requireAdmin();
      const isNew = putPermission(req, req.params.vhost!, req.params.user!, req.body());
      return afterCommit(req, isNew ? created() : noContent());
    },
    DELETE: (req) => {
      const p = permission(req);
      req.ctx.broker.clearPermission(p.user, p.vhost);
      return afterCommit(req, noContent());
    },
  });
  r.add('/api/vhosts/:vhost/permissions', {
    GET: (req) => {
      req.access.requireAdmin();
      const { vhost } = req.params;
      if (!req.ctx.broker.vhost(vhost!)) throw httpErrors.notFound();
      return ok(allPermissions(req).filter((p) => p.vhost === vhost));
    },
  });
}
