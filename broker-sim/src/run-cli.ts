/**
 * Running a yargs command line the kit's way, for broker-sim and every tool alike: a failure
 * (a usage error or any thrown error) is one line on stderr and exit code 1, never a stack trace.
 */
import type { Argv } from 'yargs';

export async function runCli(name: string, cli: Argv): Promise<void> {
  try {
    await cli.fail((msg, err) => { throw err ?? new Error(msg); }).parseAsync();
  } catch (err) {
    process.stderr.write(`${name}: ${(err as Error).message.split('\n')[0]}\n`);
    process.exit(1);
  }
}

/** The parsed arguments a command's builder declares, so a CommandModule is typed without casts. */
export type ArgsOf<B extends (y: Argv) => Argv<unknown>> = ReturnType<B> extends Argv<infer A> ? A : never;
