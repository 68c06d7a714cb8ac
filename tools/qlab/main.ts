/** qlab's executable. */
import { hideBin } from 'yargs/helpers';
import { runCli } from '../../broker-sim/src/run-cli.ts';
import { buildCli } from './build-cli.ts';

await runCli('qlab', buildCli(hideBin(process.argv)));
