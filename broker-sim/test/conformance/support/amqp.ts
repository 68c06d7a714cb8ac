/** Small amqplib helpers for conformance tests: every wait has a timeout that fails the test. */
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';

/** Connections opened by a test file, closed by `closeAll` in an after hook. */
const open = new Set<ChannelModel>();

export async function connect(url: string): Promise<ChannelModel> {
  const c = await amqp.connect(url);
  c.on('error', () => {});
  open.add(c);
  c.on('close', () => open.delete(c));
  return c;
}

export async function channel(url: string): Promise<{ conn: ChannelModel; ch: Channel }> {
  const conn = await connect(url);
  const ch = await conn.createChannel();
  ch.on('error', () => {});
  return { conn, ch };
}

/** What refuses an AMQP connection: amqplib's error message, which names the broker's connection.close; 'connected' if none does. */
export async function refusal(url: string): Promise<string> {
  try {
    const c = await amqp.connect(url);
    await c.close();
    return 'connected';
  } catch (err) {
    return (err as Error).message;
  }
}

export async function closeAll(): Promise<void> {
  await Promise.all([...open].map((c) => within(2000, 'a connection to close', c.close()).catch(() => {})));
}

export { within } from '../../../../test/support/within.ts';
import { within } from '../../../../test/support/within.ts';

/** Resolves with the error that closes `ch` (code and message), failing if none comes. */
export function channelClosed(ch: Channel): Promise<{ code: number; message: string }> {
  return within(3000, 'the channel to be closed by the broker', new Promise((resolve) => {
    ch.once('error', (err: Error & { code: number }) => resolve({ code: err.code, message: err.message }));
  }));
}

/**
 * Runs `act` on a channel of its own and checks the error the broker closes that channel with:
 * its reply code and a pattern its text must match.
 */
export async function expectChannelError(url: string, act: (ch: Channel) => Promise<unknown>, code: number, text: RegExp): Promise<void> {
  const { ch } = await channel(url);
  const closed = channelClosed(ch);
  act(ch).catch(() => {});
  const err = await closed;
  if (err.code !== code || !text.test(err.message)) {
    throw new Error(`expected the channel closed with ${code} matching ${text}, got ${err.code}: ${err.message}`);
  }
}

/** Collects n deliveries from a consumer that calls onMessage for each. */
export function collector(n: number, what: string): { add(m: ConsumeMessage): void; done: Promise<ConsumeMessage[]> } {
  const got: ConsumeMessage[] = [];
  let resolve!: (v: ConsumeMessage[]) => void;
  const done = within(5000, `${n} ${what}`, new Promise<ConsumeMessage[]>((r) => { resolve = r; }));
  return {
    add(m) {
      got.push(m);
      if (got.length === n) resolve(got);
    },
    done,
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until checkQueue reports what `ok` accepts (messages are counted asynchronously). */
export async function eventually<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(v)}`);
    await sleep(20);
  }
}

export const body = (m: { content: Buffer }): string => m.content.toString();

/** basic.get with acks, waiting (up to ms) for a message to arrive in q. */
export async function getOne(ch: import('amqplib').Channel, q: string, ms = 5000): Promise<import('amqplib').GetMessage> {
  const deadline = Date.now() + ms;
  for (;;) {
    const m = await ch.get(q, { noAck: false });
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`timed out waiting for a message in ${q}`);
    await sleep(10);
  }
}
