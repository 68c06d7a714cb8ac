/**
 * A queue's ready messages. Classic queues keep them in id order and put a requeued message back in
 * its original place (binary search), as RabbitMQ does; priority queues keep one such list per
 * priority; quorum queues serve returned messages first, in the order they came back (RabbitMQ 3.10).
 */
import type { Message } from './message.ts';

export interface Ready extends Iterable<Message> {
  readonly length: number;
  /** Body bytes of the ready messages (x-max-length-bytes). */
  readonly bytes: number;
  push(m: Message): void;
  /** A message given back unacknowledged. */
  putBack(m: Message): void;
  shift(): Message | undefined;
  peek(): Message | undefined;
  drain(): Message[];
}

export class ReadyList implements Ready {
  private items: Message[] = [];
  private head = 0;
  bytes = 0;

  get length(): number { return this.items.length - this.head; }

  push(m: Message): void {
    const last = this.items[this.items.length - 1];
    if (this.length > 0 && last && last.id > m.id) return this.putBack(m);
    this.items.push(m);
    this.bytes += m.body.length;
  }

  /** Puts m back in id order. */
  putBack(m: Message): void {
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

  peek(): Message | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
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

/** x-max-priority: higher priorities first; within one priority, id order. */
export class PriorityReady implements Ready {
  private readonly lists: ReadyList[];
  constructor(readonly maxPriority: number) {
    this.lists = Array.from({ length: maxPriority + 1 }, () => new ReadyList());
  }
  get length(): number { return this.lists.reduce((n, l) => n + l.length, 0); }
  get bytes(): number { return this.lists.reduce((n, l) => n + l.bytes, 0); }
  private list(m: Message): ReadyList {
    return this.lists[Math.min(Math.max(m.priority ?? 0, 0), this.maxPriority)]!;
  }
  push(m: Message): void { this.list(m).push(m); }
  putBack(m: Message): void { this.list(m).putBack(m); }
  private top(): ReadyList | undefined {
    for (let p = this.maxPriority; p >= 0; p--) if (this.lists[p]!.length > 0) return this.lists[p];
    return undefined;
  }
  peek(): Message | undefined { return this.top()?.peek(); }
  shift(): Message | undefined { return this.top()?.shift(); }
  drain(): Message[] { return this.lists.slice().reverse().flatMap((l) => l.drain()); }
  *[Symbol.iterator](): IterableIterator<Message> {
    for (let p = this.maxPriority; p >= 0; p--) yield* this.lists[p]!;
  }
}

/** Quorum queues: messages given back go out again first, before the rest. */
export class QuorumReady implements Ready {
  private returns: Message[] = [];
  private readonly main = new ReadyList();
  private returnBytes = 0;
  get length(): number { return this.returns.length + this.main.length; }
  get bytes(): number { return this.returnBytes + this.main.bytes; }
  push(m: Message): void { this.main.push(m); }
  putBack(m: Message): void { this.returns.push(m); this.returnBytes += m.body.length; }
  peek(): Message | undefined { return this.returns[0] ?? this.main.peek(); }
  shift(): Message | undefined {
    const m = this.returns.shift();
    if (!m) return this.main.shift();
    this.returnBytes -= m.body.length;
    return m;
  }
  drain(): Message[] {
    const out = [...this.returns, ...this.main.drain()];
    this.returns = [];
    this.returnBytes = 0;
    return out;
  }
  *[Symbol.iterator](): IterableIterator<Message> {
    yield* this.returns;
    yield* this.main;
  }
}
