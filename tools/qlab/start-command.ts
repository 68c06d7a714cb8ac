/** `qlab start`: broker-sim in the background on the kit's database, unless one is running. */
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { readDiscovery } from '../../broker-sim/src/discovery.ts';
import { startSimInBackground } from '../shared/brokers/index.ts';

const root = new URL('../../', import.meta.url).pathname;

export const startCommand: CommandModule = {
  command: 'start',
  describe: 'Start broker-sim in the background unless one is running, and print its URL',
  handler: async () => {
    const running = readDiscovery();
    if (running) { console.log(`broker-sim is running: ${running.amqpUrl}`); return; }
    const d = await startSimInBackground(['--any-port', '--db', join(root, 'queuelab.db')]);
    console.log(`broker-sim started: ${d.amqpUrl} (pid ${d.pid})`);
  },
};
