/**
 * A queue's ready messages. Classic queues keep them in id order and put a requeued message back in
 * its original place (binary search), as RabbitMQ does; priority queues keep one such list per
 * priority; quorum queues serve returned messages first, in the order they came back (RabbitMQ 3.10).
 *
 * A list given a pager holds only a window of its stored messages in memory: once WINDOW_MESSAGES
 * (or WINDOW_BYTES) of them wait, later stored ones stay in storage only — counted, with their
 * sizes — and are read back in id order, a page at a time, as the head of the list reaches them.
 * Memory then holds what dispatch needs next, whatever the backlog; messages that are not stored
 * (transient) stay in memory, in their place by id.
 */
import type { Message, MessageMemory } from './message.ts';

/** Stored messages held in memory per queue before later ones are left in storage. */
export const WINDOW_MESSAGES = 256;
export const WINDOW_BYTES = 1024 * 1024;

/**
 * Reads a queue's stored ready messages with ids above `afterId`, in id order: at most `limit`,
 * stopping at the message whose body brings the page to `maxBytes`. A page with fewer messages and
 * fewer bytes than that says there are no more.
 */
export type Pager = (afterId: number, limit: number, maxBytes: number) => Message[];

/**
 * The first page of id-ordered messages, as a Pager returns it: at most `limit`, stopping at the
 * message whose body brings it to `maxBytes`.
 */
export function takePage(sorted: Iterable<Message>, limit: number, maxBytes: number): Message[] {
  const page: Message[] = [];
  let bytes = 0;
  for (const m of sorted) {
    if (page.length >= limit || bytes >= maxBytes) break;
    page.push(m);
    bytes += m.body.length;
  }
  return page;
}

/** A page with fewer messages and fewer bytes than a full one: storage has no more. */
function isLastPage(page: readonly Message[]): boolean {
  return page.length < WINDOW_MESSAGES && page.reduce((n, m) => n + m.body.length, 0) < WINDOW_BYTES;
}

export interface Ready extends Iterable<Message> {
  /** Ready messages, in memory or in storage only. */
  readonly length: number;
  /** Body bytes of the ready messages (x-max-length-bytes). */
  readonly bytes: number;
  /** Ready messages left in storage only, and their body bytes (RabbitMQ's messages_paged_out). */
  readonly pagedOut: number;
  readonly pagedOutBytes: number;
  push(m: Message): void;
  /** A message given back unacknowledged. */
  putBack(m: Message): void;
  shift(): Message | undefined;
  peek(): Message | undefined;
  /** The head if it is in memory, without reading storage (undefined when it would take a read). */
  peekInMemory(): Message | undefined;
  /** Removes every message; returns those in memory (the ones in storage only are the caller's to delete there). */
  drain(): Message[];
  /** Stored messages found at start-up, read from storage when the head reaches them. */
  restorePagedOut(count: number, bytes: number): void;
  /**
   * A stored message restored at start-up on its own (one a consumer held when the broker stopped)
   * or dropped then: reading the queue's messages from storage passes over it. Before restorePagedOut.
   */
  passOver(id: number): void;
}

export class ReadyList implements Ready {
  private items: Message[] = [];
  private head = 0;
  /** Body bytes of the messages in memory. */
  private memoryBytes = 0;
  /** Stored messages not in memory: all have ids above pagedAfter. */
  pagedOut = 0;
  pagedOutBytes = 0;
  private pagedAfter = 0;
  /** Stored messages restored out of turn at start-up (see passOver): paging skips them. */
  private readonly skip = new Set<number>();
  /** Stored messages in memory, for the window. */
  private storedInMemory = 0;
  private storedBytesInMemory = 0;

  /**
   * @param pager reads stored messages back; without one, every message stays in memory
   * @param memory the broker's account of message memory, told of each message kept in memory and let go
   */
  constructor(private readonly pager?: Pager, private readonly memory?: MessageMemory) {}

  get length(): number { return this.items.length - this.head + this.pagedOut; }
  get bytes(): number { return this.memoryBytes + this.pagedOutBytes; }

  push(m: Message): void {
    if (this.pager && m.stored && (this.pagedOut > 0 || this.windowFull())) {
      if (this.pagedOut === 0) this.pagedAfter = m.id - 1;
      this.pagedOut++;
      this.pagedOutBytes += m.body.length;
      return;
    }
    this.keep(m);
  }

  /** Puts m back in id order (always in memory: a message given back was delivered from it). */
  putBack(m: Message): void {
    this.place(m);
    this.added(m);
  }

  peek(): Message | undefined {
    this.fillHead();
    return this.peekInMemory();
  }

  peekInMemory(): Message | undefined {
    const m = this.head < this.items.length ? this.items[this.head] : undefined;
    return m && (this.pagedOut === 0 || m.id <= this.pagedAfter) ? m : undefined;
  }

  shift(): Message | undefined {
    this.fillHead();
    if (this.head >= this.items.length) return undefined;
    const m = this.items[this.head]!;
    this.items[this.head++] = undefined as unknown as Message;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.memoryBytes -= m.body.length;
    if (m.stored) {
      this.storedInMemory--;
      this.storedBytesInMemory -= m.body.length;
    }
    this.memory?.remove(m);
    return m;
  }

  drain(): Message[] {
    const out = this.items.slice(this.head);
    if (this.memory) for (const m of out) this.memory.remove(m);
    this.items = [];
    this.head = 0;
    this.memoryBytes = this.storedInMemory = this.storedBytesInMemory = 0;
    this.pagedOut = this.pagedOutBytes = 0;
    this.skip.clear();
    return out;
  }

