/**
 * Room kept aside for a full disk. On a full disk even an ack cannot commit (the WAL cannot grow),
 * so consumers could not drain and publishers would stay blocked until someone freed space. A file
 * of RESERVE_BYTES beside the database (`<db>.reserve`) is written at start; when a commit finds the
 * disk full it is removed, which lets acks and deletes commit and the files be shrunk, and it is
 * written again once the disk has that much room and HEADROOM_BYTES more — only then are
 * publishers let go, so the next time the disk fills there is room again to drain it.
 */
import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import type { StoreClock } from './clock.ts';

export const RESERVE_BYTES = 2 * 1024 * 1024;
export const HEADROOM_BYTES = 1024 * 1024;

export class SpaceReserve {
  private readonly path: string;
  /** Whether the reserve file is in place (false: given up to a full disk, or never written). */
  held = false;

  /** Before the database is opened: a reserve left by a killed broker is removed, so the open has that room. */
  constructor(dbPath: string) {
    this.path = `${dbPath}.reserve`;
    rmSync(this.path, { force: true });
  }

  /** Frees the reserve for commits that make room (acks, deletes). True if there was one to free. */
  release(): boolean {
    if (!this.held) return false;
    rmSync(this.path, { force: true });
    this.held = false;
    return true;
  }

  /** Writes the reserve again if the disk has room for it and the headroom; true once it is in place. */
  take(): boolean {
    if (this.held) return true;
    try {
      const fs = statfsSync(this.path.replace(/[^/]*$/, '') || '.');
      if (fs.bavail * fs.bsize < RESERVE_BYTES + HEADROOM_BYTES) return false;
      writeFileSync(this.path, Buffer.alloc(RESERVE_BYTES));
      this.held = true;
    } catch {
      rmSync(this.path, { force: true });
    }
    return this.held;
  }

  close(): void {
    rmSync(this.path, { force: true });
    this.held = false;
  }
}

/** SQLite's "database or disk is full" (SQLITE_FULL), or a write that ran out of space. */
export function isDiskFull(err: Error): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_FULL') || /disk is full|ENOSPC/.test(err.message);
}

/** How often, while the reserve is given up and nothing commits, room is looked for again. */
const RECHECK_MS = 1000;

/**
 * A full disk, from the reserve's side: `low` from the commit that found the disk full (the
 * reserve freed) until the files are shrunk and the reserve is back; publishers stay blocked that
 * long. Re-checked after each commit, and every RECHECK_MS only while low.
 */
export class FullDisk {
  low = false;
  private cancel: (() => void) | undefined;

  /**
   * @param tidy shrinks the files (checkpoint the WAL, return free pages)
   * @param recovered told when the reserve is back in place
   */
  constructor(private readonly reserve: SpaceReserve, private readonly clock: StoreClock,
    private readonly tidy: () => void, private readonly recovered: () => void) {}

  /** A commit failed: on a full disk, the reserve makes room for the acks and deletes that follow. */
  failed(err: Error): void {
    if (!isDiskFull(err) || !this.reserve.release()) return;
    this.low = true;
    // At once, before any ack commits: the checkpoint that lets the WAL be reused needs the room.
    this.recheck();
    if (this.low) this.arm();
  }

  /** A commit succeeded: while low, shrink the files and try to take the reserve back. */
  committed(): void {
    if (this.low) this.recheck();
  }

  close(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.reserve.close();
  }

  private recheck(): void {
    this.tidy();
    if (!this.reserve.take()) return;
    this.low = false;
    this.cancel?.();
    this.cancel = undefined;
    this.recovered();
  }

  private arm(): void {
    this.cancel?.();
    this.cancel = this.clock.setTimer(RECHECK_MS, () => {
      this.cancel = undefined;
      if (!this.low) return;
      this.recheck();
      if (this.low) this.arm();
    });
  }
}
