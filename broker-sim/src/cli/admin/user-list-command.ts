/** `broker-sim user list`: each user with their tags and the vhosts they have rights on. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { withAdmin } from './admin.ts';

const builder = (y: Argv) => dbOptions(y);

export const userListCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'list',
  describe: 'List users and their vhosts',
  builder,
  handler: (a) => withAdmin(a, async (admin) => {
    const permissions = await admin.permissions();
    for (const u of await admin.users()) {
      const vhosts = permissions.filter((p) => p.user === u.name).map((p) => p.vhost).join(', ');
      console.log(`${u.name}\t[${u.tags.join(',')}]\t${vhosts}`);
    }
  }),
};
