/** `qprocessor --queue NAME [flags]`: the lab sheet's worker. */
import type { Argv } from 'yargs';
import yargs from 'yargs';
import { connectOrExplain, ToolError } from '../shared/connect.ts';
import { resolveAmqpUrl, redact, withConnectionOptions, type ConnectionArgs } from '../shared/connection-options.ts';
import { ensureQueue } from '../shared/declare-queue.ts';
import { printer, sleep } from '../shared/output.ts';
import { Worker, type Summary } from './worker.ts';

export interface QprocessorArgs extends ConnectionArgs {
  queue: string; acknowledge: boolean; delayPerChar: number; loseEvery: number; crashEvery: number;
  nackEvery: number; rejectEvery: number; prefetch: number; durable: boolean; restart: boolean; name: string;
}

export function buildCli(argv: string[]): Argv<QprocessorArgs> {
  return withConnectionOptions(yargs(argv))
    .scriptName('qprocessor')
    .usage('$0 --queue NAME [options]: take messages from a queue and fake work on each, one second per character')
    .option('queue', { alias: 'q', type: 'string', demandOption: true, describe: 'queue to consume from' })
    .option('acknowledge', { type: 'boolean', default: false, describe: 'manual acks: ack each message after processing (default: auto-ack)' })
    .option('delay-per-char', { type: 'number', default: 1, describe: 'seconds of fake work per character of the body' })
    .option('lose-every', { type: 'number', default: 0, describe: 'lose one message in every N (0 = never)' })
    .option('crash-every', { type: 'number', default: 0, describe: 'exit abruptly in the middle of every Nth message' })
    .option('nack-every', { type: 'number', default: 0, describe: 'nack every Nth message with requeue (retry later; needs --acknowledge)' })
    .option('reject-every', { type: 'number', default: 0, describe: 'reject every Nth message without requeue (do not retry; needs --acknowledge)' })
    .option('prefetch', { type: 'number', default: 0, describe: 'basic.qos prefetch count for fair dispatch (0 = unlimited)' })
    .option('durable', { type: 'boolean', default: false, describe: 'declare the queue durable if it does not exist' })
    .option('restart', { type: 'boolean', default: false, describe: 'reconnect with backoff when the connection drops' })
    .option('name', { type: 'string', default: `worker-${process.pid}`, describe: 'label for this worker\'s lines' })
    .strict().help().version(false) as unknown as Argv<QprocessorArgs>;
}

export async function runWorker(a: QprocessorArgs): Promise<void> {
  const print = printer(a.name);
  const { url } = resolveAmqpUrl(a);
  const total: Summary = { received: 0, acked: 0, lost: 0, nacked: 0, rejected: 0, redelivered: 0 };
  let current: Worker | undefined;
  let stopping = false;
  let backoff = 1000;

  const finish = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    print('INFO', 'stopping: finishing the current message');
    const s = current ? await current.stop() : undefined;
    if (s) add(total, s);
    print('INFO', `summary: received ${total.received}, acked ${total.acked}, lost ${total.lost}, nacked ${total.nacked}, rejected ${total.rejected}, redelivered seen ${total.redelivered}`);
    process.exit(0);
  };
  process.once('SIGINT', finish);
  process.once('SIGTERM', finish);

  for (;;) {
    let conn;
    try {
      conn = await connectOrExplain(url, a.name);
    } catch (err) {
      if (!a.restart) throw err;
      print('ERROR', `${(err as Error).message}; retrying in ${backoff / 1000}s`);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 30000);
      continue;
    }
    backoff = 1000;
    print('INFO', `connected to ${redact(url)}`);
    const closed = new Promise<Error | undefined>((resolve) => {
      conn.on('error', (err: Error) => resolve(err));
      conn.on('close', (err?: Error) => resolve(err));
    });
    try {
      await ensureQueue(conn, a.queue, a.durable);
      current = new Worker({
        queue: a.queue, acknowledge: a.acknowledge, prefetch: a.prefetch, delayPerChar: a.delayPerChar,
        loseEvery: a.loseEvery, crashEvery: a.crashEvery, nackEvery: a.nackEvery, rejectEvery: a.rejectEvery, print,
        crash: () => process.exit(3),
      });
      await current.start(conn);
    } catch (err) {
      throw new ToolError(`cannot consume from '${a.queue}': ${(err as Error).message.split('\n')[0]}`);
    }
    const err = await closed;
    if (stopping) return;
    add(total, current.summary);
    current = undefined;
    if (!a.restart) throw new ToolError(`the connection was closed${err ? `: ${err.message.split('\n')[0]}` : ''}; use --restart to reconnect automatically`);
    print('ERROR', `connection lost${err ? ` (${err.message.split('\n')[0]})` : ''}; reconnecting in ${backoff / 1000}s`);
    await sleep(backoff);
  }
}

function add(total: Summary, s: Summary): void {
  for (const k of Object.keys(total) as (keyof Summary)[]) total[k] += s[k];
}
