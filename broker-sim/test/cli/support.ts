/** The broker-sim command line run as argv (no process.argv, no exit), for the CLI tests. */
import { buildCli } from '../../src/cli/build-cli.ts';

/** A runner of command lines on one database: returns what a command printed, or throws its one-line error. */
export function cliOn(db: string): (...argv: string[]) => Promise<string[]> {
  return async (...argv) => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => { lines.push(a.join(' ')); };
    try {
      await buildCli([...argv, '--db', db]).exitProcess(false).fail((msg, err) => { throw err ?? new Error(msg); }).parseAsync();
    } finally {
      console.log = log;
    }
    return lines;
  };
}
