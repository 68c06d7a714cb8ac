/** `qlab watch [lab]`: re-check a lab every time one of its files (in either language) is saved. */
import { watch } from 'node:fs';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../broker-sim/src/run-cli.ts';
import { EXTENSION, LANGUAGES } from '../../labs-kit/language.ts';
import { brokerOption, chooseLab } from './choose-lab.ts';
import { langOption } from './student-language.ts';
import { verify } from './verify-command.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A lab program in any language: saving one is a reason to check again. */
const isProgram = (file: string): boolean => LANGUAGES.some((lang) => file.endsWith(EXTENSION[lang]));

const builder = (y: Argv) => y
  .positional('lab', { type: 'string', describe: 'lab number, e.g. 03 (default: the first not done, then the next)' })
  .option('broker', brokerOption)
  .option('lang', langOption);

export const watchCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'watch [lab]',
  describe: 'Re-check a lab every time you save one of its files (Ctrl-C to stop)',
  builder,
  handler: async (a) => {
    let lab = chooseLab(a.lab);
    let running = false;
    let again = false;
    const check = async (): Promise<void> => {
      if (running) { again = true; return; }
      running = true;
      console.clear();
      console.log(`qlab watch: ${lab.dir} (save a file to check again, Ctrl-C to stop)\n`);
      const passed = await verify(lab, a.broker, a.lang).catch((e: Error) => { console.log(e.message); return false; });
      if (passed && !a.lab) lab = chooseLab(undefined);
      running = false;
      if (again) { again = false; void check(); }
    };
    watch(join(root, 'labs'), { recursive: true }, (_e, file) => { if (file && isProgram(file)) void check(); });
    await check();
    await new Promise(() => {});
  },
};
