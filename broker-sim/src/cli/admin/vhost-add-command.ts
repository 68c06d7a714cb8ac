/** `broker-sim vhost add NAME`. */
import type { CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { namedInDb } from '../db-options.ts';
import { withBroker } from './open-database.ts';

export const vhostAddCommand: CommandModule<object, ArgsOf<typeof namedInDb>> = {
  command: 'add <name>',
  describe: 'Add a vhost',
  builder: namedInDb,
  handler: (a) => {
    withBroker(a, (b) => b.addVhost(a.name));
    console.log(`vhost '${a.name}' added`);
  },
};
