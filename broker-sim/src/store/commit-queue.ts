/**
 * Writes waiting for their commit, and when that commit happens. Everything queued is committed in
 * one transaction (group commit): writes nobody waits for within LAZY_COMMIT_MS, so many event-loop
 * turns share one transaction; as soon as someone waits (a publisher confirm, a durable -ok), at the
 * end of the turn. A message deleted before its insert was committed (acked at once) is never
 * written at all. While commits fail (disk full, database locked) nothing is lost or confirmed: the
 * batch stays queued, watchers hear that the store cannot be written (the broker blocks
 * publishers), and the commit is retried with back-off — the deletes alone first, which free room.
 */
import type { BrokerEvent } from '../core/events.ts';
import type { Message } from '../core/message.ts';
import type { Holder } from '../core/storage.ts';
import { systemStoreClock, type StoreClock } from './clock.ts';
import { DatabaseFileLost } from './file-guard.ts';

/** A callback waiting for a commit, and what to run instead if the database file is lost. */
interface Waiter { fn: () => void; ifLost?: (() => void) | undefined }

/** A message to insert; `holder` is set when a consumer took it before the insert was committed. */
export interface PendingInsert { vhost: string; queue: string; m: Message; holder?: Holder | null }
/** A stored message's holder (null: given back), delivery count and redelivered flag, to update. */
export interface PendingUpdate { m: Message; holder: Holder | null }

/** What one commit writes. */
export interface Batch {
  /** Changes to vhosts, users, queues, exchanges, bindings…, in the order they were made. */
  ops: readonly (() => void)[];
  inserts: Iterable<PendingInsert>;
  updates: Iterable<PendingUpdate>;
  deletes: readonly number[];
  events: readonly BrokerEvent[];
}

/** Writes batches to the database. */
export interface BatchWriter {
  /** Writes a batch in one transaction; throws, having written none of it, when that fails. */
  write(batch: Batch): void;
  /** Writes only these message deletes, in one transaction (while commits fail: they free room). */
  writeDeletes(ids: readonly number[]): void;
}

export interface CommitQueueHooks {
  /** After each successful commit (maintenance counts them). */
  committed?(): void;
  /** The first failure of a run of failing commits. */
  failed?(err: Error): void;
  /**
   * While true, only deletes are committed (a full disk's reserve is in use: acks free room, inserts
   * would eat it); the rest waits, re-tried every RETRY_FIRST_MS, until it is false again.
   */
  deletesOnly?(): boolean;
}

/** The longest a write nobody waits for stays uncommitted. */
export const LAZY_COMMIT_MS = 5;
/** Retrying a commit that failed: from 50 ms, doubling, at most every 2 s. Only while failing. */
export const RETRY_FIRST_MS = 50;
export const RETRY_MAX_MS = 2_000;

export class CommitQueue {
  private ops: (() => void)[] = [];
  private inserts = new Map<number, PendingInsert>();
  private deletes: number[] = [];
  private updates = new Map<number, PendingUpdate>();
  private events: BrokerEvent[] = [];
  /** A commit is due: on the lazy timer, at the end of this turn, or on the retry timer. */
  private scheduled = false;
  private cancelLazy: (() => void) | undefined;
  private cancelSoon: (() => void) | undefined;
  private cancelRetry: (() => void) | undefined;
  private retryDelay = RETRY_FIRST_MS;
  private failure: string | undefined;
  private waiting: Waiter[] = [];
  /** The last commit failed because the database file is gone (removed or replaced). */
  private fileLost = false;
  private readonly watchers: ((writable: boolean, reason?: string) => void)[] = [];
  private closed = false;

  constructor(private readonly writer: BatchWriter, private readonly clock: StoreClock = systemStoreClock,
    private readonly hooks: CommitQueueHooks = {}) {}

  /** Whether writes wait for a commit. */
  get pending(): boolean { return this.scheduled; }

  /** Whether the last commit succeeded. */
  get writable(): boolean { return this.failure === undefined; }

  /** How long the next retry waits, while commits fail. */
  get nextRetryMs(): number { return this.retryDelay; }

  onWritableChange(fn: (writable: boolean, reason?: string) => void): void { this.watchers.push(fn); }

  /** A change written in the next commit, in order with the others. */
  op(fn: () => void): void {
    this.ops.push(fn);
    this.schedule();
  }

  insert(vhost: string, queue: string, m: Message): void {
    this.inserts.set(m.id, { vhost, queue, m });
    this.schedule();
  }

  delete(id: number): void {
    this.updates.delete(id);
    // Settled before it was written: nothing to write, nothing to delete.
    if (this.inserts.delete(id)) return;
    this.deletes.push(id);
    this.schedule();
  }

  update(m: Message, holder: Holder | null): void {
    // Not written yet: the pending insert writes the message as it is at commit time.
    const pending = this.inserts.get(m.id);
    if (pending) pending.holder = holder;
    else this.updates.set(m.id, { m, holder });
    this.schedule();
  }

