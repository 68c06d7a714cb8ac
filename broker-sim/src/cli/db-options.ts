/** --db FILE | --memory, shared by every broker-sim command that opens the database. */
import type { Argv } from 'yargs';

export interface DbArgs { db: string; memory: boolean }

export function dbOptions<T>(y: Argv<T>): Argv<T & DbArgs> {
  return y
    .option('db', { type: 'string', default: 'queuelab.db', describe: 'SQLite database file' })
    .option('memory', { type: 'boolean', default: false, describe: 'keep nothing on disk (an in-memory database)' });
}

/** The file SQLite opens: ':memory:' with --memory, else --db. */
export function dbPathOf(a: DbArgs): string {
  return a.memory ? ':memory:' : a.db;
}

/** The builder of a command on one named thing in the database: `NAME` with --db/--memory. */
export const namedInDb = (y: Argv) => dbOptions(y).positional('name', { type: 'string', demandOption: true });
