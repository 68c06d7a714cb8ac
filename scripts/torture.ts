/**
 * `npm run torture`: the crash-safety run. Publishers and consumers work against broker-sim, which
 * is killed with SIGKILL at random moments and restarted on the same database; at the end every
 * confirmed message is accounted for. Prints a table and exits 1 on any loss or duplicate.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runTorture, tortureTable } from '../bench/torture.ts';

const a = await yargs(hideBin(process.argv))
  .scriptName('npm run torture --')
  .option('cycles', { type: 'number', default: 20, describe: 'kill -9 and restart this many times' })
  .option('publishers', { type: 'number', default: 3, describe: 'publishing connections (persistent, confirms)' })
  .option('consumers', { type: 'number', default: 2, describe: 'consuming connections (manual acks, random prefetch)' })
  .option('seed', { type: 'number', default: Math.floor(Math.random() * 2 ** 31), defaultDescription: 'random', describe: 'replays a run' })
  .option('at-most-once', { type: 'boolean', default: false, describe: 'run broker-sim --at-most-once and count messages delivered twice' })
  .option('min-ms', { type: 'number', default: 300, describe: 'shortest time a cycle runs before the kill' })
  .option('max-ms', { type: 'number', default: 1500, describe: 'longest time a cycle runs before the kill' })
  .strict()
  .help()
  .parseAsync();

console.error(`torture: ${a.cycles} cycles, seed ${a.seed}${a.atMostOnce ? ', at most once' : ''}`);
const r = await runTorture({
  cycles: a.cycles, publishers: a.publishers, consumers: a.consumers, seed: a.seed, atMostOnce: a.atMostOnce,
  runMs: [a.minMs, a.maxMs], log: (l) => console.error(`torture: ${l}`),
});
console.log(tortureTable(r));
process.exit(r.lost === 0 && r.ackedCameBack === 0 && r.duplicated === 0 ? 0 : 1);
