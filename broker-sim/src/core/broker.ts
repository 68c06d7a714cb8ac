/**
 * The broker's state: vhosts, users and their permissions, and the message sequence. It restores
 * durable state from storage at start; transient state starts empty, as after a RabbitMQ restart.
 */
import { createHash } from 'node:crypto';
import type { Clock } from './clock.ts';
import { DirectReplies } from './direct-reply.ts';
import { errors } from './errors.ts';
import { EventLog } from './events.ts';
import { Scheduler } from './scheduler.ts';
import { MemoryAlarm, type MemoryLimit } from './memory-alarm.ts';
import { MessageMemory } from './message.ts';
import { hashPassword, isLegacyHash, UNKNOWN_USER_HASH, verifyPassword } from './passwords.ts';
import type { Queue } from './queue.ts';
import type { Backlog, DurableState, PermissionRecord, PolicyRecord, Storage, UserRecord } from './storage.ts';
import { Vhost, type VhostLimit, type VhostServices } from './vhost.ts';

export interface User { name: string; tags: string }

export interface BrokerOptions {
  /** RabbitMQ's consumer_timeout in ms: how long a delivery may stay unacknowledged. 0 = none. */
  consumerTimeout?: number;
  /** Every queue delivers a message at most once; failures go to `<queue>.failed`. */
  atMostOnce?: boolean;
  /**
   * Load stored messages (default). The admin commands, which may run beside a live broker on the
   * same file, read users and vhosts only and must not touch its messages.
   */
  restoreMessages?: boolean;
  /** The memory alarm's limit and the memory the broker took at start (RabbitMQ's vm_memory_high_watermark). Default: none. */
  memory?: MemoryLimit;
  /** Where the broker says that an alarm was raised or cleared. */
  log?: (line: string) => void;
}

/** A resource whose shortage blocks publishers, as RabbitMQ's resource alarms. */
export type AlarmResource = 'memory' | 'disk';

/** How long a verified login is remembered, ms: RabbitMQ's auth backend cache_ttl. */
const VERIFIED_LOGIN_TTL = 15_000;

/** RabbitMQ's default consumer_timeout: 30 minutes. */
export const DEFAULT_CONSUMER_TIMEOUT = 30 * 60 * 1000;

export class Broker implements VhostServices {
  readonly vhosts = new Map<string, Vhost>();
  readonly users = new Map<string, UserRecord>();
  /** user → vhost → permissions */
  readonly permissions = new Map<string, Map<string, PermissionRecord>>();
  private nextMessageId = 1;
  /** Logins verified lately, by user: a digest of name and password, and until when it counts. */
  private readonly verified = new Map<string, { digest: string; until: number }>();
  readonly startedAt: number;
  readonly scheduler: Scheduler;
  readonly events: EventLog;
  readonly consumerTimeout: number;
  readonly atMostOnce: boolean;
  /** Direct reply-to keys of every connection's channels. */
  readonly directReplies = new DirectReplies();

  constructor(readonly storage: Storage, readonly clock: Clock, options: BrokerOptions = {}) {
    this.startedAt = clock.now();
    this.scheduler = new Scheduler(clock);
    this.events = new EventLog(() => clock.now(), (e) => storage.appendEvent(e));
    this.consumerTimeout = options.consumerTimeout ?? DEFAULT_CONSUMER_TIMEOUT;
    this.atMostOnce = options.atMostOnce ?? false;
    this.log = options.log ?? (() => {});
    this.restore(options.restoreMessages ?? true);
    storage.onWritableChange((writable, reason) => {
      this.setAlarm('disk', writable ? undefined : `the database cannot be written (${reason ?? 'unknown error'})`);
    });
    if (options.memory) {
      this.memoryAlarm = new MemoryAlarm(options.memory, this.messageMemory, clock, (over, used) => this.memoryChanged(over, used));
    }
  }

