/** `broker-sim policy list`: each policy with its pattern, what it applies to, priority and definition. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { withAdmin } from './admin.ts';

const builder = (y: Argv) => dbOptions(y)
  .option('vhost', { type: 'string', describe: 'only this vhost\'s policies (default: every vhost\'s)' });

export const policyListCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'list',
  describe: 'List policies: vhost, name, pattern, apply-to, priority, definition',
  builder,
  handler: (a) => withAdmin(a, async (admin) => {
    for (const p of await admin.policies(a.vhost)) {
      console.log([p.vhost, p.name, p.pattern, p.applyTo, p.priority, JSON.stringify(p.definition)].join('\t'));
    }
  }),
};
