/**
 * The grader's own view of the broker, over amqplib: unique queue names, message counts, publishing
 * tasks, deleting what a grader made. Graders judge what the broker saw, not the student's source.
 */
import amqp, { type ChannelModel } from 'amqplib';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** The broker under test (AMQP_URL, as the student's programs get it). */
export const brokerUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A queue name no other grader run uses, so graders run in parallel on one broker. */
export function uniqueQueue(lab: string): string {
  return `qlab.${lab}.${randomBytes(4).toString('hex')}`;
}

/** One connection for a grader's checks. */
export class Admin {
  private constructor(private readonly conn: ChannelModel) {}

  static async connect(url = brokerUrl): Promise<Admin> {
    return new Admin(await amqp.connect(url));
  }

  /** Ready-message count, or null when the queue does not exist (404). Each check on a fresh channel,
   *  because a failed passive declare closes its channel. */
  async count(queue: string): Promise<number | null> {
    const ch = await this.conn.createChannel();
    ch.on('error', () => {});
    try {
      return (await ch.checkQueue(queue)).messageCount;
    } catch {
      return null;
    } finally {
      await ch.close().catch(() => {});
    }
  }

  /** Polls the count until it equals `want` or `ms` pass; returns the last count seen. */
  async countSettles(queue: string, want: number | null, ms = 3000): Promise<number | null> {
    const until = Date.now() + ms;
    let n = await this.count(queue);
    while (n !== want && Date.now() < until) {
      await sleep(100);
      n = await this.count(queue);
    }
    return n;
  }

  /** Publishes bodies with confirms; declares the queue (with `declare`) only when it does not exist yet,
   *  so the grader never disagrees with however the student's program declared it. */
  async publish(queue: string, bodies: string[], declare: amqp.Options.AssertQueue = {}): Promise<void> {
    const exists = (await this.count(queue)) !== null;
    const ch = await this.conn.createConfirmChannel();
    if (!exists) await ch.assertQueue(queue, declare);
    for (const b of bodies) ch.sendToQueue(queue, Buffer.from(b));
    await ch.waitForConfirms();
    await ch.close();
  }

  /** basic.get one message (and ack it); null when empty or missing. */
  async getOne(queue: string): Promise<amqp.GetMessage | null> {
    const ch = await this.conn.createChannel();
    ch.on('error', () => {});
    try {
      const m = await ch.get(queue, { noAck: true });
      return m === false ? null : m;
    } catch {
      return null;
    } finally {
      await ch.close().catch(() => {});
    }
  }

  /** Whether a redeclare with these arguments is accepted (406 means the queue differs). */
  async declareAccepted(queue: string, options: amqp.Options.AssertQueue): Promise<boolean> {
    const ch = await this.conn.createChannel();
    ch.on('error', () => {});
    try {
      await ch.assertQueue(queue, options);
      return true;
    } catch {
      return false;
    } finally {
      await ch.close().catch(() => {});
    }
  }

  async deleteQueue(queue: string): Promise<void> {
    const ch = await this.conn.createChannel();
    ch.on('error', () => {});
    await ch.deleteQueue(queue).catch(() => {});
    await ch.close().catch(() => {});
  }

  async close(): Promise<void> {
    await this.conn.close().catch(() => {});
  }
}
