/**
 * The admin commands on a running broker: its management API, with the local admin token the
 * broker wrote next to its database. Changes take effect at once (a deleted user's connections
 * are closed, a new user logs in right away) and the broker commits them itself.
 */
import type { PermissionRecord } from '../../core/storage.ts';
import type { VhostLimit } from '../../core/vhost.ts';
import type { Admin, LimitsEntry, UserEntry } from './admin.ts';

const seg = encodeURIComponent;

/** A running broker's API and the credential it takes from the admin commands. */
export interface RunningBroker { pid: number; managementUrl: string; token: string }

export class ApiAdmin implements Admin {
  readonly where: string;

  constructor(private readonly running: RunningBroker) {
    this.where = ` on the running broker-sim (pid ${running.pid})`;
  }

  /** One call; a refusal is a one-line error with the API's reason. 404 is returned, not thrown. */
  private async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
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
}
