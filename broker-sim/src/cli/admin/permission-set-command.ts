/** `broker-sim permission set USER VHOST`: a user's rights on a vhost, replacing any they had. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { change } from './admin.ts';

/** A regex a permission takes; checked here so a typo is one line, not a stored pattern that never matches. */
function regex(flag: string) {
  return (v: string): string => {
    try {
      new RegExp(v);
    } catch (err) {
      throw new Error(`--${flag} is not a valid regex: ${(err as Error).message}`);
    }
    return v;
  };
}

const builder = (y: Argv) => dbOptions(y)
  .positional('user', { type: 'string', demandOption: true })
  .positional('vhost', { type: 'string', demandOption: true })
  .option('configure', { type: 'string', default: '.*', coerce: regex('configure'), describe: 'configure permission regex (declare, delete)' })
  .option('write', { type: 'string', default: '.*', coerce: regex('write'), describe: 'write permission regex (publish, bind to)' })
  .option('read', { type: 'string', default: '.*', coerce: regex('read'), describe: 'read permission regex (consume, get, bind from)' });

export const permissionSetCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'set <user> <vhost>',
  describe: "Set a user's permissions on a vhost (both must exist); on the running broker at once",
  builder,
  handler: async (a) => {
    await change(a, async (admin) => {
      await admin.setPermission({ user: a.user, vhost: a.vhost, configure: a.configure, write: a.write, read: a.read });
    }, `permissions of '${a.user}' on '${a.vhost}' set: configure '${a.configure}' write '${a.write}' read '${a.read}'`);
  },
};
