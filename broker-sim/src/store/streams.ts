/**
 * Streams' logs in SQLite (the stream_messages table of schema.sql): appends, retention's cuts and
 * deletion go through the commit queue with every other write, so a publisher confirm for a stream
 * is sent only once its message is committed.
 */
import type Database from 'better-sqlite3';
import type { StreamRecord, StreamStore } from '../core/storage.ts';

/** What the commit queue offers: a write in the next commit. */
export interface QueuedWrites { op(fn: () => void): void }

// Rows are read as the schema declares them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any;

export class SqliteStreams implements StreamStore {
  private readonly stmt;

  constructor(db: Database.Database, private readonly writes: QueuedWrites) {
    const p = (sql: string) => db.prepare(sql);
    this.stmt = {
      load: p('SELECT * FROM stream_messages WHERE vhost = ? AND queue = ? ORDER BY "offset"'),
      append: p(`INSERT OR REPLACE INTO stream_messages (vhost, queue, "offset", segment, timestamp, exchange, routing_key, properties, body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      truncate: p('DELETE FROM stream_messages WHERE vhost = ? AND queue = ? AND "offset" < ?'),
      drop: p('DELETE FROM stream_messages WHERE vhost = ? AND queue = ?'),
    };
  }

  load(vhost: string, queue: string): StreamRecord[] {
    return (this.stmt.load.all(vhost, queue) as Row[]).map((r): StreamRecord => ({
      offset: r.offset, timestamp: r.timestamp, segment: r.segment, exchange: r.exchange, routingKey: r.routing_key,
      propertiesRaw: r.properties, body: r.body,
    }));
  }

  append(vhost: string, queue: string, r: StreamRecord): void {
    this.writes.op(() => this.stmt.append.run(vhost, queue, r.offset, r.segment, r.timestamp, r.exchange, r.routingKey, r.propertiesRaw, r.body));
  }

  truncate(vhost: string, queue: string, beforeOffset: number): void {
    this.writes.op(() => this.stmt.truncate.run(vhost, queue, beforeOffset));
  }

  drop(vhost: string, queue: string): void {
    this.writes.op(() => this.stmt.drop.run(vhost, queue));
  }
}
