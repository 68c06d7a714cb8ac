/** `qlab class reset NAME`: a student's vhost emptied, the student and their rights kept. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../../broker-sim/src/run-cli.ts';
import { adminClient, brokerOptions } from './broker-options.ts';
import { resetStudent } from './class-api.ts';

const builder = (y: Argv) => brokerOptions(y).positional('name', { type: 'string', demandOption: true, describe: 'the student\'s user name' });
type Args = ArgsOf<typeof builder>;

export const resetCommand: CommandModule<object, Args> = {
  command: 'reset <name>',
  describe: 'Empty a student\'s vhost: delete its queues and exchanges',
  builder,
  handler: async (a) => {
    const r = await resetStudent(adminClient(a), a.name);
    console.log(`${a.name}: deleted ${r.queues} queue(s) and ${r.exchanges} exchange(s)`);
  },
};
