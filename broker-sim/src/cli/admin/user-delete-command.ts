/** `broker-sim user delete NAME`. */
import type { CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { namedInDb } from '../db-options.ts';
import { withBroker } from './open-database.ts';

export const userDeleteCommand: CommandModule<object, ArgsOf<typeof namedInDb>> = {
  command: 'delete <name>',
  describe: 'Delete a user',
  builder: namedInDb,
  handler: (a) => {
    if (!withBroker(a, (b) => b.deleteUser(a.name))) throw new Error(`no user '${a.name}'`);
    console.log(`user '${a.name}' deleted`);
  },
};
