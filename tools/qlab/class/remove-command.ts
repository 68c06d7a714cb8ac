/** `qlab class remove NAME`: a student and their vhost go (their connections are closed). */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../../broker-sim/src/run-cli.ts';
import { adminClient, brokerOptions } from './broker-options.ts';
import { removeStudent } from './class-api.ts';

const builder = (y: Argv) => brokerOptions(y).positional('name', { type: 'string', demandOption: true, describe: 'the student\'s user name' });
type Args = ArgsOf<typeof builder>;

export const removeCommand: CommandModule<object, Args> = {
  command: 'remove <name>',
  describe: 'Remove a student: their user and their vhost, with everything in it',
  builder,
  handler: async (a) => {
    const m = await removeStudent(adminClient(a), a.name);
    console.log(`${m.user}: removed, and vhost ${m.vhosts.filter((v) => v !== '/').join(', ') || '(none)'}`);
  },
};
