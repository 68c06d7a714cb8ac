/** qsend's executable. */
import { hideBin } from 'yargs/helpers';
import { runCli } from '../../broker-sim/src/run-cli.ts';
import { buildCli, send, type QsendArgs } from './qsend-command.ts';

await runCli('qsend', buildCli(hideBin(process.argv)).command('$0 [bodies..]', false, () => {}, async (argv) => {
  const a = argv as unknown as QsendArgs;
  a.bodies = (a.bodies ?? []).map(String);
  const r = await send(a);
  console.log(`sent ${r.sent}${a.confirm ? `, confirmed ${r.confirmed}, nacked ${r.nacked}` : ''}${a.mandatory ? `, returned ${r.returned}` : ''}`);
  if (r.nacked > 0 || r.returned > 0) process.exitCode = 2;
}));