  event(e: BrokerEvent): void {
    this.events.push(e);
    this.schedule();
  }

  /** A queue's messages whose insert is not yet written, with ids above afterId, in id order. */
  pendingInserts(vhost: string, queue: string, afterId: number): Message[] {
    const out: Message[] = [];
    for (const p of this.inserts.values()) if (p.m.id > afterId && p.queue === queue && p.vhost === vhost) out.push(p.m);
    // Ids are given out in publish order, so this is already sorted unless inserts were interleaved.
    return out.sort((a, b) => a.id - b.id);
  }

  /** Inserts not yet written that a deleted queue or vhost takes with it. */
  dropInserts(match: (p: PendingInsert) => boolean): void {
    for (const [id, p] of this.inserts) if (match(p)) this.inserts.delete(id);
  }

  /**
   * Runs fn after every write queued so far is committed (at once if none is pending). With
   * ifLost, a caller that can take no for an answer (a publisher confirm) is told at once instead
   * when the commit cannot happen because the database file is gone.
   */
  afterCommit(fn: () => void, ifLost?: () => void): void {
    if (!this.scheduled) { fn(); return; }
    if (this.fileLost && ifLost) { ifLost(); return; }
    this.waiting.push({ fn, ifLost });
    this.hurry();
  }

  /** Commits everything queued now, then runs the callbacks that waited for it; on failure, retries later. */
  flush(): void {
    this.scheduled = false;
    this.cancelLazy?.();
    this.cancelSoon?.();
    this.cancelRetry?.();
    this.cancelLazy = this.cancelSoon = this.cancelRetry = undefined;
    if (this.closed) return;
    try {
      const deletesOnly = this.hooks.deletesOnly?.() ?? false;
      if ((this.failure || deletesOnly) && this.deletes.length > 0) {
        this.commitDeletes();
        if (deletesOnly) this.hooks.committed?.();
      }
      if (this.hooks.deletesOnly?.()) { this.holdBack(); return; }
      this.commitAll();
    } catch (err) {
      this.failed(err as Error);
      return;
    }
    this.fileLost = false;
    if (this.failure) {
      this.failure = undefined;
      this.retryDelay = RETRY_FIRST_MS;
      for (const fn of this.watchers) fn(true);
    }
    this.hooks.committed?.();
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w.fn();
  }

  /** Commits what is pending (one try) and stops every timer. */
  close(): void {
    if (this.scheduled) this.flush();
    this.closed = true;
    this.cancelLazy?.();
    this.cancelSoon?.();
    this.cancelRetry?.();
  }

  private commitAll(): void {
    const batch: Batch = { ops: this.ops, inserts: this.inserts.values(), updates: this.updates.values(), deletes: this.deletes, events: this.events };
    this.writer.write(batch);
    // Only after the commit: on failure everything is still queued for the retry.
    this.ops = [];
    this.inserts = new Map();
    this.deletes = [];
    this.updates = new Map();
    this.events = [];
  }

  private commitDeletes(): void {
    this.writer.writeDeletes(this.deletes);
    this.deletes = [];
  }

  /** The file is gone: those who can take no for an answer get it now; what they waited for stays queued. */
  private releaseLost(): void {
    const told = this.waiting.filter((w) => w.ifLost);
    this.waiting = this.waiting.filter((w) => !w.ifLost);
    for (const w of told) w.ifLost!();
  }

  /** Keeps what is queued (nobody waiting is released) and tries again soon. */
  private holdBack(): void {
    this.scheduled = true;
    this.cancelRetry = this.clock.setTimer(RETRY_FIRST_MS, () => { this.cancelRetry = undefined; this.flush(); });
  }

  private failed(err: Error): void {
    this.fileLost = err instanceof DatabaseFileLost;
    if (this.fileLost) this.releaseLost();
    const first = this.failure === undefined;
    this.failure = err.message;
    if (first) {
      this.hooks.failed?.(err);
      for (const fn of this.watchers) fn(false, err.message);
    }
    this.scheduled = true;
    this.cancelRetry = this.clock.setTimer(this.retryDelay, () => { this.cancelRetry = undefined; this.flush(); });
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
  }

  /**
   * Writes nobody waits for (no confirm, no tx.commit) are committed within LAZY_COMMIT_MS, so many
   * event-loop turns share one transaction. The process stays up for it: no write is lost to an exit.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.cancelLazy = this.clock.setTimer(LAZY_COMMIT_MS, () => { this.cancelLazy = undefined; this.flush(); }, true);
  }

  /** Someone waits: commit at the end of this turn instead (not while failing: the retry timer decides). */
  private hurry(): void {
    if (!this.cancelLazy) return;
    this.cancelLazy();
    this.cancelLazy = undefined;
    this.cancelSoon = this.clock.setTimer(0, () => { this.cancelSoon = undefined; this.flush(); }, true);
  }
}
