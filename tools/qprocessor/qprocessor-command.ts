/** `qprocessor --queue NAME [flags]`: the lab sheet's worker. */
import type { Argv } from 'yargs';
import yargs from 'yargs';
import type { ChannelModel } from 'amqplib';
import { connectedTo, connectOrExplain, ToolError } from '../shared/connect.ts';
import { resolveAmqpUrl, withConnectionOptions, type ConnectionArgs } from '../shared/connection-options.ts';
import { ensureQueue } from '../shared/declare-queue.ts';
import { printer, sleep } from '../shared/output.ts';
import { Worker, type Block, type Summary } from './worker.ts';

export interface QprocessorArgs extends ConnectionArgs {
  queue: string; acknowledge: boolean; delayPerChar: number; loseEvery: number; crashEvery: number;
  nackEvery: number; rejectEvery: number; prefetch?: number; concurrency: number; block: boolean;
  durable: boolean; restart: boolean; name: string;
}

/** basic.qos prefetch_count is a short. */
const MAX_PREFETCH = 65535;

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
    .option('prefetch', { type: 'number', describe: 'basic.qos prefetch count for fair dispatch (0 = unlimited)', defaultDescription: '0, or N with --concurrency N' })
    .option('concurrency', { type: 'number', default: 1, describe: 'work on up to N messages at once, each acked when its own work ends (needs --acknowledge)' })
    .option('block', { type: 'boolean', default: false, describe: 'the fake work blocks the whole process, as CPU-bound work or a synchronous pika callback does: no heartbeats while it runs' })
    .option('durable', { type: 'boolean', default: false, describe: 'declare the queue durable if it does not exist' })
    .option('restart', { type: 'boolean', default: false, describe: 'reconnect with backoff when the connection drops' })
    .option('name', { type: 'string', default: `worker-${process.pid}`, describe: 'label for this worker\'s lines' })
    .check((a) => {
      const problem = flagProblem(a as unknown as QprocessorArgs);
      if (problem) throw new Error(problem);
      return true;
    })
    .strict().help().version(false) as unknown as Argv<QprocessorArgs>;
}

const isCount = (n: number, min: number): boolean => Number.isInteger(n) && n >= min && n <= MAX_PREFETCH;

/**
 * What is wrong with a combination of flags, in one line, or undefined. Refused: combinations that
 * cannot do what they promise.
 */
export function flagProblem(a: Pick<QprocessorArgs, 'concurrency' | 'prefetch' | 'acknowledge' | 'block'> & Partial<Pick<QprocessorArgs, 'nackEvery' | 'rejectEvery'>>): string | undefined {
  const n = a.concurrency;
  for (const [flag, every] of [['--nack-every', a.nackEvery], ['--reject-every', a.rejectEvery]] as const) {
    if (every && !a.acknowledge) return `${flag} ${every} needs --acknowledge: with auto-ack the broker has already forgotten the message, so there is nothing to ${flag === '--nack-every' ? 'nack' : 'reject'}`;
  }
  if (!isCount(n, 1)) return `--concurrency must be a whole number from 1 to ${MAX_PREFETCH} (got ${n})`;
  if (a.prefetch !== undefined && !isCount(a.prefetch, 0)) return `--prefetch must be a whole number from 0 (unlimited) to ${MAX_PREFETCH} (got ${a.prefetch})`;
  if (n === 1) return undefined;
  if (!a.acknowledge) {
    return `--concurrency ${n} needs --acknowledge: with auto-ack the broker ignores prefetch and pushes every message at once, `
      + 'so nothing limits what this worker holds and a crash loses all of it';
  }
  if (a.block) return `--block with --concurrency ${n}: blocking work holds the one thread, so the ${n} slots would still run one after another`;
  if (a.prefetch !== undefined && a.prefetch !== 0 && a.prefetch < n) {
    return `--prefetch ${a.prefetch} is less than --concurrency ${n}: the broker would never hand this worker more than ${a.prefetch} at once; leave --prefetch out (it is then ${n})`;
  }
  return undefined;
}

/** The prefetch to ask for: --prefetch if given, else N with --concurrency N, else 0 (unlimited). */
export function effectivePrefetch(a: Pick<QprocessorArgs, 'concurrency' | 'prefetch'>): number {
  return a.prefetch ?? (a.concurrency > 1 ? a.concurrency : 0);
}

/** The heartbeat amqplib agreed with the broker (it takes the lower of the two, and the broker's when it asked for 0). */
function negotiatedHeartbeat(conn: ChannelModel): number | undefined {
  return (conn.connection as unknown as { heartbeat?: number }).heartbeat;
}

function heartbeatNote(asked: number, got: number | undefined): string {
  if (got === undefined || got === asked) return `heartbeat ${asked}s`;
  return `heartbeat ${got}s: asked for ${asked === 0 ? 'none' : `${asked}s`}, but amqplib takes the broker's offer unless it asks for less`;
}

