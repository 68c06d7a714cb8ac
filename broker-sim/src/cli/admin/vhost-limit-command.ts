/**
 * `broker-sim vhost limit set|clear|list`: RabbitMQ's vhost limits, max-queues and max-connections
 * (as rabbitmqctl set_vhost_limits), e.g. for a student's vhost on a class server:
 *   broker-sim vhost limit set alice max-queues 50
 */
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../run-cli.ts';
import { VHOST_LIMITS, type VhostLimit } from '../../core/vhost.ts';
import { dbOptions } from '../db-options.ts';
import { change, withAdmin } from './admin.ts';

const named = (y: Argv) => dbOptions(y)
  .positional('vhost', { type: 'string', demandOption: true })
  .positional('name', { type: 'string', demandOption: true, describe: `the limit: ${VHOST_LIMITS.join(' or ')}` })
  .check((a) => {
    if (!(VHOST_LIMITS as readonly string[]).includes(a.name)) throw new Error(`the limit must be ${VHOST_LIMITS.join(' or ')}, got '${a.name}'`);
    return true;
  });

const setBuilder = (y: Argv) => named(y)
  .positional('value', { type: 'number', demandOption: true, describe: 'the most allowed; -1 = no limit' })
  .check((a) => {
    if (!Number.isInteger(a.value) || a.value < -1) throw new Error(`the value must be a whole number, -1 or more, got ${a.value}`);
    return true;
  });

const setCommand: CommandModule<object, ArgsOf<typeof setBuilder>> = {
  command: 'set <vhost> <name> <value>',
  describe: 'Set max-queues or max-connections of a vhost; on the running broker at once',
  builder: setBuilder,
  handler: async (a) => {
    await change(a, async (admin) => {
      await admin.setLimit(a.vhost, a.name as VhostLimit, a.value);
    }, `vhost '${a.vhost}': ${a.name} ${a.value}`);
  },
};

const clearCommand: CommandModule<object, ArgsOf<typeof named>> = {
  command: 'clear <vhost> <name>',
  describe: 'Clear a limit of a vhost',
  builder: named,
  handler: async (a) => {
    await change(a, async (admin) => {
      await admin.clearLimit(a.vhost, a.name as VhostLimit);
    }, `vhost '${a.vhost}': ${a.name} cleared`);
  },
};

const listCommand: CommandModule<object, ArgsOf<typeof dbOptions>> = {
  command: 'list',
  describe: 'List the vhosts that have limits, with them',
  builder: (y: Argv) => dbOptions(y),
  handler: (a) => withAdmin(a, async (admin) => {
    for (const l of await admin.limits()) {
      console.log(`${l.vhost}\t${Object.entries(l.value).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    }
  }),
};

export const vhostLimitCommand: CommandModule = {
  command: 'limit <action>',
  describe: 'Vhost limits: limit set VHOST max-queues|max-connections N, limit clear VHOST NAME, limit list',
  builder: (y: Argv) => y.command(setCommand).command(clearCommand).command(listCommand).demandCommand(1),
  handler: () => {},
};
