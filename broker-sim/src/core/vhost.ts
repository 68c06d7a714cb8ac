/**
 * A virtual host: its exchanges (the default "" and the amq.* ones predeclared), queues and bindings,
 * and the operations of the exchange, queue and basic classes that act on them.
 */
import { randomBytes } from 'node:crypto';
import { deadLetteredProperties, deathHistory, type DeathReason } from './content.ts';
import { AmqpError, errors } from './errors.ts';
import { checkHeadersBinding, Exchange, EXCHANGE_TYPES, type Binding } from './exchange.ts';
import { typeClass, typeName, unwrap } from './field-types.ts';
import { policyFor, type PolicyRecord } from './policies.ts';
import type { Message, MessageMemory } from './message.ts';
import { Publisher, type Publication, type PublishOptions, type PublishOutcome, type PublishServices } from './publish.ts';
import { readQueueArgs, type QueueArgs } from './queue-args.ts';
import { Queue, type QueueHost, type QueueOwner } from './queue.ts';
import { StreamQueue } from './stream-queue.ts';
import type { EventLog } from './events.ts';
import type { Scheduler } from './scheduler.ts';
import type { BindingRecord, Holder, Storage } from './storage.ts';

/** What a vhost needs from the broker: message ids, reply keys, and where to report what happens to messages. */
export interface VhostServices extends PublishServices {
  readonly scheduler: Scheduler;
  readonly events: EventLog;
  /** broker-sim --at-most-once: every queue a client declares delivers each message at most once. */
  readonly atMostOnce: boolean;
  /** The broker's account of the memory messages take. */
  readonly messageMemory: MessageMemory;
}

export interface QueueDeclare {
  queue: string; passive: boolean; durable: boolean; exclusive: boolean; autoDelete: boolean;
  arguments: Record<string, unknown>;
}

const PREDECLARED: [string, string][] = [
  ['', 'direct'], ['amq.direct', 'direct'], ['amq.fanout', 'fanout'], ['amq.topic', 'topic'],
  ['amq.headers', 'headers'], ['amq.match', 'headers'],
];

/** Arguments whose values a redeclaration must repeat (RabbitMQ's equivalence check). */
const CHECKED_ARGS = ['x-message-ttl', 'x-expires', 'x-max-length', 'x-max-length-bytes', 'x-overflow',
  'x-dead-letter-exchange', 'x-dead-letter-routing-key', 'x-max-priority', 'x-queue-type', 'x-single-active-consumer',
  'x-delivery-limit', 'x-max-age', 'x-stream-max-segment-size-bytes'];

/** The vhost limits RabbitMQ has, by its names. */
export const VHOST_LIMITS = ['max-connections', 'max-queues'] as const;
export type VhostLimit = typeof VHOST_LIMITS[number];

export class Vhost implements QueueHost {
  readonly queues = new Map<string, Queue>();
  readonly exchanges = new Map<string, Exchange>();
  /** Limits in effect (a negative value is no limit, as RabbitMQ's -1). */
  readonly limits = new Map<VhostLimit, number>();
  /** Open client connections to this vhost, for max-connections. */
  connections = 0;
  /** Its policies by name. */
  readonly policies = new Map<string, PolicyRecord>();
  private readonly publisher: Publisher;

  constructor(readonly name: string, private readonly storage: Storage, private readonly services: VhostServices) {
    for (const [x, type] of PREDECLARED) this.exchanges.set(x, new Exchange(name, x, type, true, false, false, {}));
    this.publisher = new Publisher(this, storage, services);
  }

  /** Publishes a message into this vhost: see Publisher.publish. */
  publish(p: Publication, options?: PublishOptions): PublishOutcome {
    return this.publisher.publish(p, options);
  }

  queue(name: string): Queue {
    const q = this.queues.get(name);
    if (!q) throw errors.noQueue(this.name, name);
    return q;
  }

  exchange(name: string): Exchange {
    const x = this.exchanges.get(name);
    if (!x) throw errors.noExchange(this.name, name);
    return x;
  }

