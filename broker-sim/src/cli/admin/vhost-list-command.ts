/** `broker-sim vhost list`. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { withAdmin } from './admin.ts';

const builder = (y: Argv) => dbOptions(y);

export const vhostListCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'list',
  describe: 'List vhosts',
  builder,
  handler: (a) => withAdmin(a, async (admin) => { for (const v of await admin.vhosts()) console.log(v); }),
};
