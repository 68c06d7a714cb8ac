/** `qlab class watch`: the class view of qtop (`qtop --class`), from the class commands' broker options. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../../broker-sim/src/run-cli.ts';
import { startClassView } from '../../qtop/class-view.ts';
import { adminClient, brokerOptions } from './broker-options.ts';

const builder = (y: Argv) => brokerOptions(y).option('interval', { type: 'number', default: 1, describe: 'seconds between refreshes' });
type Args = ArgsOf<typeof builder>;

export const watchCommand: CommandModule<object, Args> = {
  command: 'watch',
  describe: 'Watch the class live: one row per student (connections, queues, messages, consumers, last activity); q quits',
  builder,
  handler: (a) => {
    const client = adminClient(a);
    startClassView({ client, source: client.url, intervalMs: a.interval * 1000 });
  },
};
