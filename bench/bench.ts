/**
 * `npm run bench`: the same scenarios, with the same amqplib client, against broker-sim (started
 * here on a free port with a file database) and, with --against URL (or RABBITMQ_URL), against that
 * broker too, runs alternating. Prints one table with both columns and their ratio, and writes JSON.
 * Broker CPU and RSS come from /proc of the broker's process (RabbitMQ's with --against-pid).
 */
import { writeFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { scenarios, type Measure, type ScenarioResult } from './scenarios.ts';
import { rabbitMqFromEnv } from '../tools/shared/brokers/index.ts';
import { startSim, type BrokerHandle } from './brokers.ts';
import { renderTable } from './table.ts';

const argv = await yargs(hideBin(process.argv))
  .scriptName('npm run bench --')
  .option('against', { type: 'string', default: rabbitMqFromEnv()?.url, describe: 'AMQP URL of a second broker (default: $RABBITMQ_URL)' })
  .option('against-pid', { type: 'number', describe: 'pid of that broker (e.g. $(pgrep -o beam.smp)) for its CPU and RSS' })
  .option('runs', { type: 'number', default: 1, describe: 'runs per scenario and broker; the median is reported' })
  .option('only', { type: 'string', describe: 'comma-separated scenario ids to run (default: all)' })
  .option('scale', { type: 'number', default: 1, describe: 'multiply every message count (0.1 for a quick look)' })
  .option('sim-arg', { type: 'string', array: true, default: [] as string[], describe: 'a flag for broker-sim, e.g. --sim-arg=--durability --sim-arg=process' })
  .option('json', { type: 'string', default: 'bench-results.json', describe: 'where to write the results' })
  .strict()
  .help()
  .parseAsync();

const picked = argv.only ? scenarios.filter((s) => argv.only!.split(',').includes(s.id)) : scenarios;
if (picked.length === 0) {
  console.error(`bench: no scenario matches --only ${argv.only}; ids: ${scenarios.map((s) => s.id).join(', ')}`);
  process.exit(1);
}

const results: { scenario: string; title: string; sim: Measure[]; other: Measure[] }[] = [];
const sim = await startSim(argv.simArg.map(String));
const other: BrokerHandle | undefined = argv.against ? { name: 'rabbitmq', url: argv.against, pid: argv.againstPid, close: async () => {} } : undefined;
console.error(`bench: broker-sim ${sim.url} (pid ${sim.pid})${other ? `; other ${other.url.replace(/\/\/[^@]*@/, '//')}${other.pid ? ` (pid ${other.pid})` : ''}` : ''}`);
try {
  for (const s of picked) {
    const bySim: ScenarioResult[] = [];
    const byOther: ScenarioResult[] = [];
    for (let r = 0; r < argv.runs; r++) {
      // Alternate which broker goes first, so neither always gets the warmer machine.
      const order: [BrokerHandle, ScenarioResult[]][] = [[sim, bySim]];
      if (other) order.push([other, byOther]);
      if (r % 2 === 1) order.reverse();
      for (const [b, out] of order) {
        console.error(`bench: ${s.id} on ${b.name} (run ${r + 1}/${argv.runs})`);
        out.push(await s.run(b, argv.scale));
      }
    }
    results.push({ scenario: s.id, title: s.title, sim: median(bySim), other: median(byOther) });
  }
} finally {
  await sim.close();
}

console.log(renderTable(results, other ? 'RabbitMQ' : undefined));
writeFileSync(argv.json, JSON.stringify({
  date: new Date().toISOString(), node: process.version, against: other?.url.replace(/\/\/[^@]*@/, '//') ?? null, results,
}, null, 2) + '\n');
console.error(`bench: results written to ${argv.json}`);

/** The median run of each measure (by value), per measure name. */
function median(runs: ScenarioResult[]): Measure[] {
  if (runs.length === 0) return [];
  return runs[0]!.map((m, i) => {
    const values = runs.map((r) => r[i]!).sort((a, b) => a.value - b.value);
    return values[Math.floor(values.length / 2)]!;
  });
}
