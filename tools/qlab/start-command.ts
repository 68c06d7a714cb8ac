/** `qlab start`: broker-sim in the background on the kit's database, unless one is running on it. */
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { listDiscoveries } from '../../broker-sim/src/discovery.ts';
import { lockHolder } from '../../broker-sim/src/store/lock.ts';
import { startSimInBackground } from '../shared/brokers/index.ts';

const root = new URL('../../', import.meta.url).pathname;

export const startCommand: CommandModule = {
  command: 'start',
  describe: 'Start broker-sim in the background on the kit\'s queuelab.db unless one is running on it, and print its URL',
  handler: async () => {
    const db = join(root, 'queuelab.db');
    const running = listDiscoveries().find((d) => d.dbPath === db);
    if (running) { console.log(`broker-sim is running on ${db}: ${running.amqpUrl} (pid ${running.pid})`); return; }
    // One broker per database file: one that holds its lock runs on it, even without a discovery entry.
    const holder = lockHolder(db);
    if (holder) { console.log(`broker-sim is running on ${db}: ${holder.amqpUrl ?? 'starting'} (pid ${holder.pid})`); return; }
    const d = await startSimInBackground(['--any-port', '--db', db]);
    console.log(`broker-sim started: ${d.amqpUrl} (pid ${d.pid}, database ${d.dbPath})`);
  },
};
