/** `broker-sim user add NAME --password P [--vhost V…]`: a user with full rights on each vhost. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { withBroker } from './open-database.ts';

const builder = (y: Argv) => dbOptions(y)
  .positional('name', { type: 'string', demandOption: true })
  .option('password', { type: 'string', demandOption: true, describe: 'the password (stored hashed)' })
  .option('vhost', { type: 'string', array: true, default: [] as string[], describe: 'vhost(s) the user may use' })
  .option('tags', { type: 'string', default: 'management', describe: 'user tags: management lets the user read the management API (qtop) for their own vhosts; administrator sees everything' })
  .option('configure', { type: 'string', default: '.*', describe: 'configure permission regex' })
  .option('write', { type: 'string', default: '.*', describe: 'write permission regex' })
  .option('read', { type: 'string', default: '.*', describe: 'read permission regex' });

export const userAddCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'add <name>',
  describe: 'Add a user (or change their password), with full rights on each --vhost (created if missing)',
  builder,
  handler: (a) => {
    withBroker(a, (b) => {
      b.addUser(a.name, a.password, a.tags);
      for (const v of a.vhost) {
        b.addVhost(v);
        b.setPermission({ user: a.name, vhost: v, configure: a.configure, write: a.write, read: a.read });
      }
    });
    console.log(`user '${a.name}' saved${a.vhost.length ? ` with rights on ${a.vhost.map((v) => `'${v}'`).join(', ')}` : ''}`);
  },
};
