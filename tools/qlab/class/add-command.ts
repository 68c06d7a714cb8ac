/** `qlab class add NAME`: one more student, on the running broker (a student who joins late). */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../../broker-sim/src/run-cli.ts';
import { adminClient, brokerOptions, limitOptions, limitsOf } from './broker-options.ts';
import { makeStudents } from './class-api.ts';
import { parseRoster } from './roster.ts';

const builder = (y: Argv) => limitOptions(brokerOptions(y))
  .positional('name', { type: 'string', demandOption: true, describe: 'the student\'s user name' })
  .option('password', { type: 'string', demandOption: true, describe: 'their password' })
  .option('vhost', { type: 'string', describe: 'their vhost (default: their name)' });

type Args = ArgsOf<typeof builder>;

export const addCommand: CommandModule<object, Args> = {
  command: 'add <name>',
  describe: 'Add one student to the class (user, vhost, full rights in it)',
  builder,
  handler: async (a) => {
    const students = parseRoster(`${a.name},,${a.vhost ?? ''}`, a.password, 'qlab class add');
    const [line] = await makeStudents(adminClient(a), students, limitsOf(a));
    console.log(line);
  },
};
