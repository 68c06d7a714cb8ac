/**
 * `broker-sim policy set|list|clear`: policies, as rabbitmqctl set_policy / list_policies /
 * clear_policy keep them, e.g. a length limit on every queue of a lab:
 *   broker-sim policy set short-queues '^lab\.' '{"max-length": 100}' --apply-to queues
 */
import type { Argv, CommandModule } from 'yargs';
import { policyClearCommand } from './policy-clear-command.ts';
import { policyListCommand } from './policy-list-command.ts';
import { policySetCommand } from './policy-set-command.ts';

export const policyCommand: CommandModule = {
  command: 'policy <action>',
  describe: 'Manage policies: policy set NAME PATTERN DEFINITION, policy list, policy clear NAME',
  builder: (y: Argv) => y.command(policySetCommand).command(policyListCommand).command(policyClearCommand).demandCommand(1),
  handler: () => {},
};
