/** `broker-sim vhost delete NAME`: the vhost with its queues and messages. */
import type { CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { namedInDb } from '../db-options.ts';
import { withBroker } from './open-database.ts';

export const vhostDeleteCommand: CommandModule<object, ArgsOf<typeof namedInDb>> = {
  command: 'delete <name>',
  describe: 'Delete a vhost with its queues and messages',
  builder: namedInDb,
  handler: (a) => {
    if (!withBroker(a, (b) => b.deleteVhost(a.name))) throw new Error(`no vhost '${a.name}'`);
    console.log(`vhost '${a.name}' deleted`);
  },
};
