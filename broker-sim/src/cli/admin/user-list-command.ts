/** `broker-sim user list`: each user with their tags and the vhosts they have rights on. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { withBroker } from './open-database.ts';

const builder = (y: Argv) => dbOptions(y);

export const userListCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'list',
  describe: 'List users and their vhosts',
  builder,
  handler: (a) => withBroker(a, (b) => {
    for (const u of b.users.values()) {
      const vhosts = [...(b.permissions.get(u.name)?.keys() ?? [])].join(', ');
      console.log(`${u.name}\t[${u.tags}]\t${vhosts}`);
    }
  }),
};
