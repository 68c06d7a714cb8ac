/** `broker-sim vhost list`. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { withBroker } from './open-database.ts';

const builder = (y: Argv) => dbOptions(y);

export const vhostListCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'list',
  describe: 'List vhosts',
  builder,
  handler: (a) => withBroker(a, (b) => { for (const v of b.vhosts.keys()) console.log(v); }),
};
