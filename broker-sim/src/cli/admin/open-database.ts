/**
 * The broker state the admin commands change: the database opened as a broker (without its
 * messages), changed, committed and closed.
 */
import { Broker } from '../../core/broker.ts';
import { systemClock } from '../../core/clock.ts';
import { SqliteStore } from '../../store/sqlite-store.ts';
import { dbPathOf, type DbArgs } from '../db-options.ts';

/** Opens the database of `--db`/`--memory`, runs fn on the broker state, commits and closes. */
export function withBroker<T>(a: DbArgs, fn: (b: Broker) => T): T {
  const store = new SqliteStore(dbPathOf(a));
  try {
    return fn(new Broker(store, systemClock, { restoreMessages: false }));
  } finally {
    store.close();
  }
}
