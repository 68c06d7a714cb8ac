/** `qlab class create --roster class.csv`: every student of the roster, on the broker or as a definitions file. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../../broker-sim/src/run-cli.ts';
import { ToolError } from '../../shared/connect.ts';
import { adminClient, brokerOptions, limitOptions, limitsOf } from './broker-options.ts';
import { makeStudents } from './class-api.ts';
import { classDefinitions } from './definitions.ts';
import { parseRoster } from './roster.ts';

const builder = (y: Argv) => limitOptions(brokerOptions(y))
  .option('roster', { type: 'string', demandOption: true, describe: 'CSV file, one student a line: user[,password[,vhost]] (vhost: the user\'s name)' })
  .option('password', { type: 'string', describe: 'password of the students whose row gives none' })
  .option('export', { type: 'string', describe: 'write a definitions document (for rabbitmqadmin import or POST /api/definitions) to this file instead of creating anything' });

type Args = ArgsOf<typeof builder>;

export const createCommand: CommandModule<object, Args> = {
  command: 'create',
  describe: 'Create a student (user tagged management, vhost, full rights in it) for each row of a roster; again changes nothing',
  builder,
  handler: async (a) => {
    if (!existsSync(a.roster)) throw new ToolError(`no roster ${a.roster}`);
    const students = parseRoster(readFileSync(a.roster, 'utf8'), a.password, a.roster);
    const limits = limitsOf(a);
    if (a.export) {
      writeFileSync(a.export, JSON.stringify(classDefinitions(students, limits), null, 2) + '\n');
      console.log(`wrote ${a.export}: ${students.length} students (rabbitmqadmin import ${a.export})`);
      return;
    }
    const api = adminClient(a);
    for (const line of await makeStudents(api, students, limits)) console.log(line);
    console.log(`${students.length} students on ${api.url}`);
  },
};
