/** `qsend -q QUEUE "First message." "Second.."`: publish messages, optionally waiting for confirms. */
import type { Argv } from 'yargs';
import yargs from 'yargs';
import type { Channel, ConfirmChannel } from 'amqplib';
import { connectedTo, connectOrExplain, ToolError } from '../shared/connect.ts';
import { resolveAmqpUrl, withConnectionOptions, type ConnectionArgs } from '../shared/connection-options.ts';
import { ensureQueue } from '../shared/declare-queue.ts';
import { countedBodies, stdinLines } from './bodies.ts';

export interface QsendArgs extends ConnectionArgs {
  queue?: string; exchange: string; routingKey?: string; count: number; body: string; persistent: boolean;
  confirm: boolean; mandatory: boolean; durable: boolean; bodies: string[];
}

export function buildCli(argv: string[]): Argv<QsendArgs> {
  return withConnectionOptions(yargs(argv))
    .scriptName('qsend')
    .usage('$0 -q QUEUE [BODY…] [options]: publish messages (bodies as arguments, --count copies of --body, or lines from stdin)')
    .positional('bodies', { type: 'string', array: true })
    .option('queue', { alias: 'q', type: 'string', describe: 'queue to send to (declared if missing; the default routing key)' })
    .option('exchange', { alias: 'e', type: 'string', default: '', describe: 'exchange to publish to ("" = the default exchange)' })
    .option('routing-key', { alias: 'r', type: 'string', describe: 'routing key (default: the queue name)' })
    .option('count', { alias: 'n', type: 'number', default: 0, describe: 'send this many copies of --body' })
    .option('body', { alias: 'b', type: 'string', default: 'task {i}', describe: 'body for --count; {i} is the message number' })
    .option('persistent', { alias: 'p', type: 'boolean', default: false, describe: 'delivery mode 2: kept on disk in a durable queue' })
    .option('confirm', { type: 'boolean', default: false, describe: 'wait for publisher confirms; report nacks and returns' })
    .option('mandatory', { type: 'boolean', default: false, describe: 'ask the broker to return messages no queue takes' })
    .option('durable', { type: 'boolean', default: false, describe: 'declare the queue durable if it does not exist' })
    .check((a) => {
      if (!a.queue && a.routingKey === undefined && a.exchange === '') throw new Error('give --queue, or --exchange and --routing-key');
      return true;
    })
    .strict().help().version(false) as unknown as Argv<QsendArgs>;
}

export interface SendResult { sent: number; confirmed: number; nacked: number; returned: number }

async function* bodiesFor(a: QsendArgs): AsyncGenerator<string> {
  if (a.bodies.length > 0) { yield* a.bodies; return; }
  if (a.count > 0) { yield* countedBodies(a.count, a.body); return; }
  if (process.stdin.isTTY) throw new ToolError('no messages: give bodies as arguments, --count N, or lines on stdin');
  yield* stdinLines();
}

/** Sends; `out` gets a line per message (stdout), `note` the line naming the broker (stderr). */
export async function send(a: QsendArgs, out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  note: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<SendResult> {
  const chosen = resolveAmqpUrl(a);
  const conn = await connectOrExplain(chosen, 'qsend');
  note(connectedTo(conn, chosen));
  conn.on('error', () => {});
  try {
    if (a.queue) await ensureQueue(conn, a.queue, a.durable);
    const ch: Channel | ConfirmChannel = a.confirm ? await conn.createConfirmChannel() : await conn.createChannel();
    const result: SendResult = { sent: 0, confirmed: 0, nacked: 0, returned: 0 };
    ch.on('return', (m) => { result.returned++; out(`RETURNED ${JSON.stringify(m.content.toString())}: no queue took it (${(m.fields as unknown as { replyText: string }).replyText})`); });
    let failure: Error | undefined;
    ch.on('error', (err: Error) => { failure = err; });
    const key = a.routingKey ?? a.queue ?? '';
    const progress = process.stdout.isTTY && a.count >= 100 ? progressBar(a.count) : undefined;
    const pending: Promise<void>[] = [];
    for await (const body of bodiesFor(a)) {
      if (failure) break;
      const options = { persistent: a.persistent, mandatory: a.mandatory };
      if (a.confirm) {
        pending.push(new Promise<void>((resolve) => {
          (ch as ConfirmChannel).publish(a.exchange, key, Buffer.from(body), options, (err) => {
            if (err) { result.nacked++; out(`NACK ${JSON.stringify(body)}: the broker did not take it`); } else result.confirmed++;
            resolve();
          });
        }));
      } else if (!ch.publish(a.exchange, key, Buffer.from(body), options)) {
        await new Promise((r) => ch.once('drain', r));
      }
      result.sent++;
      if (!progress && a.count < 100) out(`SENT ${JSON.stringify(body)}`);
      progress?.(result.sent);
      // Let the socket drain now and then for large counts.
      if (result.sent % 1000 === 0) await new Promise((r) => setImmediate(r));
    }
    await Promise.all(pending);
    if (failure) throw new ToolError(`the broker closed the channel: ${failure.message.split('\n')[0]}`);
    await ch.close();
    return result;
  } finally {
    await conn.close().catch(() => {});
  }
}

function progressBar(total: number): (n: number) => void {
  return (n) => {
    if (n % Math.max(1, Math.floor(total / 100)) !== 0 && n !== total) return;
    const width = 30;
    const done = Math.round((n / total) * width);
    process.stdout.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${n}/${total}`);
    if (n === total) process.stdout.write('\n');
  };
}