  private readonly log: (line: string) => void;
  /** The alarms in effect, each with what connection.blocked says of it. */
  private readonly alarms = new Map<AlarmResource, string>();
  /** Told when publishers must be blocked (a reason) or may go on (undefined), and when the reason changes. */
  readonly blockWatchers = new Set<(reason: string | undefined) => void>();
  /** The memory alarm, when the broker has a memory limit. */
  readonly memoryAlarm: MemoryAlarm | undefined;
  /** What messages held in memory take: ready ones (not those in storage only) and unacknowledged ones. */
  readonly messageMemory = new MessageMemory();

  /**
   * Why publishers are blocked right now, as connection.blocked says it (RabbitMQ: "low on memory"),
   * every alarm in effect joined with " & "; undefined while none is.
   */
  get blocked(): string | undefined {
    return this.alarms.size === 0 ? undefined : [...this.alarms.values()].join(' & ');
  }

  /** The resources whose alarm is in effect. */
  get alarmsInEffect(): AlarmResource[] { return [...this.alarms.keys()]; }

  /**
   * Raises a resource's alarm (with the reason publishers are told) or clears it (undefined). The
   * memory and disk alarms are independent: publishers go on once neither is in effect.
   */
  setAlarm(resource: AlarmResource, reason: string | undefined): void {
    const before = this.blocked;
    if (reason === undefined) this.alarms.delete(resource); else this.alarms.set(resource, reason);
    const now = this.blocked;
    if (now !== before) for (const fn of this.blockWatchers) fn(now);
  }

  /** A publish: the memory alarm reads use, unless it did a moment ago. */
  published(): void { this.memoryAlarm?.poke(); }

  private memoryChanged(over: boolean, used: number): void {
    const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
    const limit = this.memoryAlarm!.limit;
    this.log(over
      ? `memory alarm: ${mib(used)} in use, above the limit of ${mib(limit)} (--max-memory); publishers are blocked until it falls`
      : `memory alarm cleared: ${mib(used)} in use (limit ${mib(limit)}); publishers go on`);
    this.setAlarm('memory', over ? 'low on memory' : undefined);
  }

  /** Stops every broker timer (the broker is shutting down). */
  stop(): void {
    this.scheduler.stop();
    this.memoryAlarm?.stop();
  }

  /**
   * Runs fn once every change made so far is committed to storage (at once when nothing is
   * pending): what a client is told only once it would survive a crash waits on this.
   */
  afterCommit(fn: () => void, ifLost?: () => void): void { this.storage.afterCommit(fn, ifLost); }

  private restore(withMessages: boolean): void {
    const state = this.storage.load();
    this.events.restore(state.events);
    for (const name of state.vhosts) this.vhosts.set(name, this.newVhost(name));
    for (const u of state.users) this.users.set(u.name, u);
    for (const p of state.permissions) this.setPermissionInMemory(p);
    for (const p of state.policies) this.vhost(p.vhost)?.setPolicy(p);
    if (state.vhosts.length === 0 && state.users.length === 0) this.createDefaults();
    for (const q of state.queues) {
      this.vhost(q.vhost)?.declareQueue({ queue: q.name, passive: false, durable: true, exclusive: false,
        autoDelete: q.autoDelete, arguments: q.arguments }, null);
    }
    for (const x of state.exchanges) {
      this.vhost(x.vhost)?.exchanges.has(x.name) ||
        this.vhost(x.vhost)?.declareExchange(x.name, x.type, false, true, x.autoDelete, x.internal, x.arguments);
    }
    for (const b of state.bindings) {
      try { this.vhost(b.vhost)?.bind({ ...b, args: b.arguments }); } catch { /* its queue or exchange is gone */ }
    }
    // After the queues: a limit refuses new queues, never those that exist.
    for (const l of state.vhostLimits) this.vhost(l.vhost)?.limits.set(l.name as VhostLimit, l.value);
    if (!withMessages) return;
    this.nextMessageId = state.lastMessageId + 1;
    this.restoreMessages(state);
  }

