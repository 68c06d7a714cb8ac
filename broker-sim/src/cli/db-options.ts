/** --db FILE | --memory, shared by every broker-sim command that opens the database. */
import type { Argv } from 'yargs';

export interface DbArgs { db: string; memory: boolean; dbPath: string }

export function dbOptions<T>(y: Argv<T>): Argv<T & DbArgs> {
  return y
    .option('db', { type: 'string', default: 'queuelab.db', describe: 'SQLite database file' })
    .option('memory', { type: 'boolean', default: false, describe: 'keep nothing on disk (an in-memory database)' })
    .middleware((a) => { (a as unknown as DbArgs).dbPath = a.memory ? ':memory:' : String(a.db); }) as unknown as Argv<T & DbArgs>;
}
