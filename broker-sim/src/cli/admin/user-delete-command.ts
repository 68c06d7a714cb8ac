/** `broker-sim user delete NAME`: on a running broker, the user's connections are closed too. */
import type { CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { namedInDb } from '../db-options.ts';
import { change } from './admin.ts';

export const userDeleteCommand: CommandModule<object, ArgsOf<typeof namedInDb>> = {
  command: 'delete <name>',
  describe: 'Delete a user (a running broker closes their connections)',
  builder: namedInDb,
  handler: async (a) => {
    await change(a, async (admin) => {
      if (!(await admin.deleteUser(a.name))) throw new Error(`no user '${a.name}'`);
    }, `user '${a.name}' deleted`);
  },
};