  /**
   * Each queue's backlog stays in storage, counted, to be read as it comes up; the messages held
   * when the broker stopped are given back one by one. Messages of queues that are gone are deleted.
   */
  private restoreMessages(state: DurableState): void {
    const queueOf = (vhost: string, name: string): Queue | undefined => this.vhost(vhost)?.queues.get(name);
    const apart = new Map<Queue, number[]>();
    for (const m of state.messages) {
      const q = queueOf(m.vhost, m.queue);
      if (q) apart.set(q, [...(apart.get(q) ?? []), m.id]);
    }
    const backlogs = new Map<Queue, Backlog>();
    for (const b of state.backlogs) {
      const q = queueOf(b.vhost, b.queue);
      if (q) backlogs.set(q, b); else this.storage.purgeQueue(b.vhost, b.queue);
    }
    for (const q of new Set([...apart.keys(), ...backlogs.keys()])) {
      q.restoreBacklog(backlogs.get(q)?.count ?? 0, backlogs.get(q)?.bytes ?? 0, apart.get(q) ?? []);
    }
    for (const m of state.messages) {
      const q = queueOf(m.vhost, m.queue);
      if (q) q.restore(m);
      else this.storage.deleteMessage(m.id);
    }
  }

  private newVhost(name: string): Vhost {
    return new Vhost(name, this.storage, this);
  }

  /** A fresh broker has RabbitMQ's defaults: vhost "/" and guest/guest with full rights there. */
  private createDefaults(): void {
    this.addVhost('/');
    this.addUser('guest', 'guest', 'administrator');
    this.setPermission({ user: 'guest', vhost: '/', configure: '.*', write: '.*', read: '.*' });
  }

  newMessageId(): number { return this.nextMessageId++; }

  vhost(name: string): Vhost | undefined { return this.vhosts.get(name); }

  addVhost(name: string): Vhost {
    let v = this.vhosts.get(name);
    if (!v) {
      v = this.newVhost(name);
      this.vhosts.set(name, v);
      this.storage.saveVhost(name);
    }
    return v;
  }

  deleteVhost(name: string): boolean {
    const v = this.vhosts.get(name);
    if (!v) return false;
    for (const q of [...v.queues.values()]) v.removeQueue(q);
    this.vhosts.delete(name);
    this.storage.deleteVhost(name);
    for (const perms of this.permissions.values()) perms.delete(name);
    return true;
  }

  addUser(name: string, password: string, tags = ''): void {
    this.putUser({ name, passwordHash: hashPassword(password), tags });
  }

  /** Adds or replaces a user with a stored hash (see passwords.ts; "" = no password login). */
  putUser(u: UserRecord): void {
    this.users.set(u.name, u);
    this.verified.delete(u.name);
    this.storage.saveUser(u);
  }

  deleteUser(name: string): boolean {
    if (!this.users.delete(name)) return false;
    this.permissions.delete(name);
    this.verified.delete(name);
    this.storage.deleteUser(name);
    return true;
  }

  setPermission(p: PermissionRecord): void {
    this.setPermissionInMemory(p);
    this.storage.savePermission(p);
  }

  /** Removes a user's permissions on a vhost; false when they had none. */
  clearPermission(user: string, vhost: string): boolean {
    if (!this.permissions.get(user)?.delete(vhost)) return false;
    this.storage.deletePermission(user, vhost);
    return true;
  }

  /** Sets a vhost limit (RabbitMQ's -1: none); the vhost must exist. */
  setVhostLimit(vhost: Vhost, name: VhostLimit, value: number): void {
    vhost.limits.set(name, value);
    this.storage.saveVhostLimit({ vhost: vhost.name, name, value });
  }

  clearVhostLimit(vhost: Vhost, name: VhostLimit): void {
    vhost.limits.delete(name);
    this.storage.deleteVhostLimit(vhost.name, name);
  }

  private setPermissionInMemory(p: PermissionRecord): void {
    const m = this.permissions.get(p.user) ?? new Map<string, PermissionRecord>();
    m.set(p.vhost, p);
    this.permissions.set(p.user, m);
  }

