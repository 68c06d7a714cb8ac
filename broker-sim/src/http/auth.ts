/**
 * Who is asking, and what they may see and change — RabbitMQ's rules for its management API:
 * HTTP basic auth with the broker's users (guest from this machine only, as over AMQP); a user needs
 * one of the tags management, policymaker, monitoring or administrator; monitoring and administrator
 * users see every vhost, the others only vhosts they have permissions on, and their own connections.
 * Changes need access to the vhost and the configure/write/read right the AMQP equivalent needs.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Broker, User } from '../core/broker.ts';
import { AmqpError } from '../core/errors.ts';
import type { Vhost } from '../core/vhost.ts';
import { httpErrors } from './errors.ts';

const MANAGEMENT_TAGS = new Set(['management', 'policymaker', 'monitoring', 'administrator']);

export interface Principal {
  user: User;
  tags: string[];
  /** Sees every vhost, connection and channel (tags monitoring, administrator). */
  monitor: boolean;
  /** May manage vhosts and users (tag administrator). */
  admin: boolean;
  /** broker-sim's own admin commands, by the local admin token: an administrator that is no broker user. */
  local?: boolean;
}

/** Who the admin commands are, in the API's answers and the broker's log. */
export const LOCAL_ADMIN = 'broker-sim (local admin)';

/** "administrator" or "monitoring, management" → the tag list. */
export function parseTags(tags: string): string[] {
  return tags.split(/[\s,]+/).filter((t) => t !== '');
}

/**
 * Checks an Authorization header; throws RabbitMQ's 401s. Besides RabbitMQ's basic auth, the
 * broker's local admin token (see admin-token.ts) is taken as `Bearer <token>` from loopback only.
 */
export async function authenticate(broker: Broker, authorization: string | undefined, loopback: boolean, adminToken?: string): Promise<Principal> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (bearer) {
    if (!adminToken || !loopback || !sameToken(bearer[1]!, adminToken)) throw httpErrors.loginFailed();
    return { user: { name: LOCAL_ADMIN, tags: 'administrator' }, tags: ['administrator'], admin: true, monitor: true, local: true };
  }
  const m = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!m) throw httpErrors.loginFailed();
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw httpErrors.loginFailed();
  let user: User;
  try {
    user = await broker.authenticate('PLAIN', decoded.slice(0, colon), decoded.slice(colon + 1), loopback);
  } catch (err) {
    if (err instanceof AmqpError) throw httpErrors.loginFailed();
    throw err;
  }
  const tags = parseTags(user.tags);
  if (!tags.some((t) => MANAGEMENT_TAGS.has(t))) throw httpErrors.notAuthorised('Not management user');
  const admin = tags.includes('administrator');
  return { user, tags, admin, monitor: admin || tags.includes('monitoring') };
}

function sameToken(presented: string, token: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What one principal may see and do on one broker. */
export class Access {
  constructor(private readonly broker: Broker, readonly principal: Principal) {}

  get userName(): string { return this.principal.user.name; }

  /** Has permissions on the vhost: needed to change anything in it, even for administrators. */
  hasPermissions(vhost: string): boolean {
    return this.broker.permissions.get(this.userName)?.has(vhost) ?? false;
  }

  canSee(vhost: string): boolean {
    return this.principal.monitor || this.hasPermissions(vhost);
  }

  /** The vhosts this user may list, by name. */
  visibleVhosts(): Vhost[] {
    return [...this.broker.vhosts.values()].filter((v) => this.canSee(v.name)).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A vhost the user may look into; 401 (not theirs) before 404 (no such vhost), as RabbitMQ. */
  readable(name: string): Vhost {
    if (!this.canSee(name)) throw httpErrors.noVhostAccess();
    const v = this.broker.vhost(name);
    if (!v) throw httpErrors.notFound();
    return v;
  }

  /** A vhost the user may change things in. */
  writable(name: string): Vhost {
    if (!this.principal.monitor && !this.hasPermissions(name)) throw httpErrors.noVhostAccess();
    const v = this.broker.vhost(name);
    if (!v) throw httpErrors.notFound();
    if (!this.hasPermissions(name)) throw httpErrors.accessRefused();
    return v;
  }

  /** configure/write/read on a queue or exchange, by RabbitMQ's regexes; throws the broker's AMQP 403. */
  authorize(vhost: string, right: 'configure' | 'write' | 'read', kind: 'queue' | 'exchange', name: string): void {
    this.broker.authorize(this.principal.user, vhost, right, kind, name === '' ? 'amq.default' : name);
  }

  /** As authorize, answered as RabbitMQ's declare/delete/purge answer a refusal: 401 "Access refused.". */
  require(vhost: string, right: 'configure' | 'write' | 'read', kind: 'queue' | 'exchange', name: string): void {
    try {
      this.authorize(vhost, right, kind, name);
    } catch (err) {
      if (err instanceof AmqpError) throw httpErrors.accessRefused();
      throw err;
    }
  }

  /** Connections and channels: monitors see all, other users their own. */
  seesUser(user: string | undefined): boolean {
    return this.principal.monitor || user === this.userName;
  }

  requireMonitor(): void {
    if (!this.principal.monitor) throw httpErrors.notAuthorised('Not monitor user');
  }

  requireAdmin(): void {
    if (!this.principal.admin) throw httpErrors.notAuthorised('Not administrator user');
  }
}
