/**
 * `qlab repl`: a Node REPL with `connection` and `channel` already open, for the lab sheet's
 * "try it interactively" steps: `await channel.assertQueue('hello', { durable: false })`,
 * `channel.sendToQueue('hello', Buffer.from('Hello World!'))`, `await channel.get('hello')`.
 * Errors are one line, not a stack; a channel the broker closes is replaced by a new one, and a
 * lost connection (a broker restart) is opened again, so `channel` always works.
 */
import { start, type REPLServer } from 'node:repl';
import { inspect } from 'node:util';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import type { Argv, CommandModule } from 'yargs';
import { connectedTo, connectOrExplain } from '../shared/connect.ts';
import { resolveAmqpUrl, withConnectionOptions, type ConnectionArgs } from '../shared/connection-options.ts';
import { sleep } from '../shared/output.ts';

const firstLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

/** amqplib's objects print as one short line, not as their whole state. */
export function shortWriter(value: unknown): string {
  // The REPL prints an error through the writer too: its message, which says what the broker answered.
  if (value instanceof Error) return firstLine(value);
  const name = (value as object | null)?.constructor?.name;
  if (name === 'Channel' || name === 'ConfirmChannel') return `[${name} ${(value as { ch?: number }).ch ?? ''}]`.replace(' ]', ']');
  if (name === 'ChannelModel') return '[Connection]';
  return inspect(value, { colors: false, depth: 2 });
}

export async function openRepl(a: ConnectionArgs, io: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {}): Promise<REPLServer> {
  const chosen = resolveAmqpUrl(a);
  const output = io.output ?? process.stdout;
  const say = (line: string): void => { output.write(`${line}\n`); };
  let exiting = false;
  let server: REPLServer | undefined;

  const openChannel = async (connection: ChannelModel): Promise<Channel> => {
    const channel = await connection.createChannel();
    channel.on('error', (err: Error) => {
      say(`channel closed by the broker: ${firstLine(err)}`);
      void openChannel(connection).then((ch) => { if (server) server.context.channel = ch; say('a new channel is open: `channel` is ready again'); }, () => {});
    });
    if (server) server.context.channel = channel;
    return channel;
  };

  const open = async (): Promise<{ connection: ChannelModel; channel: Channel }> => {
    const connection = await connectOrExplain(chosen, 'qlab repl');
    connection.on('error', () => {});
    connection.on('close', (err?: Error) => { if (!exiting) void reconnect(err); });
    if (server) server.context.connection = connection;
    return { connection, channel: await openChannel(connection) };
  };

  /** After a broker restart: try again every second (up to 5 s apart) until it answers. */
  const reconnect = async (err?: Error): Promise<void> => {
    say(`connection lost${err ? ` (${firstLine(err)})` : ''}; reconnecting…`);
    for (let wait = 1000; !exiting; wait = Math.min(wait * 2, 5000)) {
      await sleep(wait);
      try {
        const { connection } = await open();
        say(`reconnected: ${connectedTo(connection, chosen)}; \`connection\` and \`channel\` are new`);
        return;
      } catch { /* not back yet */ }
    }
  };

  const first = await open();
  say(connectedTo(first.connection, chosen));
  say('ready: connection, channel, amqp. Try: await channel.assertQueue(\'hello\', { durable: false })');
  server = start({ prompt: 'amqp> ', input: io.input ?? process.stdin, output, useGlobal: false, terminal: io.input ? false : undefined, writer: shortWriter });
  Object.assign(server.context, { amqp, Buffer, ...first });
  server.on('exit', () => {
    exiting = true;
    (server!.context.connection as ChannelModel).close().catch(() => {});
  });
  return server;
}

export const replCommand: CommandModule<object, ConnectionArgs> = {
  command: 'repl',
  describe: 'An interactive Node REPL with `connection` and `channel` open to the broker',
  builder: (y: Argv) => withConnectionOptions(y),
  handler: async (a) => {
    const server = await openRepl(a);
    await new Promise<void>((resolve) => server.on('exit', resolve));
    process.exit(0);
  },
};
