/** qprocessor's executable. */
import { hideBin } from 'yargs/helpers';
import { runCli } from '../../broker-sim/src/run-cli.ts';
import { buildCli, runWorker, type QprocessorArgs } from './qprocessor-command.ts';

await runCli('qprocessor', buildCli(hideBin(process.argv)).command('$0', false, () => {}, (a) => runWorker(a as unknown as QprocessorArgs)));
