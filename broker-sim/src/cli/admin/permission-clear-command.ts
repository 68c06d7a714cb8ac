/** `broker-sim permission clear USER VHOST`: the user may no longer open the vhost. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { change } from './admin.ts';

const builder = (y: Argv) => dbOptions(y)
  .positional('user', { type: 'string', demandOption: true })
  .positional('vhost', { type: 'string', demandOption: true });

export const permissionClearCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'clear <user> <vhost>',
  describe: "Clear a user's permissions on a vhost",
  builder,
  handler: async (a) => {
    await change(a, async (admin) => {
      if (!(await admin.clearPermission(a.user, a.vhost))) throw new Error(`'${a.user}' has no permissions on '${a.vhost}'`);
    }, `permissions of '${a.user}' on '${a.vhost}' cleared`);
  },
};