  /** The exchange a publisher names, checked as at basic.publish: 404 if missing, 403 if internal. */
  exchangeForPublish(name: string): Exchange {
    const x = this.exchange(name);
    if (x.internal) throw errors.accessRefused(`cannot publish to internal exchange '${name}' in vhost '${this.name}'`);
    return x;
  }

  /**
   * queue.declare, with RabbitMQ's checks; returns the queue. `owner` is the declaring connection
   * (null for the broker itself and the management API): an exclusive queue belongs to it.
   */
  declareQueue(d: QueueDeclare, owner: QueueOwner | null): Queue {
    const name = d.queue === '' ? `amq.gen-${randomBytes(16).toString('base64url').slice(0, 22)}` : d.queue;
    const existing = this.queues.get(name);
    if (existing) {
      this.checkExclusive(existing, owner);
      if (!d.passive) this.checkEquivalent(existing, d);
      existing.touch();
      return existing;
    }
    if (d.passive) throw errors.noQueue(this.name, name);
    if (name.startsWith('amq.') && d.queue !== '') {
      throw errors.accessRefused(`queue name '${name}' contains reserved prefix 'amq.*'`);
    }
    const options = readQueueArgs(d.arguments, { name, vhost: this.name, durable: d.durable, exclusive: d.exclusive, autoDelete: d.autoDelete,
      serverNamed: d.queue === '' });
    this.checkQueueLimit(name);
    if (this.services.atMostOnce && options.type !== 'stream' && !d.exclusive && !name.endsWith('.failed') && !name.startsWith('amq.')) {
      this.makeAtMostOnce(name, d.durable, options);
    }
    if (d.exclusive && !owner) throw errors.internal(`exclusive queue '${name}' declared without a connection`);
    const exclusiveTo = d.exclusive ? owner : null;
    const q = options.type === 'stream'
      ? new StreamQueue(this.name, name, d.arguments, options, this, this.storage.streams)
      : new Queue(this.name, name, d.durable, exclusiveTo, d.autoDelete, d.arguments, options, this,
        policyFor(this.policies.values(), 'queue', name));
    this.queues.set(name, q);
    exclusiveTo?.exclusiveQueues.add(q);
    if (d.durable && !d.exclusive) {
      this.storage.saveQueue({ vhost: this.name, name, durable: true, autoDelete: d.autoDelete, arguments: d.arguments });
    }
    return q;
  }

  /** max-queues: RabbitMQ refuses a new queue once the vhost has that many (redeclaring one still works). */
  private checkQueueLimit(name: string): void {
    const max = this.limits.get('max-queues') ?? -1;
    if (max >= 0 && this.queues.size >= max) {
      throw errors.precondition(`cannot declare queue '${name}': queue limit in vhost '${this.name}' (${max}) is reached`);
    }
  }

  /** max-connections: checked at connection.open, as RabbitMQ (530 NOT_ALLOWED). */
  checkConnectionLimit(user: string): void {
    const max = this.limits.get('max-connections') ?? -1;
    if (max >= 0 && this.connections >= max) {
      throw errors.notAllowed(`access to vhost '${this.name}' refused for user '${user}': connection limit (${max}) is reached`);
    }
  }

  /**
   * --at-most-once: the queue acts as a quorum queue with x-delivery-limit 0: a message handed out
   * once and given back (worker died, lease ran out, nack/requeue) is dead-lettered instead of run
   * again — to the queue's own dead-letter exchange, else to `<queue>.failed`, declared here.
   */
  private makeAtMostOnce(name: string, durable: boolean, options: QueueArgs): void {
    options.deliveryLimit = 0;
    if (options.deadLetterExchange !== undefined) return;
    const failed = `${name}.failed`;
    options.deadLetterExchange = '';
    options.deadLetterRoutingKey = failed;
    if (!this.queues.has(failed)) {
      this.declareQueue({ queue: failed, passive: false, durable, exclusive: false, autoDelete: false, arguments: {} }, null);
    }
  }

  /** An exclusive queue may be used only by its own connection: others get 405 RESOURCE_LOCKED. */
  checkExclusive(q: Queue, user: QueueOwner | null): void {
    if (q.owner !== null && q.owner !== user) throw errors.locked(this.name, q.name);
  }

