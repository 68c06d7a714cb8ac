/** `broker-sim policy clear NAME`: removes a policy; what it applied to falls back to the next one, or none. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { namedInDb } from '../db-options.ts';
import { change } from './admin.ts';

const builder = (y: Argv) => namedInDb(y).option('vhost', { type: 'string', default: '/', describe: 'the vhost the policy is in' });

export const policyClearCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'clear <name>',
  describe: 'Remove a policy',
  builder,
  handler: async (a) => {
    await change(a, async (admin) => {
      if (!(await admin.clearPolicy(a.vhost, a.name))) throw new Error(`no policy '${a.name}' in vhost '${a.vhost}'`);
    }, `policy '${a.name}' cleared in vhost '${a.vhost}'`);
  },
};
