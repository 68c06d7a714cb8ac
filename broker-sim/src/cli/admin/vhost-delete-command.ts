/** `broker-sim vhost delete NAME`: the vhost with its queues, messages, exchanges and bindings. */
import type { CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { namedInDb } from '../db-options.ts';
import { change } from './admin.ts';

export const vhostDeleteCommand: CommandModule<object, ArgsOf<typeof namedInDb>> = {
  command: 'delete <name>',
  describe: 'Delete a vhost with its queues, messages, exchanges and bindings (a running broker closes its connections)',
  builder: namedInDb,
  handler: async (a) => {
    await change(a, async (admin) => {
      if (!(await admin.deleteVhost(a.name))) throw new Error(`no vhost '${a.name}'`);
    }, `vhost '${a.name}' deleted`);
  },
};
