/** broker-sim's executable: errors are one line on stderr and exit code 1, never a stack trace. */
import { hideBin } from 'yargs/helpers';
import { buildCli } from './cli/build-cli.ts';

try {
  await buildCli(hideBin(process.argv)).parseAsync();
} catch (err) {
  console.error(`broker-sim: ${(err as Error).message}`);
  process.exit(1);
}
