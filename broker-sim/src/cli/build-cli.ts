/** broker-sim's command line, unparsed, so tests can run argv through it. */
import yargs, { type Argv } from 'yargs';
import { permissionCommand } from './admin/permission-command.ts';
import { policyCommand } from './admin/policy-command.ts';
import { userCommand } from './admin/user-command.ts';
import { vhostCommand } from './admin/vhost-command.ts';
import { requeueCommand } from './requeue-command.ts';
import { serveCommand, type ServeHooks } from './serve-command.ts';

/** What the command line is given by the program that runs it (bin/broker-sim.js). */
export type CliHooks = ServeHooks;

export function buildCli(argv: string[], hooks: CliHooks = {}): Argv {
  return yargs(argv)
    .scriptName('broker-sim')
    .usage('$0 [options]: an AMQP 0-9-1 broker in one SQLite file, for teaching')
    .command(serveCommand(hooks))
    .command(userCommand)
    .command(vhostCommand)
    .command(permissionCommand)
    .command(policyCommand)
    .command(requeueCommand)
    .strict()
    .help()
    .version(false);
}
