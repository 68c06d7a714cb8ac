/** qlab's command line, unparsed, so tests can run argv through it. */
import yargs, { type Argv } from 'yargs';
import * as replCommand from '../repl/repl-command.ts';
import * as gradeCommand from './grade-command.ts';
import { langCommand } from './lang-command.ts';
import { hintCommand, listCommand, startCommand, verifyCommand, watchCommand } from './lab-commands.ts';

export function buildCli(argv: string[]): Argv {
  return yargs(argv)
    .scriptName('qlab')
    .usage('$0 [command]: the queuelab lab runner')
    .command(listCommand)
    .command(verifyCommand)
    .command(hintCommand)
    .command(watchCommand)
    .command(langCommand)
    .command(startCommand)
    .command(gradeCommand as never)
    .command(replCommand as never)
    .strict()
    .help()
    .version(false);
}
