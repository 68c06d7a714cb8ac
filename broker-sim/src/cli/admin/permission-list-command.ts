/** `broker-sim permission list [--vhost V]`: user, vhost, configure, write, read — one line each. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { withAdmin } from './admin.ts';

const builder = (y: Argv) => dbOptions(y)
  .option('vhost', { type: 'string', describe: 'only this vhost (default: every vhost)' });

export const permissionListCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'list',
  describe: 'List permissions: user, vhost, configure, write, read',
  builder,
  handler: (a) => withAdmin(a, async (admin) => {
    for (const p of await admin.permissions()) {
      if (a.vhost === undefined || p.vhost === a.vhost) console.log(`${p.user}\t${p.vhost}\t${p.configure}\t${p.write}\t${p.read}`);
    }
  }),
};
