/**
 * `qlab reset [lab]`: a clean slate for a lab. Deletes the queues and exchanges the lab uses (their
 * names are in labs/manifest.ts), on whichever broker the student's programs use and only in the
 * student's vhost (the one in the URL: AMQP goes no further), and says what it removed.
 */
import type { Channel, ChannelModel } from 'amqplib';
import type { Argv, CommandModule } from 'yargs';
import type { ArgsOf } from '../../broker-sim/src/run-cli.ts';
import { findLab, LABS, type Lab } from '../../labs/manifest.ts';
import { connectedTo, connectOrExplain, ToolError } from '../shared/connect.ts';
import { resolveAmqpUrl, withConnectionOptions } from '../shared/connection-options.ts';

type Kind = 'queue' | 'exchange';

/** A fresh channel per check: a passive declare of a missing name closes its channel (404). */
async function openChannel(conn: ChannelModel): Promise<Channel> {
  const ch = await conn.createChannel();
  ch.on('error', () => {});
  return ch;
}

/** Deletes one queue or exchange if it is there; says what happened, or undefined when it was not there. */
async function remove(conn: ChannelModel, kind: Kind, name: string): Promise<string | undefined> {
  const ch = await openChannel(conn);
  try {
    if (kind === 'exchange') {
      await ch.checkExchange(name);
      await ch.deleteExchange(name);
      return `exchange ${name}`;
    }
    await ch.checkQueue(name);
    const { messageCount } = await ch.deleteQueue(name);
    return `queue ${name} (${messageCount} message${messageCount === 1 ? '' : 's'})`;
  } catch (err) {
    const text = (err as Error).message;
    if (/NOT_FOUND|404/.test(text)) return undefined;
    if (/RESOURCE_LOCKED|405/.test(text)) return `not queue ${name}: another connection's exclusive queue`;
    throw new ToolError(`cannot delete ${kind} ${name}: ${text.split('\n')[0]}`);
  } finally {
    await ch.close().catch(() => {});
  }
}

/** Removes the labs' queues and exchanges; returns one line per thing removed. */
export async function resetLabs(conn: ChannelModel, labs: Lab[]): Promise<string[]> {
  const removed: string[] = [];
  for (const lab of labs) {
    for (const [kind, names] of [['queue', lab.queues], ['exchange', lab.exchanges]] as const) {
      for (const name of names) {
        const line = await remove(conn, kind, name);
        if (line) removed.push(`lab ${lab.id}: ${line.startsWith('not ') ? line : `removed ${line}`}`);
      }
    }
  }
  return removed;
}

const builder = (y: Argv) => withConnectionOptions(y
  .positional('lab', { type: 'string', describe: 'lab number, e.g. 11 (default: every lab)' }));

export const resetCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'reset [lab]',
  describe: 'Delete the queues and exchanges a lab uses (default: every lab\'s) in your vhost, for a clean start',
  builder,
  handler: async (a) => {
    const lab = a.lab === undefined ? undefined : findLab(a.lab);
    if (a.lab !== undefined && !lab) throw new ToolError(`no lab '${a.lab}'; \`qlab list\` shows them`);
    const labs = lab ? [lab] : LABS;
    const chosen = resolveAmqpUrl(a);
    const conn = await connectOrExplain(chosen, 'qlab reset');
    conn.on('error', () => {});
    try {
      console.log(connectedTo(conn, chosen));
      const removed = await resetLabs(conn, labs);
      const vhost = decodeURIComponent(new URL(chosen.url).pathname.slice(1)) || '/';
      for (const line of removed) console.log(line);
      const what = lab ? `lab ${lab.id}'s` : 'the labs\'';
      console.log(removed.length === 0 ? `nothing to remove: none of ${what} queues or exchanges are in vhost ${vhost}` : `${what} queues and exchanges are gone from vhost ${vhost}`);
    } finally {
      await conn.close().catch(() => {});
    }
  },
};
