/** `qlab class …`: an instructor's class on a broker-sim or a RabbitMQ, through its management API. */
import type { Argv, CommandModule } from 'yargs';
import { addCommand } from './add-command.ts';
import { createCommand } from './create-command.ts';
import { listCommand } from './list-command.ts';
import { removeCommand } from './remove-command.ts';
import { resetCommand } from './reset-command.ts';
import { watchCommand } from './watch-command.ts';

export const classCommand: CommandModule = {
  command: 'class',
  describe: 'Set up a class: one user and vhost per student (create, list, add, remove, reset, watch)',
  builder: (y: Argv) => y
    .command(createCommand).command(listCommand).command(addCommand).command(removeCommand).command(resetCommand).command(watchCommand)
    .demandCommand(1, 'name a class command: create, list, add, remove, reset or watch'),
  handler: () => {},
};
