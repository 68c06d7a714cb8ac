/**
 * broker-sim's program, as bin/broker-sim.js runs it (from the TypeScript sources or the bundle in
 * dist/): the command line with the pieces the launcher plugs in, such as qtop's dashboard. Errors
 * are one line on stderr and exit code 1, never a stack trace.
 */
import { buildCli, type CliHooks } from './cli/build-cli.ts';
import { runCli } from './run-cli.ts';

export type { CliHooks } from './cli/build-cli.ts';
export type { DashboardHook } from './cli/serve-command.ts';

export function main(argv: string[], hooks: CliHooks = {}): Promise<void> {
  return runCli('broker-sim', buildCli(argv, hooks));
}
