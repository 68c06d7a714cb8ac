/**
 * The database file is the one the broker opened: a file removed or replaced under a running broker
 * (rm, mv, a restore copied over it) would take every later commit into a file nobody will open
 * again. Checked before each commit (one stat, nothing while idle): a different file, or none, fails
 * the commit, so publishers are blocked with the reason and publisher confirms waiting for the
 * commit are answered with basic.nack (no promise can be kept in a file nobody will open again),
 * until the file is back.
 */
import { statSync } from 'node:fs';

/** The path no longer names the database file the broker opened. */
export class DatabaseFileLost extends Error {
  override name = 'DatabaseFileLost';
}

export class FileGuard {
  private readonly dev: number;
  private readonly ino: number;

  constructor(private readonly path: string) {
    const s = statSync(path);
    this.dev = s.dev;
    this.ino = s.ino;
  }

  /** Throws, with the reason in one line, when the path no longer names the file opened. */
  check(): void {
    let s;
    try {
      s = statSync(this.path);
    } catch {
      throw new DatabaseFileLost(`the database file ${this.path} was removed while broker-sim runs; put it back or restart broker-sim`);
    }
    if (s.dev !== this.dev || s.ino !== this.ino) {
      throw new DatabaseFileLost(`the database file ${this.path} was replaced by another file while broker-sim runs; put it back or restart broker-sim`);
    }
  }
}
