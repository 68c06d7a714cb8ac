/**
 * A queue's ready messages in id order. Taking from the head is O(1); a requeued message is put back
 * in its original place by binary search, as RabbitMQ puts it back where it was.
 */
import type { Message } from './message.ts';

export class ReadyList {
  private items: Message[] = [];
  private head = 0;
  bytes = 0;

  get length(): number { return this.items.length - this.head; }

  push(m: Message): void {
    const last = this.items[this.items.length - 1];
    if (this.length > 0 && last && last.id > m.id) return this.insert(m);
    this.items.push(m);
    this.bytes += m.body.length;
  }

  /** Puts m back in id order. */
  insert(m: Message): void {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.id < m.id) lo = mid + 1; else hi = mid;
    }
    if (lo === this.head && this.head > 0) {
      this.items[--this.head] = m;
    } else {
      this.items.splice(lo, 0, m);
    }
    this.bytes += m.body.length;
  }

  shift(): Message | undefined {
    if (this.head >= this.items.length) return undefined;
    const m = this.items[this.head]!;
    this.items[this.head++] = undefined as unknown as Message;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.bytes -= m.body.length;
    return m;
  }

  /** Removes every message and returns them. */
  drain(): Message[] {
    const out = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    this.bytes = 0;
    return out;
  }

  *[Symbol.iterator](): IterableIterator<Message> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }
}