  restorePagedOut(count: number, bytes: number): void {
    if (count <= 0) return;
    this.pagedOut += count;
    this.pagedOutBytes += bytes;
  }

  passOver(id: number): void {
    if (this.pager && id > this.pagedAfter) this.skip.add(id);
  }

  /** The messages in memory, in order (those in storage only are not read for this). */
  *[Symbol.iterator](): IterableIterator<Message> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }

  private added(m: Message): void {
    this.memory?.add(m);
    this.memoryBytes += m.body.length;
    if (m.stored) {
      this.storedInMemory++;
      this.storedBytesInMemory += m.body.length;
    }
  }

  private windowFull(): boolean {
    return this.storedInMemory >= WINDOW_MESSAGES || this.storedBytesInMemory >= WINDOW_BYTES;
  }

  /**
   * Messages in storage only come before any in memory with a higher id: while the head is not
   * known to be the lowest, read the next page.
   */
  private fillHead(): void {
    while (this.pagedOut > 0 && (this.head >= this.items.length || this.items[this.head]!.id > this.pagedAfter)) {
      this.readPage();
    }
  }

  private readPage(): void {
    const page = this.pager!(this.pagedAfter, WINDOW_MESSAGES, WINDOW_BYTES);
    for (const m of page) {
      this.pagedAfter = m.id;
      if (this.skip.delete(m.id)) continue;
      this.pagedOut--;
      this.pagedOutBytes -= m.body.length;
      this.keep(m);
    }
    for (const id of this.skip) if (id <= this.pagedAfter) this.skip.delete(id);
    // A short page: storage has no more, so none is left to count (it held fewer than counted).
    if (isLastPage(page)) this.pagedOut = 0;
    if (this.pagedOut <= 0) {
      this.pagedOut = 0;
      this.pagedOutBytes = 0;
      this.skip.clear();
    }
  }

  /** A message kept in memory, in id order: usually at the end (a paged-in one goes before later transient ones). */
  private keep(m: Message): void {
    const last = this.items[this.items.length - 1];
    if (this.items.length > this.head && last && last.id > m.id) this.place(m);
    else this.items.push(m);
    this.added(m);
  }

  /** Inserts m among the messages in memory by id (binary search). */
  private place(m: Message): void {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.id < m.id) lo = mid + 1; else hi = mid;
    }
    if (lo === this.head && this.head > 0) this.items[--this.head] = m;
    else this.items.splice(lo, 0, m);
  }
}

/** x-max-priority: higher priorities first; within one priority, id order. Kept in memory whole. */
export class PriorityReady implements Ready {
  private readonly lists: ReadyList[];
  readonly pagedOut = 0;
  readonly pagedOutBytes = 0;
  private readonly skip = new Set<number>();
  /** @param pager reads the queue's stored messages back, all of them, at start-up */
  constructor(readonly maxPriority: number, private readonly pager?: Pager, memory?: MessageMemory) {
    this.lists = Array.from({ length: maxPriority + 1 }, () => new ReadyList(undefined, memory));
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
  peekInMemory(): Message | undefined { return this.peek(); }
  shift(): Message | undefined { return this.top()?.shift(); }
  drain(): Message[] { return this.lists.slice().reverse().flatMap((l) => l.drain()); }
  /** Priorities are not in storage's order: a priority queue reads its stored messages back at once. */
  restorePagedOut(count: number): void {
    for (let after = 0, page: Message[] = []; count > 0 && this.pager; after = page[page.length - 1]!.id) {
      page = this.pager(after, WINDOW_MESSAGES, WINDOW_BYTES);
      for (const m of page) if (!this.skip.has(m.id)) this.push(m);
      if (isLastPage(page)) break;
    }
    this.skip.clear();
  }
  passOver(id: number): void { this.skip.add(id); }
  *[Symbol.iterator](): IterableIterator<Message> {
    for (let p = this.maxPriority; p >= 0; p--) yield* this.lists[p]!;
  }
}

/** Quorum queues: messages given back go out again first, before the rest. */
export class QuorumReady implements Ready {
  private returns: Message[] = [];
  private readonly main: ReadyList;
  private returnBytes = 0;
  constructor(pager?: Pager, private readonly memory?: MessageMemory) { this.main = new ReadyList(pager, memory); }
  get length(): number { return this.returns.length + this.main.length; }
  get bytes(): number { return this.returnBytes + this.main.bytes; }
  get pagedOut(): number { return this.main.pagedOut; }
  get pagedOutBytes(): number { return this.main.pagedOutBytes; }
  push(m: Message): void { this.main.push(m); }
  putBack(m: Message): void {
    this.returns.push(m);
    this.returnBytes += m.body.length;
    this.memory?.add(m);
  }
  peek(): Message | undefined { return this.returns[0] ?? this.main.peek(); }
  peekInMemory(): Message | undefined { return this.returns[0] ?? this.main.peekInMemory(); }
  shift(): Message | undefined {
    const m = this.returns.shift();
    if (!m) return this.main.shift();
    this.returnBytes -= m.body.length;
    this.memory?.remove(m);
    return m;
  }
  drain(): Message[] {
    if (this.memory) for (const m of this.returns) this.memory.remove(m);
    const out = [...this.returns, ...this.main.drain()];
    this.returns = [];
    this.returnBytes = 0;
    return out;
  }
  restorePagedOut(count: number, bytes: number): void { this.main.restorePagedOut(count, bytes); }
  passOver(id: number): void { this.main.passOver(id); }
  *[Symbol.iterator](): IterableIterator<Message> {
    yield* this.returns;
    yield* this.main;
  }
}
