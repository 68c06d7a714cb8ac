/** `broker-sim vhost add|list|delete`: the broker's virtual hosts. */
import type { Argv, CommandModule } from 'yargs';
import { vhostAddCommand } from './vhost-add-command.ts';
import { vhostDeleteCommand } from './vhost-delete-command.ts';
import { vhostListCommand } from './vhost-list-command.ts';

export const vhostCommand: CommandModule = {
  command: 'vhost <action>',
  describe: 'Manage vhosts: vhost add NAME, vhost list, vhost delete NAME',
  builder: (y: Argv) => y.command(vhostAddCommand).command(vhostListCommand).command(vhostDeleteCommand).demandCommand(1),
  handler: () => {},
};
