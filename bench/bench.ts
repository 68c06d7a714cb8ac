/**
 * `npm run bench`: the same scenarios, with the same amqplib client, against broker-sim and RabbitMQ,
 * each started fresh by the bench (broker-sim on a file database; RabbitMQ as a private node of the
 * installed rabbitmq-server, or a running one given by URL), in alternating order, --runs times each.
 * Prints one table (median, min–max, ratio, target) with the machine it ran on and how noisy it was,
 * writes it as JSON and Markdown, and draws the growth rows as an SVG.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { scenarios, type Measure, type ScenarioResult } from './scenarios.ts';
import { rabbitMqFromEnv } from '../tools/shared/brokers/index.ts';
import { rabbitMqNodeUnavailable } from '../tools/shared/brokers/rabbitmq-node.ts';
import { givenBroker, startRabbit, startSim, type BrokerHandle } from './brokers.ts';
import { noise, renderTable, type Row } from './table.ts';
import { renderPlot } from './plot.ts';
import { brokerIdentity } from './identity.ts';
import { updateReadme } from './readme.ts';

const defaultRabbit = !rabbitMqNodeUnavailable() ? 'node' : rabbitMqFromEnv()?.url ?? 'none';
const argv = await yargs(hideBin(process.argv))
  .scriptName('npm run bench --')
  .option('rabbitmq', { type: 'string', default: defaultRabbit, describe: "RabbitMQ to compare with: 'node' (a private node of the installed rabbitmq-server), an AMQP URL, or 'none'" })
  .option('rabbitmq-port', { type: 'number', default: 5790, describe: "AMQP port of the private node (and the next one, for its startup time)" })
  .option('rabbitmq-pid', { type: 'number', describe: 'pid of the RabbitMQ given by URL (e.g. $(pgrep -o beam.smp)), for its CPU and RSS' })
  .option('runs', { type: 'number', default: 3, describe: 'runs per scenario and broker (the growth scenarios run once); the median is reported with min–max' })
  .option('only', { type: 'string', describe: 'comma-separated scenario ids to run (default: all)' })
  .option('scale', { type: 'number', default: 1, describe: 'multiply every count (0.1 for a quick look)' })
  .option('sim-arg', { type: 'string', array: true, default: [] as string[], describe: 'a broker-sim flag for the run, e.g. --sim-arg=--durability --sim-arg=process' })
  .option('cpu-prof', { type: 'string', describe: "write broker-sim's V8 CPU profile (node --cpu-prof) into this folder" })
  .option('readme', { type: 'boolean', default: false, describe: "also put the table into README.md, between its bench markers (for a full run)" })
  .option('out', { type: 'string', default: 'bench/results', describe: 'folder for results.json, results.md and growth.svg' })
  .strict()
  .help()
  .parseAsync();

const picked = argv.only ? scenarios.filter((s) => argv.only!.split(',').includes(s.id)) : scenarios;
if (picked.length === 0) {
  console.error(`bench: no scenario matches --only ${argv.only}; ids: ${scenarios.map((s) => s.id).join(', ')}`);
  process.exit(1);
}

const startedAt = new Date();
const loadBefore = loadavg()[0]!;
const sim = await startSim(argv.simArg, argv.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${argv.cpuProf}`] : []);
let other: BrokerHandle | undefined;
if (argv.rabbitmq === 'node') other = await startRabbit(argv.rabbitmqPort);
else if (argv.rabbitmq !== 'none') other = givenBroker(argv.rabbitmq, argv.rabbitmqPid);
/** broker-sim's durability for the run: --sim-arg's, else its default (disk). */
function durabilityOf(args: string[]): string {
  const i = args.findIndex((a) => a === '--durability' || a.startsWith('--durability='));
  if (i < 0) return 'disk';
  return args[i]!.includes('=') ? args[i]!.split('=')[1]! : args[i + 1] ?? 'disk';
}
const simDurability = durabilityOf(argv.simArg);
const identities = [
  `${await brokerIdentity(sim.url)} (--durability ${simDurability}: ${simDurability === 'disk' ? 'confirmed after fsync, as RabbitMQ' : 'confirmed before fsync'})`,
  other ? `${await brokerIdentity(other.url)} (classic queues, confirmed after fsync)` : undefined,
];
console.error(`bench: ${identities.filter(Boolean).join('; ')}`);

const results: Row[] = [];
try {
  for (const s of picked) {
    const runs = Math.min(argv.runs, s.maxRuns ?? Infinity);
    const bySim: ScenarioResult[] = [];
    const byOther: ScenarioResult[] = [];
    for (let r = 0; r < runs; r++) {
      // Alternate which broker goes first, so neither always gets the warmer machine.
      const order: [BrokerHandle, ScenarioResult[]][] = [[sim, bySim]];
      if (other) order.push([other, byOther]);
      if (r % 2 === 1) order.reverse();
      for (const [b, out] of order) {
        console.error(`bench: ${s.id} on ${b.name} (run ${r + 1}/${runs})`);
        out.push(await s.run(b, argv.scale));
      }
    }
    results.push({ scenario: s.id, title: s.title, runs, sim: median(bySim), other: median(byOther) });
  }
} finally {
  await sim.close();
  await other?.close();
}

const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; `
  + `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
const n = noise(results);
const header = [
  `Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.`,
  `Brokers: ${identities.filter(Boolean).join('; ')}.`,
  `Noise (A/A: the same broker measured ${argv.runs} times, (max − min) / median, median over the rows): broker-sim ${n.sim}, RabbitMQ ${n.other}.`,
].join('\n');
const table = renderTable(results, other ? 'RabbitMQ' : undefined);
console.log(`${header}\n\n${table}`);
mkdirSync(argv.out, { recursive: true });
writeFileSync(`${argv.out}/results.md`, `${header}\n\n${table}\n`);
writeFileSync(`${argv.out}/results.json`, JSON.stringify({ date: startedAt.toISOString(), machine, brokers: identities, runs: argv.runs, results }, null, 2) + '\n');
const plot = renderPlot(results);
if (plot) writeFileSync(`${argv.out}/growth.svg`, plot);
if (argv.readme) updateReadme('README.md', `${header}\n\n${table}\n${plot ? `\n![How cost grows, both brokers](${argv.out}/growth.svg)\n` : ''}`);
console.error(`bench: results written to ${argv.out}/ (results.md, results.json${plot ? ', growth.svg' : ''})`);

/** Per measure, the median of the runs with their min and max. */
function median(runs: ScenarioResult[]): Measure[] {
  if (runs.length === 0) return [];
  return runs[0]!.map((m, i) => {
    const values = runs.map((r) => r[i]!.value).sort((a, b) => a - b);
    return { ...m, value: values[Math.floor(values.length / 2)]!, ...(runs.length > 1 ? { min: values[0], max: values.at(-1) } : {}) };
  });
}
