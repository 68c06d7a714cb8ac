/**
 * The storage core needs, declared here and provided by store/ (SQLite). Writes are queued and
 * committed together once per event-loop turn (group commit); `afterCommit` runs a callback once
 * everything queued before it is on disk — publisher confirms wait on it.
 */
import type { BrokerEvent } from './events.ts';
import type { Message } from './message.ts';

export interface QueueRecord {
  vhost: string; name: string; durable: boolean; autoDelete: boolean; arguments: Record<string, unknown>;
}
export interface ExchangeRecord {
  vhost: string; name: string; type: string; durable: boolean; autoDelete: boolean; internal: boolean;
  arguments: Record<string, unknown>;
}
export interface BindingRecord {
  vhost: string; source: string; destination: string; destinationType: 'queue' | 'exchange';
  routingKey: string; arguments: Record<string, unknown>;
}
export interface UserRecord { name: string; passwordHash: string; tags: string }
export interface PermissionRecord { user: string; vhost: string; configure: string; write: string; read: string }
/** A vhost limit, as RabbitMQ's vhost-limits parameter: max-queues, max-connections. */
export interface VhostLimitRecord { vhost: string; name: string; value: number }
/** A policy, as RabbitMQ's set_policy takes it: the highest priority whose pattern matches applies. */
export interface PolicyRecord {
  vhost: string; name: string;
  /** A regular expression, unanchored, matched against queue and exchange names. */
  pattern: string;
  applyTo: 'queues' | 'exchanges' | 'all';
  priority: number;
  definition: Record<string, unknown>;
}
export interface StoredMessage extends Message {
  vhost: string;
  queue: string;
  /** It was delivered and unacknowledged when the broker stopped: it comes back redelivered. */
  acquired: boolean;
}

/** Who holds a stored message delivered and not yet acknowledged: what the database shows of a lease. */
export interface Holder {
  /** The connection's name, as the management API's (`127.0.0.1:50312 -> 127.0.0.1:5672`). */
  connection: string;
  /** The client-provided connection name (client property connection_name), if any. */
  clientName?: string;
  /** "connection id/channel number", as the event log names it. */
  channel: string;
  /** Absent for basic.get. */
  consumerTag?: string;
  /** Broker clock, ms: delivered at, and when the lease runs out (absent: no consumer timeout). */
  since: number;
  until?: number;
}

/** A queue's stored messages that start-up leaves in storage, to be read when they come up. */
export interface Backlog { vhost: string; queue: string; count: number; bytes: number }

export interface DurableState {
  vhosts: string[]; users: UserRecord[]; permissions: PermissionRecord[]; vhostLimits: VhostLimitRecord[]; queues: QueueRecord[];
  exchanges: ExchangeRecord[]; bindings: BindingRecord[]; policies: PolicyRecord[];
  /**
   * The stored messages read at start-up, whole: those a consumer held when the broker stopped
   * (few: what was in flight). Every other stored message is only counted, in backlogs.
   */
  messages: StoredMessage[];
  /** Per queue, its other stored messages: readMessages reads them. */
  backlogs: Backlog[];
  /** The highest message id in storage (0: none): new ids continue after it. */
  lastMessageId: number;
  /** The newest events kept, oldest first. */
  events: BrokerEvent[];
}

/** A stream's message as storage keeps it (its properties as published, without x-stream-offset). */
export interface StreamRecord {
  offset: number; timestamp: number; segment: number; exchange: string; routingKey: string; propertiesRaw: Buffer; body: Buffer;
}

/** A stream's log in storage: appended at the end, cut at the front by retention. */
export interface StreamStore {
  /** A stream's messages in offset order (at start-up). */
  load(vhost: string, queue: string): StreamRecord[];
  append(vhost: string, queue: string, r: StreamRecord): void;
  /** Retention removed every message before this offset. */
  truncate(vhost: string, queue: string, beforeOffset: number): void;
  /** The stream was deleted. */
  drop(vhost: string, queue: string): void;
}

/**
 * What a confirm promises: 'disk', the message is on disk (fsync) and survives a power cut;
 * 'process', it survives the broker being killed, not the machine; 'memory', nothing survives a restart.
 */
export type Durability = 'disk' | 'process' | 'memory';

export interface Storage {
  /** Streams' logs, kept apart from the messages of queues. */
  readonly streams: StreamStore;
  readonly durability: Durability;
  load(): DurableState;
  saveVhost(name: string): void;
  deleteVhost(name: string): void;
  saveUser(u: UserRecord): void;
  deleteUser(name: string): void;
  savePermission(p: PermissionRecord): void;
  deletePermission(user: string, vhost: string): void;
  saveVhostLimit(l: VhostLimitRecord): void;
  deleteVhostLimit(vhost: string, name: string): void;
  savePolicy(p: PolicyRecord): void;
  deletePolicy(vhost: string, name: string): void;
  saveQueue(q: QueueRecord): void;
  deleteQueue(vhost: string, name: string): void;
  saveExchange(x: ExchangeRecord): void;
  deleteExchange(vhost: string, name: string): void;
  saveBinding(b: BindingRecord): void;
  deleteBinding(b: BindingRecord): void;
  insertMessage(vhost: string, queue: string, m: Message): void;
  /**
   * A queue's stored messages with ids above afterId, in id order, bodies included: at most
   * `limit`, stopping at the message whose body brings the page to `maxBytes`. Messages whose insert
   * is not yet committed are among them (read from memory, not from the database).
   */
  readMessages(vhost: string, queue: string, afterId: number, limit: number, maxBytes: number): Message[];
  deleteMessage(id: number): void;
  /**
   * Records that a stored message was handed to a consumer (its holder) or given back (null), with
   * its delivery count and redelivered flag, in the next group commit: after a crash a held message
   * comes back redelivered, and a delivery limit holds.
   */
  updateDelivery(m: Message, holder: Holder | null): void;
  appendEvent(e: BrokerEvent): void;
  purgeQueue(vhost: string, name: string): void;
  /** False while commits fail (disk full, database locked): the broker blocks publishers meanwhile. */
  readonly writable: boolean;
  onWritableChange(fn: (writable: boolean, reason?: string) => void): void;
  /**
   * Runs fn after every write queued so far is committed (at once if none is pending); ifLost
   * instead, at once, if that commit cannot happen because the database file is gone.
   */
  afterCommit(fn: () => void, ifLost?: () => void): void;
  close(): void;
}
