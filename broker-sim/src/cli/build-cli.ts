/** broker-sim's command line, unparsed, so tests can run argv through it. */
import yargs, { type Argv } from 'yargs';
import { adminCommands } from './admin-commands.ts';
import { requeueCommand } from './requeue-command.ts';
import { serveCommand } from './serve-command.ts';

export function buildCli(argv: string[]): Argv {
  let y = yargs(argv)
    .scriptName('broker-sim')
    .usage('$0 [options]: an AMQP 0-9-1 broker in one SQLite file, for teaching')
    .command(serveCommand as never);
  for (const c of adminCommands) y = y.command(c);
  y = y.command(requeueCommand as never);
  return y
    .strict()
    .help()
    .version(false)
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    });
}
