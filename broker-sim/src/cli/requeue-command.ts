/**
 * `broker-sim requeue --from Q.failed --to Q [--count N]`: relaunches failed messages on purpose.
 * It is an ordinary AMQP client (so it works on RabbitMQ too): each message is taken from the
 * failed queue, published to the work queue with its properties and x-death story, and acked in
 * the failed queue only once the broker has confirmed the copy — a crash in between can duplicate a
 * relaunch but never lose a message.
 */
import amqp from 'amqplib';
import type { Argv, CommandModule } from 'yargs';
import { AMQP_URL_CHAIN, chooseAmqpUrl } from '../discovery.ts';
import type { ArgsOf } from '../run-cli.ts';

const builder = (y: Argv) => y
  .option('from', { type: 'string', demandOption: true, describe: 'queue to take messages from, e.g. tasks.failed' })
  .option('to', { type: 'string', demandOption: true, describe: 'queue to publish them to, e.g. tasks' })
  .option('count', { type: 'number', describe: 'how many to move (default: all that are there now)' })
  .option('url', { type: 'string', describe: `AMQP URL (default: ${AMQP_URL_CHAIN})` })
  .check((a) => {
    if (a.count !== undefined && !(Number.isInteger(a.count) && a.count >= 0)) throw new Error(`--count must be a whole number, got ${a.count}`);
    return true;
  });

export const requeueCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'requeue',
  describe: 'Relaunch failed messages: move them from one queue (e.g. tasks.failed) back to another',
  builder,
  handler: async (a) => {
    const { url } = chooseAmqpUrl(a.url);
    const moved = await requeue(url, a.from, a.to, a.count);
    console.log(`requeued ${moved} message${moved === 1 ? '' : 's'} from ${a.from} to ${a.to}`);
  },
};

/** Moves up to `count` messages (default: as many as `from` holds now); returns how many moved. */
export async function requeue(url: string, from: string, to: string, count?: number): Promise<number> {
  let conn: amqp.ChannelModel;
  try {
    conn = await amqp.connect(url);
  } catch (err) {
    throw new Error(`cannot connect to ${url.replace(/\/\/[^@]*@/, '//')}: ${(err as Error).message}`);
  }
  conn.on('error', () => {});
  try {
    const ch = await conn.createConfirmChannel();
    ch.on('error', () => {});
    await ch.checkQueue(to).catch(() => { throw new Error(`no queue '${to}'`); });
    const ch2 = await conn.createConfirmChannel();
    ch2.on('error', () => {});
    const source = await ch2.checkQueue(from).catch(() => { throw new Error(`no queue '${from}'`); });
    const limit = Math.min(count ?? source.messageCount, source.messageCount);
    let moved = 0;
    while (moved < limit) {
      const m = await ch2.get(from, { noAck: false });
      if (!m) break;
      await new Promise<void>((resolve, reject) => {
        ch.sendToQueue(to, m.content, m.properties, (err) => (err ? reject(new Error(`the broker refused the copy for '${to}'`)) : resolve()));
      });
      ch2.ack(m);
      moved++;
    }
    await ch2.close();
    await ch.close();
    return moved;
  } finally {
    await conn.close().catch(() => {});
  }
}
