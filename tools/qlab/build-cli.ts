/** qlab's command line, unparsed, so tests can run argv through it. */
import yargs, { type Argv } from 'yargs';
import * as replCommand from '../repl/repl-command.ts';

export function buildCli(argv: string[]): Argv {
  return yargs(argv)
    .scriptName('qlab')
    .usage('$0 <command>: the queuelab lab runner')
    .command(replCommand as never)
    .demandCommand(1)
    .strict()
    .help()
    .version(false);
}
