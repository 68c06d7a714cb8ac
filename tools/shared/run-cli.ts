/** Runs a tool's yargs CLI: a ToolError or a usage error is one line on stderr and exit code 1. */
import type { Argv } from 'yargs';

export async function runCli(name: string, cli: Argv): Promise<void> {
  try {
    await cli.fail((msg, err) => { throw err ?? new Error(msg); }).parseAsync();
  } catch (err) {
    process.stderr.write(`${name}: ${(err as Error).message.split('\n')[0]}\n`);
    process.exit(1);
  }
}