  /**
   * Sets (adds or replaces) a policy, checked beforehand with readPolicy (core/policies.ts); it
   * applies at once to the queues and exchanges it matches, and is stored. Throws 404 for a
   * missing vhost.
   */
  setPolicy(p: PolicyRecord): void {
    const v = this.vhosts.get(p.vhost);
    if (!v) throw errors.notFound(`no vhost '${p.vhost}'`);
    v.setPolicy(p);
    this.storage.savePolicy(p);
  }

  /** Removes a policy; false when there was none. */
  deletePolicy(vhost: string, name: string): boolean {
    if (!this.vhosts.get(vhost)?.deletePolicy(name)) return false;
    this.storage.deletePolicy(vhost, name);
    return true;
  }

  /** The policies of one vhost, or of all, in vhost then name order (as RabbitMQ lists them). */
  listPolicies(vhost?: string): PolicyRecord[] {
    const vhosts = vhost === undefined ? [...this.vhosts.values()] : [this.vhosts.get(vhost)].filter((v) => v !== undefined);
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    return vhosts.sort(byName).flatMap((v) => [...v.policies.values()].sort(byName));
  }

  /**
   * Checks a login. guest may log in from loopback only, as RabbitMQ's default loopback_users.
   * Rejects with 403 ACCESS_REFUSED and RabbitMQ's text. An unknown user is checked against a
   * dummy hash, so that a refusal takes as long whether or not the user exists.
   */
  async authenticate(mechanism: string, username: string, password: string, loopback: boolean): Promise<User> {
    const refused = errors.accessRefused(
      `Login was refused using authentication mechanism ${mechanism}. For details see the broker logfile.`);
    const u = this.users.get(username);
    if (!(await this.passwordMatches(u, username, password)) || !u) throw refused;
    if (username === 'guest' && !loopback) throw refused;
    return { name: u.name, tags: u.tags };
  }

  /**
   * A good password is remembered for a short while (as RabbitMQ's auth backend cache, 15 s) by
   * its digest; a hash of an earlier scheme is replaced by the current one.
   */
  private async passwordMatches(u: UserRecord | undefined, username: string, password: string): Promise<boolean> {
    const digest = createHash('sha256').update(username).update('\0').update(password).digest('base64');
    const cached = this.verified.get(username);
    if (u && cached?.digest === digest && cached.until > this.clock.now()) return true;
    const stored = u?.passwordHash ?? UNKNOWN_USER_HASH;
    if (!(await verifyPassword(password, stored)) || !u) return false;
    // The user may have been changed or deleted while the hash was checked.
    if (this.users.get(username) !== u) return false;
    this.verified.set(username, { digest, until: this.clock.now() + VERIFIED_LOGIN_TTL });
    if (isLegacyHash(stored)) {
      u.passwordHash = hashPassword(password);
      this.storage.saveUser(u);
    }
    return true;
  }

  /** Permission patterns compiled once: authorize runs on every publish. */
  private readonly compiled = new Map<string, RegExp>();
  private regex(pattern: string): RegExp {
    let r = this.compiled.get(pattern);
    if (!r) {
      r = new RegExp(`^(?:${pattern})$`);
      this.compiled.set(pattern, r);
    }
    return r;
  }

  /** connection.open: the user must have permissions on the vhost. Throws 530 NOT_ALLOWED. */
  openVhost(user: User, name: string): Vhost {
    const v = this.vhosts.get(name);
    if (!v || !this.permissions.get(user.name)?.has(name)) {
      throw errors.notAllowed(`access to vhost '${name}' refused for user '${user.name}'`);
    }
    v.checkConnectionLimit(user.name);
    return v;
  }

  /** Checks configure/write/read rights on a resource, RabbitMQ's regex model. Throws 403. */
  authorize(user: User, vhost: string, right: 'configure' | 'write' | 'read', kind: 'queue' | 'exchange', name: string): void {
    const p = this.permissions.get(user.name)?.get(vhost);
    const pattern = p?.[right] ?? '';
    if (pattern === '.*' || (pattern !== '' && this.regex(pattern).test(name))) return;
    throw errors.accessRefused(`access to ${kind} '${name}' in vhost '${vhost}' refused for user '${user.name}'`);
  }
}
