/**
 * Keeping the files small: a backlog that was consumed leaves free pages, given back every so many
 * commits (incremental vacuum); once commits stop for a second, the WAL is checkpointed and
 * truncated, so after a burst the files return near their size before it. One timer, set only
 * after activity: an idle broker does nothing here.
 */
import type Database from 'better-sqlite3';
import type { StoreClock } from './clock.ts';

/** Every so many commits, free pages beyond a quarter of the file are returned. */
const RECLAIM_EVERY_COMMITS = 200;
const RECLAIM_MIN_FREE_PAGES = 256;
/** On a full disk, pages are given back this many at a time, each step small enough for the WAL it reuses. */
const SHRINK_STEP_PAGES = 64;
/** Quiet time after the last commit before the files are tidied. */
const IDLE_TIDY_MS = 1000;

export class Maintenance {
  private commits = 0;
  private lastCommitAt = 0;
  private cancelIdle: (() => void) | undefined;

  /** @param busy whether writes wait for a commit (then it is not quiet yet) */
  constructor(private readonly db: Database.Database, private readonly clock: StoreClock, private readonly busy: () => boolean) {}

  /** Called after each commit. */
  committed(): void {
    if (++this.commits % RECLAIM_EVERY_COMMITS === 0) {
      try { this.reclaimSpace(); } catch { /* room is reclaimed on a later commit */ }
    }
    this.lastCommitAt = this.clock.now();
    this.armIdleTidy();
  }

  /**
   * On a full disk: the WAL checkpointed first (the database file takes its pages, and later
   * commits reuse the WAL from its start instead of growing it), then the free pages given back a
   * step at a time, each checkpointed so the next reuses the same WAL space, then the WAL truncated.
   */
  shrinkNow(): void {
    const attempt = (fn: () => void): boolean => {
      try { fn(); return true; } catch { return false; } // no room yet: tried again after the next commit
    };
    attempt(() => this.db.pragma('wal_checkpoint(RESTART)'));
    for (let free = this.freePages(); free > 0; free = this.freePages()) {
      if (!attempt(() => this.db.pragma(`incremental_vacuum(${Math.min(free, SHRINK_STEP_PAGES)})`))) break;
      attempt(() => this.db.pragma('wal_checkpoint(RESTART)'));
    }
    attempt(() => this.db.pragma('wal_checkpoint(TRUNCATE)'));
  }

  private freePages(): number { return Number(this.db.pragma('freelist_count', { simple: true })); }

  close(): void {
    this.cancelIdle?.();
    this.cancelIdle = undefined;
  }

  /** Gives most free pages back when there are many; cheap when there is little to free. */
  private reclaimSpace(): void {
    const free = Number(this.db.pragma('freelist_count', { simple: true }));
    if (free < RECLAIM_MIN_FREE_PAGES) return;
    const pages = Number(this.db.pragma('page_count', { simple: true }));
    if (free * 4 < pages) return;
    this.db.pragma(`incremental_vacuum(${free})`);
  }

  private armIdleTidy(): void {
    if (this.cancelIdle) return;
    this.cancelIdle = this.clock.setTimer(IDLE_TIDY_MS, () => {
      this.cancelIdle = undefined;
      if (!this.db.open) return;
      if (this.clock.now() - this.lastCommitAt < IDLE_TIDY_MS || this.busy()) { this.armIdleTidy(); return; }
      try {
        this.reclaimSpace();
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch { /* busy or failing: the next idle moment tries again */ }
    });
  }
}
