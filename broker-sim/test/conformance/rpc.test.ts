/**
 * Request/reply, the rabbitmq-tutorials way: reply_to and correlation_id with an exclusive
 * server-named reply queue, and RabbitMQ's direct reply-to (`amq.rabbitmq.reply-to`). The same
 * assertions against broker-sim and RabbitMQ.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel, ConsumeMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, channelClosed, closeAll, eventually, within } from './support/amqp.ts';

/** An RPC server: answers each request on `queue` with its body upper-cased, to reply_to. */
async function startServer(ch: Channel, queue: string, seen: ConsumeMessage[] = []): Promise<void> {
  await ch.assertQueue(queue, { durable: false, autoDelete: true });
  await ch.consume(queue, (m) => {
    if (!m) return;
    seen.push(m);
    ch.sendToQueue(m.properties.replyTo as string, Buffer.from(body(m).toUpperCase()), { correlationId: m.properties.correlationId });
    ch.ack(m);
  });
}

forEachBroker('rpc', (broker) => {
  after(closeAll);

  test('request/reply with an exclusive server-named reply queue and correlation ids', async () => {
    const { ch: server } = await channel(broker.url);
    const queue = broker.name('rpc');
    await startServer(server, queue);
    const { ch: client } = await channel(broker.url);
    const { queue: replyQueue } = await client.assertQueue('', { exclusive: true });
    assert.match(replyQueue, /^amq\.gen-/);
    const replies = new Map<string, string>();
    const done = within(5000, 'three replies', new Promise<void>((resolve) => {
      void client.consume(replyQueue, (m) => {
        if (!m) return;
        replies.set(m.properties.correlationId as string, body(m));
        if (replies.size === 3) resolve();
      }, { noAck: true });
    }));
    for (const [id, text] of [['c1', 'one'], ['c2', 'two'], ['c3', 'three']]) {
      client.sendToQueue(queue, Buffer.from(text!), { replyTo: replyQueue, correlationId: id });
    }
    await done;
    assert.deepEqual(Object.fromEntries(replies), { c1: 'ONE', c2: 'TWO', c3: 'THREE' });
  });

  test('direct reply-to: the reply goes straight back to the requesting channel, reply_to rewritten', async () => {
    const { ch: server } = await channel(broker.url);
    const queue = broker.name('rpc-direct');
    const seen: ConsumeMessage[] = [];
    await startServer(server, queue, seen);
    const { ch: client } = await channel(broker.url);
    const ok = await client.checkQueue('amq.rabbitmq.reply-to');
    assert.deepEqual([ok.messageCount, ok.consumerCount], [0, 1], 'RabbitMQ answers 0 messages, 1 consumer');
    const reply = within(5000, 'the direct reply', new Promise<ConsumeMessage>((resolve) => {
      void client.consume('amq.rabbitmq.reply-to', (m) => { if (m) resolve(m); }, { noAck: true });
    }));
    client.sendToQueue(queue, Buffer.from('ping'), { replyTo: 'amq.rabbitmq.reply-to', correlationId: 'x1' });
    const m = await reply;
    assert.equal(body(m), 'PING');
    assert.equal(m.properties.correlationId, 'x1');
    assert.equal(m.fields.exchange, '');
    assert.match(m.fields.routingKey, /^amq\.rabbitmq\.reply-to\..+/);
    const replyTo = seen[0]!.properties.replyTo as string;
    assert.match(replyTo, /^amq\.rabbitmq\.reply-to\..+/, 'the server saw a rewritten reply_to');
    assert.equal(m.fields.routingKey, replyTo);
  });

  test('direct reply-to refuses a publish before the reply consumer exists, and a consumer with acks', async () => {
    const { ch } = await channel(broker.url);
    const closed = channelClosed(ch);
    ch.sendToQueue(broker.name('nowhere'), Buffer.from('x'), { replyTo: 'amq.rabbitmq.reply-to' });
    const err = await closed;
    assert.equal(err.code, 406);
    assert.match(err.message, /PRECONDITION_FAILED - fast reply consumer does not exist/);

    const { ch: ch2 } = await channel(broker.url);
    const closed2 = channelClosed(ch2);
    ch2.consume('amq.rabbitmq.reply-to', () => {}, { noAck: false }).catch(() => {});
    const err2 = await closed2;
    assert.equal(err2.code, 406);
    assert.match(err2.message, /PRECONDITION_FAILED - reply consumer cannot acknowledge/);
  });

  test('a reply to a requester that is gone is unroutable: mandatory returns it', async () => {
    const { ch: client, conn } = await channel(broker.url);
    await client.consume('amq.rabbitmq.reply-to', () => {}, { noAck: true });
    const { ch: server } = await channel(broker.url);
    const queue = broker.name('rpc-gone');
    await server.assertQueue(queue, { durable: false, autoDelete: true });
    const request = within(5000, 'the request', new Promise<ConsumeMessage>((resolve) => {
      void server.consume(queue, (m) => { if (m) resolve(m); }, { noAck: true });
    }));
    client.sendToQueue(queue, Buffer.from('late'), { replyTo: 'amq.rabbitmq.reply-to' });
    const req = await request;
    await conn.close();
    const returned = within(5000, 'basic.return', new Promise<{ replyCode: number; routingKey: string }>((resolve) => {
      server.once('return', (m: ConsumeMessage & { fields: { replyCode: number } }) =>
        resolve({ replyCode: m.fields.replyCode, routingKey: m.fields.routingKey }));
    }));
    server.publish('', req.properties.replyTo as string, Buffer.from('too late'), { mandatory: true });
    const r = await returned;
    assert.equal(r.replyCode, 312);
    assert.equal(r.routingKey, req.properties.replyTo);
  });

  test('a mandatory reply to a live requester reaches it and is returned too: it routes to no queue', async () => {
    const { ch: client } = await channel(broker.url);
    const replies: string[] = [];
    await client.consume('amq.rabbitmq.reply-to', (m) => { if (m) replies.push(body(m)); }, { noAck: true });
    const { ch: server } = await channel(broker.url);
    const queue = broker.name('rpc-mandatory');
    await server.assertQueue(queue, { durable: false, autoDelete: true });
    const request = within(5000, 'the request', new Promise<ConsumeMessage>((resolve) => {
      void server.consume(queue, (m) => { if (m) resolve(m); }, { noAck: true });
    }));
    client.sendToQueue(queue, Buffer.from('ask'), { replyTo: 'amq.rabbitmq.reply-to' });
    const req = await request;
    const returned = within(5000, 'basic.return', new Promise<string>((resolve) => {
      server.once('return', (m: ConsumeMessage) => resolve(body(m)));
    }));
    server.publish('', req.properties.replyTo as string, Buffer.from('answer'), { mandatory: true });
    assert.equal(await returned, 'answer');
    await eventually('the reply', async () => replies, (r) => r.length > 0);
    assert.deepEqual(replies, ['answer']);
  });
});
