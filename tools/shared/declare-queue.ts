/**
 * Declaring the lab's queue the way a student expects: if it already exists it is used as it is
 * (a passive declare), so a worker without --durable never fails with 406 on a durable queue.
 */
import type { ChannelModel } from 'amqplib';

export async function ensureQueue(conn: ChannelModel, queue: string, durable: boolean): Promise<'existing' | 'declared'> {
  const probe = await conn.createChannel();
  probe.on('error', () => {});
  try {
    await probe.checkQueue(queue);
    await probe.close();
    return 'existing';
  } catch {
    // The probe channel was closed by the 404; declare on a fresh one.
  }
  const ch = await conn.createChannel();
  await ch.assertQueue(queue, { durable });
  await ch.close();
  return 'declared';
}
