/**
 * `broker-sim permission set|clear|list`: who may use which vhost, with RabbitMQ's configure, write
 * and read regexes (as rabbitmqctl set_permissions / clear_permissions / list_permissions):
 *   broker-sim permission set alice shared --configure '^alice-.*' --write '.*' --read '.*'
 */
import type { Argv, CommandModule } from 'yargs';
import { permissionClearCommand } from './permission-clear-command.ts';
import { permissionListCommand } from './permission-list-command.ts';
import { permissionSetCommand } from './permission-set-command.ts';

export const permissionCommand: CommandModule = {
  command: 'permission <action>',
  describe: 'Manage permissions: permission set USER VHOST [--configure R --write R --read R], permission clear USER VHOST, permission list',
  builder: (y: Argv) => y.command(permissionSetCommand).command(permissionClearCommand).command(permissionListCommand).demandCommand(1),
  handler: () => {},
};
