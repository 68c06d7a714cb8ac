/** `qlab hint [lab]`: the lab's hints and where its step-by-step guide is. */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../broker-sim/src/run-cli.ts';
import { chooseLab } from './choose-lab.ts';

const builder = (y: Argv) => y.positional('lab', { type: 'string', describe: 'lab number, e.g. 03' });

export const hintCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'hint [lab]',
  describe: 'Show the hints for a lab (default: the first not done)',
  builder,
  handler: (a) => {
    const lab = chooseLab(a.lab);
    console.log(`${lab.dir}: ${lab.goal}\n`);
    lab.hints.forEach((h, i) => console.log(`hint ${i + 1}: ${h}`));
    console.log(`\nThe step-by-step guide: labs/${lab.dir}/README.md`);
  },
};