  private checkEquivalent(q: Queue, d: QueueDeclare): void {
    const diff = (field: string, got: unknown, cur: unknown): AmqpError => errors.precondition(
      `inequivalent arg '${field}' for queue '${q.name}' in vhost '${this.name}': received '${got}' but current is '${cur}'`);
    if (q.durable !== d.durable) throw diff('durable', d.durable, q.durable);
    if (q.autoDelete !== d.autoDelete) throw diff('auto_delete', d.autoDelete, q.autoDelete);
    if (q.exclusive !== d.exclusive) throw diff('exclusive', d.exclusive, q.exclusive);
    for (const k of CHECKED_ARGS) {
      const got = d.arguments[k];
      const cur = q.args[k];
      if (String(got ?? '') !== String(cur ?? '')) {
        throw errors.precondition(`inequivalent arg '${k}' for queue '${q.name}' in vhost '${this.name}': ${argMismatch(got, cur)}`);
      }
    }
  }

  /** queue.delete; returns the number of ready messages deleted with it. */
  deleteQueue(name: string, ifUnused: boolean, ifEmpty: boolean, user: QueueOwner | null): number {
    const q = this.queues.get(name);
    if (!q) return 0;
    this.checkExclusive(q, user);
    if (ifUnused && q.consumers.length > 0) throw errors.precondition(`queue '${name}' in vhost '${this.name}' in use`);
    if (ifEmpty && q.messageCount > 0) throw errors.precondition(`queue '${name}' in vhost '${this.name}' not empty`);
    return this.removeQueue(q);
  }

  /** Removes a queue: its consumers are cancelled, its messages and bindings dropped. */
  removeQueue(q: Queue): number {
    const count = q.messageCount;
    q.deleted = true;
    q.stopTimers();
    q.discard();
    this.queues.delete(q.name);
    q.owner?.exclusiveQueues.delete(q);
    for (const c of [...q.consumers]) {
      q.removeConsumer(c);
      c.channel.cancelByBroker(c);
    }
    for (const m of q.ready.drain()) if (m.stored) this.storage.deleteMessage(m.id);
    for (const x of [...this.exchanges.values()]) {
      const before = x.bindings.length;
      for (let i = x.bindings.length - 1; i >= 0; i--) {
        const b = x.bindings[i]!;
        if (b.destinationType === 'queue' && b.destination === q.name) x.bindings.splice(i, 1);
      }
      if (x.bindings.length < before) this.autoDeleteIfUnbound(x);
    }
    if (q.durable) this.storage.deleteQueue(this.name, q.name);
    return count;
  }

  purgeQueue(name: string, user: QueueOwner | null): number {
    const q = this.queue(name);
    this.checkExclusive(q, user);
    if (q.options.type === 'stream') throw errors.notImplemented(`queue.purge not supported by stream queues queue '${name}' in vhost '${this.name}'`);
    const inStorageOnly = q.ready.pagedOut;
    const drained = q.ready.drain();
    if (inStorageOnly > 0 || drained.some((m) => m.stored)) this.storage.purgeQueue(this.name, name);
    for (const m of drained) m.stored = false;
    q.dispatch(); // disarms the expiry timer of the head that is gone
    return drained.length + inStorageOnly;
  }

