/** Storage for core unit tests: records what core asks to keep, commits at once. */
import type { Message } from '../../src/core/message.ts';
import type { DurableState, Storage } from '../../src/core/storage.ts';

export class MemoryStorage implements Storage {
  readonly messages = new Map<number, { vhost: string; queue: string }>();
  load(): DurableState {
    return { vhosts: [], users: [], permissions: [], queues: [], exchanges: [], bindings: [], messages: [], events: [] };
  }
  saveVhost(): void {}
  deleteVhost(): void {}
  saveUser(): void {}
  deleteUser(): void {}
  savePermission(): void {}
  saveQueue(): void {}
  deleteQueue(): void {}
  saveExchange(): void {}
  deleteExchange(): void {}
  saveBinding(): void {}
  deleteBinding(): void {}
  insertMessage(vhost: string, queue: string, m: Message): void { this.messages.set(m.id, { vhost, queue }); }
  deleteMessage(id: number): void { this.messages.delete(id); }
  updateDelivery(): void {}
  appendEvent(): void {}
  purgeQueue(vhost: string, name: string): void {
    for (const [id, m] of this.messages) if (m.vhost === vhost && m.queue === name) this.messages.delete(id);
  }
  afterCommit(fn: () => void): void { fn(); }
  readonly writable = true;
  onWritableChange(): void {}
  close(): void {}
}
