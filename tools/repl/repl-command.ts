/**
 * `qlab repl`: a Node REPL with `connection` and `channel` already open, for the lab sheet's
 * "try it interactively" steps: `await channel.assertQueue('hello', { durable: false })`,
 * `channel.sendToQueue('hello', Buffer.from('Hello World!'))`, `await channel.get('hello')`.
 */
import { start, type REPLServer } from 'node:repl';
import amqp from 'amqplib';
import type { Argv, CommandModule } from 'yargs';
import { connectedTo, connectOrExplain } from '../shared/connect.ts';
import { resolveAmqpUrl, withConnectionOptions, type ConnectionArgs } from '../shared/connection-options.ts';


export async function openRepl(a: ConnectionArgs, io: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {}): Promise<REPLServer> {
  const chosen = resolveAmqpUrl(a);
  const connection = await connectOrExplain(chosen, 'qlab repl');
  const channel = await connection.createChannel();
  connection.on('error', () => {});
  channel.on('error', (err: Error) => output.write(`channel closed by the broker: ${err.message}\n(make a new one: channel = await connection.createChannel())\n`));
  const output = io.output ?? process.stdout;
  output.write(`${connectedTo(connection, chosen)}\n`);
  output.write('ready: connection, channel, amqp. Try: await channel.assertQueue(\'hello\', { durable: false })\n');
  const server = start({ prompt: 'amqp> ', input: io.input ?? process.stdin, output, useGlobal: false, terminal: io.input ? false : undefined });
  Object.assign(server.context, { amqp, connection, channel, Buffer });
  server.on('exit', () => { connection.close().catch(() => {}); });
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
