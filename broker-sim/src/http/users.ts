/**
 * /api/users and /api/users/{name}: RabbitMQ's user management, for administrators only. A user
 * is put with a password (hashed here) or a password_hash in RabbitMQ's own format, and tags;
 * deleting a user closes their connections, as RabbitMQ does.
 */
import { randomBytes } from 'node:crypto';
import type { UserRecord } from '../core/storage.ts';
import { exportedHash, hashPassword, importRabbitHash, RABBIT_SHA256 } from '../core/passwords.ts';
import { ReplyCode } from '../protocol/index.ts';
import { afterCommit, created, noContent, ok, type ApiRequest, type ApiResult, type ApiRouter } from './api.ts';
import { parseTags } from './auth.ts';
import type { PermissionInfo, UserInfo } from './contract.ts';
import { httpErrors } from './errors.ts';

export function userJson(u: UserRecord): UserInfo {
  return { name: u.name, password_hash: exportedHash(u.passwordHash), hashing_algorithm: RABBIT_SHA256, tags: parseTags(u.tags), limits: {} };
}

export function permissionJson(p: PermissionInfo): PermissionInfo {
  return { user: p.user, vhost: p.vhost, configure: p.configure, write: p.write, read: p.read };
}

/** tags as RabbitMQ takes them: "a,b", "a b" or ["a", "b"]; required ("" for none). */
function readTags(body: Record<string, unknown>): string {
  const t = body.tags;
  if (t === undefined) throw httpErrors.badRequest('tags_not_present');
  if (typeof t === 'string') return parseTags(t).join(',');
  if (Array.isArray(t) && t.every((x) => typeof x === 'string')) return t.flatMap(parseTags).join(',');
  throw httpErrors.badRequest('tags must be a string or a list of strings');
}

/**
 * The stored hash a PUT body asks for: from password or password_hash; neither is a user who
 * cannot log in with a password (RabbitMQ: an empty hash for an existing user, a random one for a new one).
 */
export function readPasswordHash(body: Record<string, unknown>, existing: boolean): string {
  const { password, password_hash: hash, hashing_algorithm: algorithm } = body;
  if (password !== undefined && hash !== undefined) throw httpErrors.badRequest('both_password_and_password_hash_are_provided');
  if (password !== undefined) {
    if (typeof password !== 'string') throw httpErrors.badRequest('password must be a string');
    return hashPassword(password);
  }
  if (hash !== undefined) {
    if (typeof hash !== 'string') throw httpErrors.badRequest('password_hash must be a string');
    if (algorithm !== undefined && algorithm !== RABBIT_SHA256) {
      throw httpErrors.badRequest(`hashing_algorithm ${String(algorithm)} is not supported: broker-sim takes ${RABBIT_SHA256}`);
    }
    try {
      return importRabbitHash(hash);
    } catch (err) {
      throw httpErrors.badRequest((err as Error).message);
    }
  }
  return existing ? '' : hashPassword(randomBytes(24).toString('base64'));
}

/** Adds or replaces a user from a PUT body (or a definitions entry); true when the user is new. */
export function putUser(req: ApiRequest, name: string, body: Record<string, unknown>): boolean {
  const { broker } = req.ctx;
  const existing = broker.users.has(name);
  const tags = readTags(body);
  broker.putUser({ name, passwordHash: readPasswordHash(body, existing), tags });
  return !existing;
}

function user(req: ApiRequest): UserRecord {
  req.access.requireAdmin();
  const u = req.ctx.broker.users.get(req.params.user!);
  if (!u) throw httpErrors.notFound();
  return u;
}

function deleteUser(req: ApiRequest): Promise<ApiResult> {
  const { name } = user(req);
  req.ctx.broker.deleteUser(name);
  // As RabbitMQ: the user's open connections are closed.
  for (const c of req.ctx.connections()) {
    if (c.user?.name === name) c.closeWith(ReplyCode.CONNECTION_FORCED, `CONNECTION_FORCED - user '${name}' is deleted`, 0, 0);
  }
  return afterCommit(req, noContent());
}

export function registerUserRoutes(r: ApiRouter): void {
  r.add('/api/users', {
    GET: (req) => {
      req.access.requireAdmin();
      return ok([...req.ctx.broker.users.values()].map(userJson));
    },
  });
  r.add('/api/users/:user', {
    GET: (req) => ok(userJson(user(req))),
    PUT: (req) => {
      req.access.requireAdmin();
      const isNew = putUser(req, req.params.user!, req.body());
      return afterCommit(req, isNew ? created() : noContent());
    },
    DELETE: deleteUser,
  });
  r.add('/api/users/:user/permissions', {
    GET: (req) => {
      const { name } = user(req);
      return ok([...(req.ctx.broker.permissions.get(name)?.values() ?? [])].map(permissionJson));
    },
  });
}