  declareExchange(name: string, type: string, passive: boolean, durable: boolean, autoDelete: boolean,
    internal: boolean, args: Record<string, unknown>): Exchange {
    const existing = this.exchanges.get(name);
    if (passive) {
      if (!existing) throw errors.noExchange(this.name, name);
      return existing;
    }
    if (name.startsWith('amq.') && !existing) {
      throw errors.accessRefused(`exchange name '${name}' contains reserved prefix 'amq.*'`);
    }
    if (existing) {
      if (existing.type !== type) {
        throw errors.precondition(`inequivalent arg 'type' for exchange '${name}' in vhost '${this.name}': received '${type}' but current is '${existing.type}'`);
      }
      if (existing.durable !== durable) {
        throw errors.precondition(`inequivalent arg 'durable' for exchange '${name}' in vhost '${this.name}': received '${durable}' but current is '${existing.durable}'`);
      }
      const [got, cur] = [args['alternate-exchange'], existing.args['alternate-exchange']];
      if (!sameArg(got, cur)) {
        throw errors.precondition(`inequivalent arg 'alternate-exchange' for exchange '${name}' in vhost '${this.name}': ${argMismatch(got, cur)}`);
      }
      return existing;
    }
    if (!(EXCHANGE_TYPES as readonly string[]).includes(type)) {
      throw errors.commandInvalid(`unknown exchange type '${type}'`);
    }
    const ae = unwrap(args['alternate-exchange']);
    if (ae !== undefined && typeof ae !== 'string' && !Buffer.isBuffer(ae)) {
      throw errors.precondition(`invalid type '${typeName(ae)}' for arg 'alternate-exchange' in exchange '${name}' in vhost '${this.name}'`);
    }
    const x = new Exchange(this.name, name, type, durable, autoDelete, internal, args);
    x.policy = policyFor(this.policies.values(), 'exchange', name);
    this.exchanges.set(name, x);
    if (durable) this.storage.saveExchange({ vhost: this.name, name, type, durable, autoDelete, internal, arguments: args });
    return x;
  }

  deleteExchange(name: string, ifUnused: boolean): void {
    if (name === '') throw errors.accessRefused(`operation not permitted on the default exchange`);
    if (name.startsWith('amq.')) {
      throw errors.accessRefused(`deletion of system exchange '${name}' in vhost '${this.name}' not allowed`);
    }
    const x = this.exchanges.get(name);
    if (!x) return;
    if (ifUnused && x.bindings.length > 0) throw errors.precondition(`exchange '${name}' in vhost '${this.name}' in use`);
    this.exchanges.delete(name);
    if (x.durable) this.storage.deleteExchange(this.name, name);
    for (const other of this.exchanges.values()) {
      for (let i = other.bindings.length - 1; i >= 0; i--) {
        const b = other.bindings[i]!;
        if (b.destinationType === 'exchange' && b.destination === name) other.bindings.splice(i, 1);
      }
    }
  }

  bind(b: Binding): void {
    if (b.source === '') throw errors.accessRefused(`operation not permitted on the default exchange`);
    const x = this.exchange(b.source);
    if (x.type === 'headers') checkHeadersBinding(b.args);
    const durable = b.destinationType === 'queue' ? this.queue(b.destination).durable : this.exchange(b.destination).durable;
    if (x.bindings.some((e) => sameBinding(e, b))) return;
    x.bindings.push(b);
    if (x.durable && durable) this.storage.saveBinding(this.bindingRecord(b));
  }

  unbind(b: Binding): void {
    if (b.source === '') throw errors.accessRefused(`operation not permitted on the default exchange`);
    const x = this.exchange(b.source);
    if (b.destinationType === 'queue') this.queue(b.destination); else this.exchange(b.destination);
    const i = x.bindings.findIndex((e) => sameBinding(e, b));
    if (i < 0) return;
    x.bindings.splice(i, 1);
    this.storage.deleteBinding(this.bindingRecord(b));
    this.autoDeleteIfUnbound(x);
  }

  /** Sets (adds or replaces) a policy; it applies at once to the queues and exchanges it matches. */
  setPolicy(p: PolicyRecord): void {
    this.policies.set(p.name, p);
    this.applyPolicies();
  }

  /** Removes a policy (false: there was none); what it applied to falls back to the next, or none. */
  deletePolicy(name: string): boolean {
    if (!this.policies.delete(name)) return false;
    this.applyPolicies();
    return true;
  }

  /** Each queue and exchange gets the policy now in effect on it (RabbitMQ re-evaluates on every change). */
  private applyPolicies(): void {
    const all = [...this.policies.values()];
    for (const x of this.exchanges.values()) if (x.name !== '') x.policy = policyFor(all, 'exchange', x.name);
    for (const q of [...this.queues.values()]) {
      const p = policyFor(all, 'queue', q.name);
      if (p !== q.policy) q.applyPolicy(p);
    }
  }

