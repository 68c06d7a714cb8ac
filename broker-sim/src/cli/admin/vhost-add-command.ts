/** `broker-sim vhost add NAME`. */
import type { CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { namedInDb } from '../db-options.ts';
import { change } from './admin.ts';

export const vhostAddCommand: CommandModule<object, ArgsOf<typeof namedInDb>> = {
  command: 'add <name>',
  describe: 'Add a vhost',
  builder: namedInDb,
  handler: async (a) => {
    await change(a, async (admin) => {
      await admin.addVhost(a.name);
    }, `vhost '${a.name}' added`);
  },
};
