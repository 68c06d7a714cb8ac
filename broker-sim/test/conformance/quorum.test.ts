/**
 * Quorum queues as RabbitMQ 3.10 runs them: x-delivery-count on every delivery, returned messages
 * served first, x-delivery-limit dead-lettering with reason delivery_limit — with limit 0, the
 * RabbitMQ way to run a task at most once. The same assertions against broker-sim and RabbitMQ.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel, GetMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, closeAll, connect, eventually, getOne, within } from './support/amqp.ts';

const deliveryCount = (m: GetMessage) => m.properties.headers?.['x-delivery-count'];

forEachBroker('quorum queues', (broker) => {
  after(closeAll);

  async function declare(ch: Channel, limit: number): Promise<{ q: string; dlq: string }> {
    const q = broker.name('quorum');
    const dlq = broker.name('quorum-dlq');
    await ch.assertQueue(dlq, { durable: true });
    await ch.assertQueue(q, { durable: true, arguments: {
      'x-queue-type': 'quorum', 'x-delivery-limit': limit, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dlq } });
    return { q, dlq };
  }

  test('with x-delivery-limit 2 a returned message comes back first, counted, then is dead-lettered as delivery_limit', async () => {
    const { ch } = await channel(broker.url);
    const { q, dlq } = await declare(ch, 2);
    for (const t of ['a', 'b']) ch.sendToQueue(q, Buffer.from(t), { persistent: true });
    const seen: string[] = [];
    for (;;) {
      const m = await getOne(ch, q);
      seen.push(`${body(m)}:${m.fields.redelivered}:${deliveryCount(m)}`);
      if (body(m) === 'a') ch.nack(m, false, true); else { ch.ack(m); break; }
    }
    assert.deepEqual(seen, ['a:false:0', 'a:true:1', 'a:true:2', 'b:false:0']);
    const dead = await getOne(ch, dlq);
    ch.ack(dead);
    assert.equal(body(dead), 'a');
    const headers = dead.properties.headers ?? {};
    assert.equal(headers['x-delivery-count'], undefined);
    assert.equal(headers['x-first-death-reason'], 'delivery_limit');
    const [death] = headers['x-death'] as unknown as Record<string, unknown>[];
    assert.deepEqual([death?.reason, death?.queue, death?.count, death?.['routing-keys']], ['delivery_limit', q, 1, [q]]);
    await Promise.all([ch.deleteQueue(q), ch.deleteQueue(dlq)]);
  });

  test('with x-delivery-limit 0 a message whose consumer dies unacked is dead-lettered, never delivered twice', async () => {
    const { ch } = await channel(broker.url);
    const { q, dlq } = await declare(ch, 0);
    ch.sendToQueue(q, Buffer.from('run me once'), { persistent: true });
    const worker = await connect(broker.url);
    const wch = await worker.createChannel();
    const got = await within(5000, 'the delivery', new Promise<string>((resolve) => {
      void wch.consume(q, (m) => { if (m) resolve(`${body(m)}:${m.fields.redelivered}`); });
    }));
    assert.equal(got, 'run me once:false');
    await worker.close(); // the worker goes away without acking
    const dead = await getOne(ch, dlq);
    ch.ack(dead);
    assert.equal(body(dead), 'run me once');
    assert.equal(dead.properties.headers?.['x-first-death-reason'], 'delivery_limit');
    assert.equal((await ch.checkQueue(q)).messageCount, 0);
    await Promise.all([ch.deleteQueue(q), ch.deleteQueue(dlq)]);
  });

  test('a quorum queue refuses a consumer on a channel with global prefetch: 540, the connection closes', async () => {
    const { ch } = await channel(broker.url);
    const { q, dlq } = await declare(ch, 1);
    const conn = await connect(broker.url);
    const closed = within(3000, 'the connection to close', new Promise<{ code: number; message: string }>((resolve) => {
      conn.once('error', (e: Error & { code: number }) => resolve({ code: e.code, message: e.message }));
    }));
    const c2 = await conn.createChannel();
    c2.on('error', () => {});
    await c2.prefetch(1, true);
    c2.consume(q, () => {}).catch(() => {});
    const err = await closed;
    assert.equal(err.code, 540);
    assert.match(err.message, /NOT_IMPLEMENTED - queue '.*' in vhost '\/' does not support global qos/);
    await eventually('the queue to be free', () => ch.checkQueue(q), (r) => r.consumerCount === 0);
    await Promise.all([ch.deleteQueue(q), ch.deleteQueue(dlq)]);
  });
});
