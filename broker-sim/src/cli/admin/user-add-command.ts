/** `broker-sim user add NAME --password P [--vhost V…]`: a user with full rights on each vhost. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { change } from './admin.ts';

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
  describe: 'Add a user (or change their password), with full rights on each --vhost (created if missing); on the running broker at once',
  builder,
  handler: async (a) => {
    await change(a, async (admin) => {
      await admin.putUser(a.name, a.password, a.tags);
      for (const v of a.vhost) {
        await admin.addVhost(v);
        await admin.setPermission({ user: a.name, vhost: v, configure: a.configure, write: a.write, read: a.read });
      }
    }, `user '${a.name}' saved${a.vhost.length ? ` with rights on ${a.vhost.map((v) => `'${v}'`).join(', ')}` : ''}`);
  },
};
