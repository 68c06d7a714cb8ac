/** The admin commands on a database no broker is running on: the broker state opened, changed, committed, closed. */
import { Broker } from '../../core/broker.ts';
import { systemClock } from '../../core/clock.ts';
import { PolicyError, readPolicy } from '../../core/policies.ts';
import type { PermissionRecord, PolicyRecord } from '../../core/storage.ts';
import type { Vhost, VhostLimit } from '../../core/vhost.ts';
import { SqliteStore } from '../../store/sqlite-store.ts';
import { policyRefused, type Admin, type LimitsEntry, type PolicyBody, type UserEntry } from './admin.ts';

export class DbAdmin implements Admin {
  readonly where = '';
  private readonly store: SqliteStore;
  private readonly broker: Broker;

  constructor(path: string) {
    this.store = new SqliteStore(path);
    try {
      // Without its messages: only users, vhosts and topology are changed here.
      this.broker = new Broker(this.store, systemClock, { restoreMessages: false });
    } catch (err) {
      this.store.close();
      throw err;
    }
  }

  close(): void {
    this.broker.stop();
    this.store.close();
  }

  async putUser(name: string, password: string, tags: string): Promise<void> { this.broker.addUser(name, password, tags); }
  async deleteUser(name: string): Promise<boolean> { return this.broker.deleteUser(name); }
  async users(): Promise<UserEntry[]> {
    return [...this.broker.users.values()].map((u) => ({ name: u.name, tags: u.tags.split(/[\s,]+/).filter((t) => t !== '') }));
  }
  async addVhost(name: string): Promise<void> { this.broker.addVhost(name); }
  async deleteVhost(name: string): Promise<boolean> { return this.broker.deleteVhost(name); }
  async vhosts(): Promise<string[]> { return [...this.broker.vhosts.keys()]; }

  async setPermission(p: PermissionRecord): Promise<void> {
    if (!this.broker.users.has(p.user)) throw new Error(`no user '${p.user}'`);
    this.vhost(p.vhost);
    this.broker.setPermission(p);
  }
  async clearPermission(user: string, vhost: string): Promise<boolean> { return this.broker.clearPermission(user, vhost); }
  async permissions(): Promise<PermissionRecord[]> {
    return [...this.broker.permissions.values()].flatMap((m) => [...m.values()]);
  }

  async setLimit(vhost: string, name: VhostLimit, value: number): Promise<void> { this.broker.setVhostLimit(this.vhost(vhost), name, value); }
  async clearLimit(vhost: string, name: VhostLimit): Promise<void> { this.broker.clearVhostLimit(this.vhost(vhost), name); }
  async limits(): Promise<LimitsEntry[]> {
    return [...this.broker.vhosts.values()].filter((v) => v.limits.size > 0)
      .map((v) => ({ vhost: v.name, value: Object.fromEntries(v.limits) }));
  }

  async setPolicy(vhost: string, name: string, body: PolicyBody): Promise<void> {
    this.vhost(vhost);
    let p: PolicyRecord;
    try {
      p = readPolicy(vhost, name, body);
    } catch (err) {
      if (err instanceof PolicyError) throw policyRefused(err.message);
      throw err;
    }
    this.broker.setPolicy(p);
  }
  async clearPolicy(vhost: string, name: string): Promise<boolean> { return this.broker.deletePolicy(vhost, name); }
  async policies(vhost?: string): Promise<PolicyRecord[]> { return this.broker.listPolicies(vhost); }

  private vhost(name: string): Vhost {
    const v = this.broker.vhost(name);
    if (!v) throw new Error(`no vhost '${name}'`);
    return v;
  }
}