  /** An auto-delete exchange goes when its last binding (as source) goes, as RabbitMQ. */
  private autoDeleteIfUnbound(x: Exchange): void {
    if (x.autoDelete && x.bindings.length === 0 && this.exchanges.get(x.name) === x) this.deleteExchange(x.name, false);
  }

  private bindingRecord(b: Binding): BindingRecord {
    return { vhost: this.name, source: b.source, destination: b.destination, destinationType: b.destinationType,
      routingKey: b.routingKey, arguments: b.args };
  }

  get scheduler(): Scheduler { return this.services.scheduler; }
  get messageMemory(): MessageMemory { return this.services.messageMemory; }

  /** A message that leaves the broker for good (acked, dropped): forgotten by storage too. */
  drop(m: Message): void {
    if (!m.stored) return;
    this.storage.deleteMessage(m.id);
    m.stored = false;
  }

  /**
   * QueueHost: messages dead in `q` go to its dead-letter exchange, with x-death telling why, routed
   * by x-dead-letter-routing-key or their own key. Without one (or if it is missing) they are
   * dropped. A message that would die again in a queue it already died in, with no rejection in
   * its story, is dropped too: RabbitMQ's cycle rule, so expiry loops cannot spin forever.
   */
  deadLetter(q: Queue, messages: Message[], reason: DeathReason): void {
    const dlx = q.options.deadLetterExchange;
    const x = dlx === undefined ? undefined : this.exchanges.get(dlx);
    for (const m of messages) {
      this.drop(m);
      this.services.events.record({ kind: 'dead-lettered', vhost: this.name, queue: q.name, messageId: m.id,
        detail: x ? `${reason} → exchange '${x.name}'` : `${reason}, dropped` });
      if (!x) continue;
      const routingKey = q.options.deadLetterRoutingKey ?? m.routingKey;
      const propertiesRaw = deadLetteredProperties(m.propertiesRaw, {
        reason, queue: q.name, exchange: m.exchange, routingKeys: [m.routingKey], time: this.scheduler.clock.now(),
      });
      const history = deathHistory(propertiesRaw);
      this.publish({ exchange: x.name, routingKey, propertiesRaw, body: m.body },
        { skip: (t) => !history.rejected && history.queues.has(t.name) });
    }
  }

  /** QueueHost: a queue's stored messages, read back as they come up. */
  readStored(q: Queue, afterId: number, limit: number, maxBytes: number): Message[] {
    return this.storage.readMessages(this.name, q.name, afterId, limit, maxBytes);
  }

  /** QueueHost: storage keeps who holds a stored message, its count and redelivered flag. */
  recordDelivery(m: Message, holder: Holder | null): void {
    if (m.stored) this.storage.updateDelivery(m, holder);
  }

  /** QueueHost: x-expires ran out. */
  expireQueue(q: Queue): void {
    if (this.queues.get(q.name) !== q) return;
    this.services.events.record({ kind: 'queue.expired', vhost: this.name, queue: q.name, detail: 'x-expires' });
    this.removeQueue(q);
  }
}

function sameBinding(a: Binding, b: Binding): boolean {
  return a.destination === b.destination && a.destinationType === b.destinationType && a.routingKey === b.routingKey
    && JSON.stringify(a.args) === JSON.stringify(b.args);
}

/** Two values of an argument alike, as RabbitMQ's equivalence check compares them: type class and value. */
function sameArg(a: unknown, b: unknown): boolean {
  const [x, y] = [unwrap(a), unwrap(b)];
  if (x === undefined || y === undefined) return x === y;
  return typeClass(x) === typeClass(y) && String(x) === String(y);
}

/** RabbitMQ's "received … but current is …": values as they are, or typed where one side is none. */
function argMismatch(got: unknown, cur: unknown): string {
  const [g, c] = [unwrap(got), unwrap(cur)];
  if (g !== undefined && c !== undefined) return `received '${String(g)}' but current is '${String(c)}'`;
  return `received ${describeArg(g)} but current is ${describeArg(c)}`;
}

function describeArg(v: unknown): string {
  if (v === undefined) return 'none';
  return `the value '${String(v)}' of type '${typeName(v)}'`;
}
