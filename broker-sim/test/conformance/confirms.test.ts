/**
 * Publisher confirms and transactions, and the broker's basic.cancel when a queue is deleted under
 * a consumer. The same assertions against broker-sim and RabbitMQ.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, channelClosed, closeAll, connect, eventually, within } from './support/amqp.ts';

async function confirmChannel(url: string): Promise<ConfirmChannel> {
  const conn = await connect(url);
  const ch = await conn.createConfirmChannel();
  ch.on('error', () => {});
  return ch;
}

forEachBroker('confirms, transactions, cancel notification', (broker) => {
  after(closeAll);

  test('synchronous confirms: waitForConfirms after each publish', async () => {
    const ch = await confirmChannel(broker.url);
    const q = broker.name('sync');
    await ch.assertQueue(q, { durable: true });
    for (let i = 0; i < 20; i++) {
      ch.sendToQueue(q, Buffer.from(`m${i}`), { persistent: true });
      await within(5000, `the confirm of m${i}`, ch.waitForConfirms());
    }
    assert.equal((await ch.checkQueue(q)).messageCount, 20);
    await ch.deleteQueue(q);
  });

  test('asynchronous confirms: a callback per publish, every one acked, in any window', async () => {
    const ch = await confirmChannel(broker.url);
    const q = broker.name('async');
    await ch.assertQueue(q, { durable: true });
    const acked: number[] = [];
    const all = Array.from({ length: 500 }, (_, i) => new Promise<void>((resolve, reject) => {
      ch.sendToQueue(q, Buffer.from(String(i)), { persistent: true }, (err) => {
        if (err) reject(new Error(`message ${i} was nacked`));
        else { acked.push(i); resolve(); }
      });
    }));
    await within(10_000, 'all 500 confirms', Promise.all(all));
    assert.equal(acked.length, 500);
    assert.equal((await ch.checkQueue(q)).messageCount, 500);
    await ch.deleteQueue(q);
  });

  test('mandatory and unroutable: basic.return comes before the confirm, which is an ack', async () => {
    const ch = await confirmChannel(broker.url);
    const order: string[] = [];
    ch.on('return', (m: ConsumeMessage & { fields: { replyCode: number; replyText: string } }) =>
      order.push(`return ${m.fields.replyCode} ${m.fields.replyText} ${body(m)}`));
    await within(5000, 'the confirm', new Promise<void>((resolve, reject) => {
      ch.publish('', broker.name('no-such-queue'), Buffer.from('lost?'), { mandatory: true }, (err) => {
        order.push(err ? 'nack' : 'ack');
        if (err) reject(err); else resolve();
      });
    }));
    assert.deepEqual(order, ['return 312 NO_ROUTE lost?', 'ack']);
  });

  test('unroutable without mandatory: silently dropped, still acked', async () => {
    const ch = await confirmChannel(broker.url);
    await within(5000, 'the confirm', new Promise<void>((resolve, reject) => {
      ch.publish('amq.direct', broker.name('nobody-bound'), Buffer.from('x'), {}, (err) => (err ? reject(err) : resolve()));
    }));
  });

  test('transactions: publishes and acks take effect at commit, not before; rollback drops them', async () => {
    const { ch: tx, conn } = await channel(broker.url);
    const q = broker.name('tx');
    await tx.assertQueue(q, { durable: false });
    const { ch: check } = await channel(broker.url);
    // amqplib has no tx API on its channel model; send tx.select/commit/rollback through its rpc.
    const rpc = (method: string) => (tx as unknown as { rpc(m: number, f: object, e: number): Promise<unknown> })
      .rpc(TX[method]!.id, {}, TX[method]!.ok);
    await rpc('select');
    tx.sendToQueue(q, Buffer.from('a'));
    tx.sendToQueue(q, Buffer.from('b'));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await check.checkQueue(q)).messageCount, 0, 'nothing before commit');
    await rpc('commit');
    assert.equal((await check.checkQueue(q)).messageCount, 2);
    tx.sendToQueue(q, Buffer.from('c'));
    await rpc('rollback');
    await rpc('commit');
    assert.equal((await check.checkQueue(q)).messageCount, 2, 'the rolled-back publish is gone');
    const m = await tx.get(q, { noAck: false });
    assert.ok(m);
    tx.ack(m);
    await new Promise((r) => setTimeout(r, 50));
    await rpc('rollback'); // the ack is rolled back: the message stays unacked on this channel
    await conn.close(); // closing returns it
    await eventually('both messages ready again', () => check.checkQueue(q), (r) => r.messageCount === 2);
    await check.deleteQueue(q);
  });

  test('tx.commit on a channel that never selected tx is refused with 406', async () => {
    const { ch } = await channel(broker.url);
    const closed = channelClosed(ch);
    (ch as unknown as { rpc(m: number, f: object, e: number): Promise<unknown> }).rpc(TX.commit!.id, {}, TX.commit!.ok).catch(() => {});
    const err = await closed;
    assert.equal(err.code, 406);
    assert.match(err.message, /PRECONDITION_FAILED - channel is not transactional/);
  });

  test('deleting a queue under a consumer sends basic.cancel to it', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('cancel');
    await ch.assertQueue(q, { durable: false });
    const cancelled = within(5000, 'the consumer to be cancelled', new Promise<null>((resolve) => {
      void ch.consume(q, (m) => { if (m === null) resolve(m); });
    }));
    const { ch: other } = await channel(broker.url);
    await other.deleteQueue(q);
    assert.equal(await cancelled, null, 'amqplib calls the consumer with null on basic.cancel');
  });
});

/** AMQP method ids of tx (class 90), for amqplib's generic rpc. */
const TX: Record<string, { id: number; ok: number }> = {
  select: { id: (90 << 16) | 10, ok: (90 << 16) | 11 },
  commit: { id: (90 << 16) | 20, ok: (90 << 16) | 21 },
  rollback: { id: (90 << 16) | 30, ok: (90 << 16) | 31 },
};
