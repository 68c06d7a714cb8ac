/**
 * Storage for core unit tests: records what core asks to keep. It commits at once, or — with
 * `autoCommit` off — holds every write until the test calls commit(), as the SQLite store holds
 * writes until their transaction, so a test can see what core sends only after a commit.
 */
import type { Message } from '../../src/core/message.ts';
import { takePage } from '../../src/core/ready-list.ts';
import type { DurableState, Holder, Storage, StreamRecord, StreamStore } from '../../src/core/storage.ts';

/** Streams' logs kept in a map, for core unit tests. */
class MemoryStreams implements StreamStore {
  readonly logs = new Map<string, StreamRecord[]>();
  load(vhost: string, queue: string): StreamRecord[] { return [...(this.logs.get(`${vhost}/${queue}`) ?? [])]; }
  append(vhost: string, queue: string, r: StreamRecord): void {
    const key = `${vhost}/${queue}`;
    this.logs.set(key, [...(this.logs.get(key) ?? []), r]);
  }
  truncate(vhost: string, queue: string, beforeOffset: number): void {
    const key = `${vhost}/${queue}`;
    this.logs.set(key, (this.logs.get(key) ?? []).filter((r) => r.offset >= beforeOffset));
  }
  drop(vhost: string, queue: string): void { this.logs.delete(`${vhost}/${queue}`); }
}

export class MemoryStorage implements Storage {
  /** The stored messages by id, in id order. */
  readonly messages = new Map<number, { vhost: string; queue: string; acquired: boolean; m: Message }>();
  /** Pages read back (readMessages calls). */
  reads = 0;
  autoCommit = true;
  readonly streams = new MemoryStreams();
  private pending = false;
  private waiting: (() => void)[] = [];

  load(): DurableState {
    return { vhosts: [], users: [], permissions: [], vhostLimits: [], queues: [], exchanges: [], bindings: [], policies: [], messages: [], backlogs: [],
      lastMessageId: 0, events: [] };
  }
  saveVhost(): void { this.write(); }
  deleteVhost(): void { this.write(); }
  saveUser(): void { this.write(); }
  deleteUser(): void { this.write(); }
  savePermission(): void { this.write(); }
  deletePermission(): void { this.write(); }
  saveVhostLimit(): void { this.write(); }
  deleteVhostLimit(): void { this.write(); }
  savePolicy(): void { this.write(); }
  deletePolicy(): void { this.write(); }
  saveQueue(): void { this.write(); }
  deleteQueue(): void { this.write(); }
  saveExchange(): void { this.write(); }
  deleteExchange(): void { this.write(); }
  saveBinding(): void { this.write(); }
  deleteBinding(): void { this.write(); }
  insertMessage(vhost: string, queue: string, m: Message): void {
    this.messages.set(m.id, { vhost, queue, acquired: false, m });
    this.write();
  }
  readMessages(vhost: string, queue: string, afterId: number, limit: number, maxBytes: number): Message[] {
    this.reads++;
    const rows = [...this.messages.values()].filter((r) => r.vhost === vhost && r.queue === queue && r.m.id > afterId);
    return takePage(rows.map((r) => r.m), limit, maxBytes);
  }
  deleteMessage(id: number): void {
    this.messages.delete(id);
    this.write();
  }
  updateDelivery(m: Message, holder: Holder | null): void {
    const acquired = holder !== null;
    const row = this.messages.get(m.id);
    if (row) row.acquired = acquired;
    this.write();
  }
  appendEvent(): void {}
  purgeQueue(vhost: string, name: string): void {
    for (const [id, m] of this.messages) if (m.vhost === vhost && m.queue === name) this.messages.delete(id);
    this.write();
  }
  afterCommit(fn: () => void): void {
    if (this.pending) this.waiting.push(fn); else fn();
  }
  /** Commits what is pending (autoCommit off): the callbacks waiting for it run. */
  commit(): void {
    this.pending = false;
    const waiting = this.waiting;
    this.waiting = [];
    for (const fn of waiting) fn();
  }
  readonly writable = true;
  readonly durability = 'memory' as const;
  onWritableChange(): void {}
  close(): void {}

  private write(): void {
    if (!this.autoCommit) this.pending = true;
  }
}
