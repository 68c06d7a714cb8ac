/** qlab's command line, unparsed, so tests can run argv through it. */
import yargs, { type Argv } from 'yargs';
import { replCommand } from '../repl/repl-command.ts';
import { classCommand } from './class/class-command.ts';
import { gradeCommand } from './grade-command.ts';
import { hintCommand } from './hint-command.ts';
import { langCommand } from './lang-command.ts';
import { listCommand } from './list-command.ts';
import { resetCommand } from './reset-command.ts';
import { startCommand } from './start-command.ts';
import { verifyCommand } from './verify-command.ts';
import { watchCommand } from './watch-command.ts';

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
    .command(resetCommand)
    .command(gradeCommand)
    .command(classCommand)
    .command(replCommand)
    .strict()
    .help()
    .version(false);
}
