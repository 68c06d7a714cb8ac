/**
 * `broker-sim user add|list|delete`: the users of the broker and their rights, e.g. a class server
 * with one vhost per student:
 *   broker-sim user add alice --password s3cret --vhost alice
 */
import type { Argv, CommandModule } from 'yargs';
import { userAddCommand } from './user-add-command.ts';
import { userDeleteCommand } from './user-delete-command.ts';
import { userListCommand } from './user-list-command.ts';

export const userCommand: CommandModule = {
  command: 'user <action>',
  describe: 'Manage users: user add NAME --password P [--vhost V…], user list, user delete NAME',
  builder: (y: Argv) => y.command(userAddCommand).command(userListCommand).command(userDeleteCommand).demandCommand(1),
  handler: () => {},
};
