import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GetMessage, Message } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, channelClosed, closeAll, collector, connect, eventually, within } from './support/amqp.ts';

forEachBroker('basic', (broker) => {
  after(closeAll);

  test('hello world: a message published to the default exchange reaches the queue named by its key', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('hello');
    await ch.assertQueue(q, { autoDelete: true });
    ch.sendToQueue(q, Buffer.from('Hello World!'), { contentType: 'text/plain', headers: { n: 1 } });
    const c = collector(1, 'hello message');
    await ch.consume(q, (m) => c.add(m!), { noAck: true });
    const [m] = await c.done;
    assert.equal(body(m!), 'Hello World!');
    assert.equal(m!.properties.contentType, 'text/plain');
    assert.deepEqual(m!.properties.headers, { n: 1 });
    assert.equal(m!.fields.routingKey, q);
    assert.equal(m!.fields.exchange, '');
    assert.equal(m!.fields.redelivered, false);
  });

  test('basic.get returns messages in order and get-empty when there are none', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('get');
    await ch.assertQueue(q, { exclusive: true });
    ch.sendToQueue(q, Buffer.from('one'));
    ch.sendToQueue(q, Buffer.from('two'));
    await eventually('two messages', () => ch.checkQueue(q), (r) => r.messageCount === 2);
    const first = (await ch.get(q, { noAck: true })) as GetMessage;
    assert.equal(body(first), 'one');
    assert.equal(first.fields.messageCount, 1);
    assert.equal(body((await ch.get(q, { noAck: true })) as GetMessage), 'two');
    assert.equal(await ch.get(q), false);
  });

  test('a nacked message is requeued to its original place and marked redelivered', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('nack');
    await ch.assertQueue(q, { exclusive: true });
    for (const b of ['1', '2', '3']) ch.sendToQueue(q, Buffer.from(b));
    await eventually('three messages', () => ch.checkQueue(q), (r) => r.messageCount === 3);
    const m1 = (await ch.get(q)) as GetMessage;
    const m2 = (await ch.get(q)) as GetMessage;
    ch.nack(m1, false, true);
    const again = (await ch.get(q)) as GetMessage;
    assert.equal(body(again), '1');
    assert.equal(again.fields.redelivered, true);
    ch.ack(m2);
    ch.ack(again);
    assert.equal(body((await ch.get(q, { noAck: true })) as GetMessage), '3');
  });

  test('a rejected message without requeue is dropped', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('reject');
    await ch.assertQueue(q, { exclusive: true });
    ch.sendToQueue(q, Buffer.from('bad'));
    const m = (await eventually('a message', () => ch.get(q), (r) => r !== false)) as GetMessage;
    ch.reject(m, false);
    assert.deepEqual(await ch.checkQueue(q), { queue: q, messageCount: 0, consumerCount: 0 });
  });

  test('ack with multiple settles every delivery up to the tag', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('multiple');
    await ch.assertQueue(q, { exclusive: true });
    for (let i = 0; i < 5; i++) ch.sendToQueue(q, Buffer.from(String(i)));
    const c = collector(5, 'five deliveries');
    await ch.consume(q, (m) => c.add(m!));
    const got = await c.done;
    ch.ack(got[3]!, true);
    ch.ack(got[4]!);
    await ch.recover();
    assert.equal((await ch.checkQueue(q)).messageCount, 0, 'nothing came back: all five were acked');
  });

  test('acking an unknown delivery tag closes the channel with 406 PRECONDITION_FAILED', async () => {
    const { ch } = await channel(broker.url);
    const closed = channelClosed(ch);
    ch.ack({ fields: { deliveryTag: 99 } } as unknown as Message);
    const err = await closed;
    assert.equal(err.code, 406);
    assert.match(err.message, /PRECONDITION_FAILED - unknown delivery tag 99/);
  });

  test('acking the same delivery twice closes the channel with 406', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('double-ack');
    await ch.assertQueue(q, { autoDelete: true });
    ch.sendToQueue(q, Buffer.from('x'));
    const m = (await eventually('a message', () => ch.get(q), (r) => r !== false)) as GetMessage;
    const closed = channelClosed(ch);
    ch.ack(m);
    ch.ack(m);
    assert.equal((await closed).code, 406);
  });

  test('a mandatory message that no queue takes comes back as basic.return 312 NO_ROUTE', async () => {
    const { ch } = await channel(broker.url);
    const returned = within(3000, 'basic.return', new Promise<Message>((r) => ch.once('return', r)));
    ch.publish('amq.direct', broker.name('nowhere'), Buffer.from('lost?'), { mandatory: true });
    const m = await returned;
    assert.equal(body(m), 'lost?');
    assert.equal((m.fields as unknown as { replyCode: number }).replyCode, 312);
    assert.equal((m.fields as unknown as { replyText: string }).replyText, 'NO_ROUTE');
  });

  test('publishing to a missing exchange closes the channel with 404', async () => {
    const { ch } = await channel(broker.url);
    const x = broker.name('no-exchange');
    const closed = channelClosed(ch);
    ch.publish(x, 'k', Buffer.from('x'));
    const err = await closed;
    assert.equal(err.code, 404);
    assert.match(err.message, new RegExp(`NOT_FOUND - no exchange '${x.replace(/\./g, '\\.')}' in vhost '/'`));
  });

  test('a server-generated consumer tag starts with amq.ctag-, and cancel stops deliveries', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('cancel');
    await ch.assertQueue(q, { exclusive: true });
    const seen: string[] = [];
    const { consumerTag } = await ch.consume(q, (m) => seen.push(body(m!)), { noAck: true });
    assert.match(consumerTag, /^amq\.ctag-/);
    await ch.cancel(consumerTag);
    ch.sendToQueue(q, Buffer.from('after cancel'));
    await eventually('the message to wait in the queue', () => ch.checkQueue(q), (r) => r.messageCount === 1);
    assert.deepEqual(seen, []);
  });

  test('closing a channel returns its unacked messages to the queue, marked redelivered', async () => {
    const conn = await connect(broker.url);
    const q = broker.name('close-requeue');
    const setup = await conn.createChannel();
    await setup.assertQueue(q, { autoDelete: false });
    const worker = await conn.createChannel();
    setup.sendToQueue(q, Buffer.from('work'));
    const c = collector(1, 'a delivery');
    await worker.consume(q, (m) => c.add(m!));
    await c.done;
    await worker.close();
    const m = (await eventually('the message back', () => setup.get(q), (r) => r !== false)) as GetMessage;
    assert.equal(body(m), 'work');
    assert.equal(m.fields.redelivered, true);
    setup.ack(m);
    await setup.deleteQueue(q);
  });

  test('basic.recover redelivers every unacked message of the channel', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('recover');
    await ch.assertQueue(q, { exclusive: true });
    ch.sendToQueue(q, Buffer.from('r'));
    const c = collector(2, 'the delivery and its redelivery');
    await ch.consume(q, (m) => c.add(m!));
    const first = await within(3000, 'first delivery', new Promise<void>((r) => {
      const t = setInterval(() => { clearInterval(t); r(); }, 50);
    }));
    void first;
    await ch.recover();
    const [a, b] = await c.done;
    assert.equal(a!.fields.redelivered, false);
    assert.equal(b!.fields.redelivered, true);
    ch.ack(b!);
  });
});
