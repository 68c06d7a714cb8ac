/** `broker-sim policy set NAME PATTERN DEFINITION`: adds or replaces a policy, checked as RabbitMQ checks it. */
import type { Argv, CommandModule } from 'yargs';
import { PolicyError, POLICY_KEYS, readPolicy } from '../../core/policies.ts';
import type { ArgsOf } from '../../run-cli.ts';
import { dbOptions } from '../db-options.ts';
import { withBroker } from './open-database.ts';

const builder = (y: Argv) => dbOptions(y)
  .positional('name', { type: 'string', demandOption: true })
  .positional('pattern', { type: 'string', demandOption: true, describe: 'regex on queue/exchange names (unanchored)' })
  .positional('definition', { type: 'string', demandOption: true, describe: `JSON object of ${POLICY_KEYS.join(', ')}` })
  .option('vhost', { type: 'string', default: '/', describe: 'the vhost the policy is in' })
  .option('priority', { type: 'number', default: 0, describe: 'of the policies matching a name, the highest priority applies' })
  .option('apply-to', { choices: ['queues', 'exchanges', 'all'] as const, default: 'all' as const, describe: 'what the policy applies to' });

export const policySetCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'set <name> <pattern> <definition>',
  describe: 'Add or replace a policy',
  builder,
  handler: (a) => {
    let definition: unknown;
    try {
      definition = JSON.parse(a.definition);
    } catch (err) {
      throw new Error(`the definition is not JSON: ${(err as Error).message}`);
    }
    withBroker(a, (b) => {
      if (!b.vhost(a.vhost)) throw new Error(`no vhost '${a.vhost}'`);
      try {
        b.setPolicy(readPolicy(a.vhost, a.name, { pattern: a.pattern, definition, priority: a.priority, 'apply-to': a['apply-to'] }));
      } catch (err) {
        if (err instanceof PolicyError) throw new Error(`policy refused: ${err.message.replace(/^Validation failed\s*/, '').trim()}`);
        throw err;
      }
    });
    console.log(`policy '${a.name}' set in vhost '${a.vhost}'`);
  },
};
