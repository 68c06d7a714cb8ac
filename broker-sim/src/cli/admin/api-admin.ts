/**
 * The admin commands on a running broker: its management API, with the local admin token the
 * broker wrote next to its database. Changes take effect at once (a deleted user's connections
 * are closed, a new user logs in right away) and the broker commits them itself.
 */
import type { PermissionRecord, PolicyRecord } from '../../core/storage.ts';
import type { VhostLimit } from '../../core/vhost.ts';
import type { PolicyInfo } from '../../http/contract.ts';
import { policyRefused, type Admin, type LimitsEntry, type PolicyBody, type UserEntry } from './admin.ts';

const seg = encodeURIComponent;

/** Undoes the API's HTML escaping of RabbitMQ's reasons ("&lt;&lt;" → "<<"). */
function unescaped(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A running broker's API and the credential it takes from the admin commands. */
export interface RunningBroker { pid: number; managementUrl: string; token: string }

export class ApiAdmin implements Admin {
  readonly where: string;

  constructor(private readonly running: RunningBroker) {
    this.where = ` on the running broker-sim (pid ${running.pid})`;
  }

  /** One call; a refusal is a one-line error with the API's reason (400s given to `refused`). 404 is returned, not thrown. */
  private async call(method: string, path: string, body?: unknown, refused?: (reason: string) => Error): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await fetch(`${this.running.managementUrl}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${this.running.token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new Error(`broker-sim (pid ${this.running.pid}) runs on this database but its API at ${this.running.managementUrl} does not answer (${(err as Error).message}); nothing changed`);
    }
    const text = await res.text();
    const json: unknown = text === '' ? undefined : JSON.parse(text);
    if (res.status >= 400 && res.status !== 404) {
      const reason = (json as { reason?: string } | undefined)?.reason ?? res.statusText;
      if (res.status === 400 && refused) throw refused(unescaped(reason));
      throw new Error(`the running broker-sim refused ${method} /api${path}: ${res.status} ${reason}`);
    }
    return { status: res.status, json };
  }

  private async found(method: string, path: string, body?: unknown): Promise<boolean> {
    return (await this.call(method, path, body)).status !== 404;
  }

  private async list<T>(path: string): Promise<T[]> { return (await this.call('GET', path)).json as T[]; }

  async putUser(name: string, password: string, tags: string): Promise<void> { await this.call('PUT', `/users/${seg(name)}`, { password, tags }); }
  deleteUser(name: string): Promise<boolean> { return this.found('DELETE', `/users/${seg(name)}`); }
  async users(): Promise<UserEntry[]> {
    return (await this.list<{ name: string; tags: string[] | string }>('/users'))
      .map((u) => ({ name: u.name, tags: Array.isArray(u.tags) ? u.tags : u.tags.split(',').filter((t) => t !== '') }));
  }
  async addVhost(name: string): Promise<void> { await this.call('PUT', `/vhosts/${seg(name)}`); }
  deleteVhost(name: string): Promise<boolean> { return this.found('DELETE', `/vhosts/${seg(name)}`); }
  async vhosts(): Promise<string[]> { return (await this.list<{ name: string }>('/vhosts')).map((v) => v.name); }

  async setPermission(p: PermissionRecord): Promise<void> {
    const body = { configure: p.configure, write: p.write, read: p.read };
    await this.call('PUT', `/permissions/${seg(p.vhost)}/${seg(p.user)}`, body);
  }
  clearPermission(user: string, vhost: string): Promise<boolean> { return this.found('DELETE', `/permissions/${seg(vhost)}/${seg(user)}`); }
  permissions(): Promise<PermissionRecord[]> { return this.list<PermissionRecord>('/permissions'); }

  async setLimit(vhost: string, name: VhostLimit, value: number): Promise<void> {
    if (!(await this.found('PUT', `/vhost-limits/${seg(vhost)}/${name}`, { value }))) throw new Error(`no vhost '${vhost}'`);
  }
  async clearLimit(vhost: string, name: VhostLimit): Promise<void> {
    if (!(await this.found('DELETE', `/vhost-limits/${seg(vhost)}/${name}`))) throw new Error(`no vhost '${vhost}'`);
  }
  limits(): Promise<LimitsEntry[]> { return this.list<LimitsEntry>('/vhost-limits'); }

  async setPolicy(vhost: string, name: string, body: PolicyBody): Promise<void> {
    const { status } = await this.call('PUT', `/policies/${seg(vhost)}/${seg(name)}`, body, policyRefused);
    if (status === 404) throw new Error(`no vhost '${vhost}'`);
  }
  clearPolicy(vhost: string, name: string): Promise<boolean> { return this.found('DELETE', `/policies/${seg(vhost)}/${seg(name)}`); }
  async policies(vhost?: string): Promise<PolicyRecord[]> {
    const all = await this.list<PolicyInfo>(vhost === undefined ? '/policies' : `/policies/${seg(vhost)}`);
    return all.map((p) => ({ vhost: p.vhost, name: p.name, pattern: p.pattern, applyTo: p['apply-to'], priority: p.priority, definition: p.definition }));
  }
}
