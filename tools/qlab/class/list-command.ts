/** `qlab class list`: the students on the broker, their vhosts and connections. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../../broker-sim/src/run-cli.ts';
import { adminClient, brokerOptions } from './broker-options.ts';
import { listClass } from './class-api.ts';

const builder = (y: Argv) => brokerOptions(y);
type Args = ArgsOf<typeof builder>;

export const listCommand: CommandModule<object, Args> = {
  command: 'list',
  describe: 'List the students (users tagged management only), their vhosts and open connections',
  builder,
  handler: async (a) => {
    const members = await listClass(adminClient(a));
    const width = Math.max(7, ...members.map((m) => m.user.length));
    console.log(`${'student'.padEnd(width)}  connections  vhost`);
    for (const m of members) console.log(`${m.user.padEnd(width)}  ${String(m.connections).padStart(11)}  ${m.vhosts.join(', ')}`);
  },
};
