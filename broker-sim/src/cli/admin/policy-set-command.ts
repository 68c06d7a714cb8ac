/** `broker-sim policy set NAME PATTERN DEFINITION`: adds or replaces a policy, checked as RabbitMQ checks it. */
import type { Argv, CommandModule } from 'yargs';
import { POLICY_KEYS } from '../../core/policies.ts';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { change } from './admin.ts';

const builder = (y: Argv) => dbOptions(y)
  .positional('name', { type: 'string', demandOption: true })
  .positional('pattern', { type: 'string', demandOption: true, describe: 'regex on queue/exchange names (unanchored)' })
  .positional('definition', { type: 'string', demandOption: true, describe: `JSON object of ${POLICY_KEYS.join(', ')}` })
  .option('vhost', { type: 'string', default: '/', describe: 'the vhost the policy is in' })
  .option('priority', { type: 'number', default: 0, describe: 'of the policies matching a name, the highest priority applies' })
  .option('apply-to', { choices: ['queues', 'exchanges', 'all'] as const, default: 'all' as const, describe: 'what the policy applies to' });

export const policySetCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'set <name> <pattern> <definition>',
  describe: 'Add or replace a policy; on the running broker at once',
  builder,
  handler: async (a) => {
    let definition: unknown;
    try {
      definition = JSON.parse(a.definition);
    } catch (err) {
      throw new Error(`the definition is not JSON: ${(err as Error).message}`);
    }
    const body = { pattern: a.pattern, definition, priority: a.priority, 'apply-to': a['apply-to'] };
    await change(a, (admin) => admin.setPolicy(a.vhost, a.name, body), `policy '${a.name}' set in vhost '${a.vhost}'`);
  },
};
