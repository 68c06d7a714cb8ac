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
export interface StoredMessage extends Message {
  vhost: string;
  queue: string;
  /** It was delivered and unacknowledged when the broker stopped (tracked for delivery-limited queues). */
  acquired: boolean;
}

export interface DurableState {
  vhosts: string[]; users: UserRecord[]; permissions: PermissionRecord[]; queues: QueueRecord[];
  exchanges: ExchangeRecord[]; bindings: BindingRecord[]; messages: StoredMessage[];
  /** The newest events kept, oldest first. */
  events: BrokerEvent[];
}

export interface Storage {
  load(): DurableState;
  saveVhost(name: string): void;
  deleteVhost(name: string): void;
  saveUser(u: UserRecord): void;
  deleteUser(name: string): void;
  savePermission(p: PermissionRecord): void;
  saveQueue(q: QueueRecord): void;
  deleteQueue(vhost: string, name: string): void;
  saveExchange(x: ExchangeRecord): void;
  deleteExchange(vhost: string, name: string): void;
  saveBinding(b: BindingRecord): void;
  deleteBinding(b: BindingRecord): void;
  insertMessage(vhost: string, queue: string, m: Message): void;
  deleteMessage(id: number): void;
  /**
   * Records that a stored message was handed to a consumer (acquired) or given back, with its
   * delivery count: what a delivery limit needs to hold across a crash.
   */
  updateDelivery(m: Message, acquired: boolean): void;
  appendEvent(e: BrokerEvent): void;
  purgeQueue(vhost: string, name: string): void;
  /** False while commits fail (disk full, database locked): the broker blocks publishers meanwhile. */
  readonly writable: boolean;
  onWritableChange(fn: (writable: boolean, reason?: string) => void): void;
  /** Runs fn after every write queued so far is committed (at once if none is pending). */
  afterCommit(fn: () => void): void;
  close(): void;
}
