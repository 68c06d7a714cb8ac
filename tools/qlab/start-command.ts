/** `qlab start`: broker-sim in the background on the kit's database, unless one is running. */
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { readDiscovery } from '../../broker-sim/src/discovery.ts';
import { lockHolder } from '../../broker-sim/src/store/lock.ts';
import { startSimInBackground } from '../shared/brokers/index.ts';

const root = new URL('../../', import.meta.url).pathname;

export const startCommand: CommandModule = {
  command: 'start',
  describe: 'Start broker-sim in the background unless one is running, and print its URL',
  handler: async () => {
    const running = readDiscovery();
    if (running) { console.log(`broker-sim is running: ${running.amqpUrl}`); return; }
    const dbPath = join(root, 'queuelab.db');
    // One broker per database file: a broker that holds its lock is the one running.
    const holder = lockHolder(dbPath);
    if (holder) { console.log(`broker-sim is running on ${dbPath}: ${holder.amqpUrl ?? 'starting'} (pid ${holder.pid})`); return; }
    const d = await startSimInBackground(['--any-port', '--db', dbPath]);
    console.log(`broker-sim started: ${d.amqpUrl} (pid ${d.pid})`);
  },
};
