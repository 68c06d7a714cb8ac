/**
 * `broker-sim user …` and `broker-sim vhost …`: manage users, vhosts and permissions in the database,
 * e.g. a class server with one vhost per student:
 *   broker-sim user add alice --password s3cret --vhost alice
 */
import type { Argv, CommandModule } from 'yargs';
import { Broker } from '../core/broker.ts';
import { systemClock } from '../core/clock.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { dbOptions, type DbArgs } from './db-options.ts';

/** Opens the database, runs fn on the broker state, commits and closes. */
function withBroker<T>(dbPath: string, fn: (b: Broker) => T): T {
  const store = new SqliteStore(dbPath);
  try {
    const result = fn(new Broker(store, systemClock, { restoreMessages: false }));
    return result;
  } finally {
    store.close();
  }
}

interface UserAddArgs extends DbArgs { name: string; password: string; vhost: string[]; tags: string; configure: string; write: string; read: string }

const userCommand: CommandModule = {
  command: 'user <action>',
  describe: 'Manage users: user add NAME --password P [--vhost V…], user list, user delete NAME',
  builder: (y: Argv) => y
    .command({
      command: 'add <name>',
      describe: 'Add a user (or change their password), with full rights on each --vhost (created if missing)',
      builder: (a: Argv) => dbOptions(a)
        .positional('name', { type: 'string', demandOption: true })
        .option('password', { type: 'string', demandOption: true, describe: 'the password (stored hashed)' })
        .option('vhost', { type: 'string', array: true, default: [] as string[], describe: 'vhost(s) the user may use' })
        .option('tags', { type: 'string', default: 'management', describe: 'user tags: management lets the user read the management API (qtop) for their own vhosts; administrator sees everything' })
        .option('configure', { type: 'string', default: '.*', describe: 'configure permission regex' })
        .option('write', { type: 'string', default: '.*', describe: 'write permission regex' })
        .option('read', { type: 'string', default: '.*', describe: 'read permission regex' }),
      handler: (a) => {
        const u = a as unknown as UserAddArgs;
        withBroker(u.dbPath, (b) => {
          b.addUser(u.name, u.password, u.tags);
          for (const v of u.vhost) {
            b.addVhost(v);
            b.setPermission({ user: u.name, vhost: v, configure: u.configure, write: u.write, read: u.read });
          }
        });
        console.log(`user '${u.name}' saved${u.vhost.length ? ` with rights on ${u.vhost.map((v) => `'${v}'`).join(', ')}` : ''}`);
      },
    })
    .command({
      command: 'list',
      describe: 'List users and their vhosts',
      builder: (a: Argv) => dbOptions(a),
      handler: (a) => withBroker((a as unknown as DbArgs).dbPath, (b) => {
        for (const u of b.users.values()) {
          const vhosts = [...(b.permissions.get(u.name)?.keys() ?? [])].join(', ');
          console.log(`${u.name}\t[${u.tags}]\t${vhosts}`);
        }
      }),
    })
    .command({
      command: 'delete <name>',
      describe: 'Delete a user',
      builder: (a: Argv) => dbOptions(a).positional('name', { type: 'string', demandOption: true }),
      handler: (a) => {
        const name = String(a.name);
        if (!withBroker((a as unknown as DbArgs).dbPath, (b) => b.deleteUser(name))) throw new Error(`no user '${name}'`);
        console.log(`user '${name}' deleted`);
      },
    })
    .demandCommand(1),
  handler: () => {},
};

const vhostCommand: CommandModule = {
  command: 'vhost <action>',
  describe: 'Manage vhosts: vhost add NAME, vhost list, vhost delete NAME',
  builder: (y: Argv) => y
    .command({
      command: 'add <name>', describe: 'Add a vhost',
      builder: (a: Argv) => dbOptions(a).positional('name', { type: 'string', demandOption: true }),
      handler: (a) => { withBroker((a as unknown as DbArgs).dbPath, (b) => b.addVhost(String(a.name))); console.log(`vhost '${a.name}' added`); },
    })
    .command({
      command: 'list', describe: 'List vhosts',
      builder: (a: Argv) => dbOptions(a),
      handler: (a) => withBroker((a as unknown as DbArgs).dbPath, (b) => { for (const v of b.vhosts.keys()) console.log(v); }),
    })
    .command({
      command: 'delete <name>', describe: 'Delete a vhost with its queues and messages',
      builder: (a: Argv) => dbOptions(a).positional('name', { type: 'string', demandOption: true }),
      handler: (a) => {
        const name = String(a.name);
        if (!withBroker((a as unknown as DbArgs).dbPath, (b) => b.deleteVhost(name))) throw new Error(`no vhost '${name}'`);
        console.log(`vhost '${name}' deleted`);
      },
    })
    .demandCommand(1),
  handler: () => {},
};

export const adminCommands = [userCommand, vhostCommand];
