/** `broker-sim vhost add|list|delete|limit`: the broker's virtual hosts and their limits. */
import type { Argv, CommandModule } from 'yargs';
import { vhostAddCommand } from './vhost-add-command.ts';
import { vhostDeleteCommand } from './vhost-delete-command.ts';
import { vhostLimitCommand } from './vhost-limit-command.ts';
import { vhostListCommand } from './vhost-list-command.ts';

export const vhostCommand: CommandModule = {
  command: 'vhost <action>',
  describe: 'Manage vhosts: vhost add NAME, vhost list, vhost delete NAME, vhost limit set|clear|list',
  builder: (y: Argv) => y.command(vhostAddCommand).command(vhostListCommand).command(vhostDeleteCommand).command(vhostLimitCommand).demandCommand(1),
  handler: () => {},
};