/**
 * Why the connection ended, in one phrase. After blocking work, the likely cause is said outright:
 * a broker drops a client it has heard nothing from for two to three heartbeat timeouts.
 */
export function lossReason(err: Error | undefined, channelError: string | undefined, block: Block | undefined, heartbeat: number | undefined, now = Date.now()): string {
  const cause = channelError ?? err?.message.split('\n')[0];
  const blockedRecently = block && now - block.endedAt < 1000;
  if (blockedRecently && heartbeat && block.ms > 2 * heartbeat * 1000) {
    return `the broker dropped this worker: its work blocked the process for ${(block.ms / 1000).toFixed(1)}s `
      + `with a heartbeat of ${heartbeat}s, so it missed its heartbeats${cause ? ` (${cause})` : ''}`;
  }
  return cause ? `the connection was closed: ${cause}` : 'the connection was closed';
}

export async function runWorker(a: QprocessorArgs): Promise<void> {
  const print = printer(a.name);
  const chosen = resolveAmqpUrl(a);
  const total: Summary = { received: 0, acked: 0, lost: 0, nacked: 0, rejected: 0, redelivered: 0 };
  let peak = 0;
  let current: Worker | undefined;
  let connection: ChannelModel | undefined;
  let stopping = false;
  let backoff = 1000;
  const prefetch = effectivePrefetch(a);

  const summary = (): void => {
    const parallel = a.concurrency > 1 ? `; at most ${peak} at once (of ${a.concurrency})` : '';
    print('INFO', `summary: received ${total.received}, acked ${total.acked}, lost ${total.lost}, nacked ${total.nacked}, rejected ${total.rejected}, redelivered seen ${total.redelivered}${parallel}`);
  };
  const finish = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const n = current?.inFlight ?? 0;
    const what = a.concurrency === 1 ? 'the current message' : `the ${n} message${n === 1 ? '' : 's'} in progress`;
    print('INFO', `stopping: finishing ${what}; Ctrl-C again to stop now`);
    const s = current ? await current.stop() : undefined;
    if (s) add(total, s);
    // A clean close sends what is still buffered (the last acks) before the process ends.
    await connection?.close().catch(() => {});
    peak = Math.max(peak, current?.peak ?? 0);
    summary();
    process.exit(0);
  };
  /** A second Ctrl-C: no waiting for the work in progress (the broker requeues what was not acked). */
  const stopNow = (): void => {
    if (current) add(total, current.summary);
    peak = Math.max(peak, current?.peak ?? 0);
    print('INFO', 'stopped now: the messages in progress were not finished (unacknowledged ones go back to the queue)');
    summary();
    process.exit(130);
  };
  process.on('SIGINT', () => { if (stopping) stopNow(); else void finish(); });
  process.once('SIGTERM', finish);

  for (;;) {
    let conn;
    try {
      conn = await connectOrExplain(chosen, a.name);
    } catch (err) {
      if (!a.restart) throw err;
      print('ERROR', `${(err as Error).message}; retrying in ${backoff / 1000}s`);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 30000);
      continue;
    }
    backoff = 1000;
    connection = conn;
    const heartbeat = negotiatedHeartbeat(conn);
    print('INFO', `${connectedTo(conn, chosen)} (${heartbeatNote(a.heartbeat, heartbeat)})`);
    const closed = new Promise<Error | undefined>((resolve) => {
      conn.on('error', (err: Error) => resolve(err));
      conn.on('close', (err?: Error) => resolve(err));
    });
    try {
      await ensureQueue(conn, a.queue, a.durable);
      current = new Worker({
        queue: a.queue, acknowledge: a.acknowledge, prefetch, concurrency: a.concurrency, block: a.block,
        delayPerChar: a.delayPerChar, loseEvery: a.loseEvery, crashEvery: a.crashEvery, nackEvery: a.nackEvery,
        rejectEvery: a.rejectEvery, print, crash: () => process.exit(3),
      });
      await current.start(conn);
    } catch (err) {
      throw new ToolError(`cannot consume from '${a.queue}': ${(err as Error).message.split('\n')[0]}`);
    }
    const err = await closed;
    if (stopping) return;
    current.connectionLost();
    add(total, current.summary);
    peak = Math.max(peak, current.peak);
    const why = lossReason(err, current.channelError, current.lastBlock, heartbeat);
    current = undefined;
    if (!a.restart) throw new ToolError(`${why}; use --restart to reconnect automatically`);
    print('ERROR', `connection lost (${why}); reconnecting in ${backoff / 1000}s`);
    await sleep(backoff);
  }
}

function add(total: Summary, s: Summary): void {
  for (const k of Object.keys(total) as (keyof Summary)[]) total[k] += s[k];
}
