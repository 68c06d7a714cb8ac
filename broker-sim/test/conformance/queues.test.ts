import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { channel, channelClosed, closeAll, eventually } from './support/amqp.ts';

forEachBroker('queues', (broker) => {
  after(closeAll);

  test('declaring a queue twice is idempotent and declare-ok counts its messages and consumers', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('declare');
    await ch.assertQueue(q, { autoDelete: true });
    ch.sendToQueue(q, Buffer.from('a'));
    ch.sendToQueue(q, Buffer.from('b'));
    const ok = await eventually('two messages', () => ch.assertQueue(q, { autoDelete: true }), (r) => r.messageCount === 2);
    assert.deepEqual(ok, { queue: q, messageCount: 2, consumerCount: 0 });
    await ch.consume(q, () => {}, { noAck: false });
    const again = await ch.checkQueue(q);
    assert.equal(again.consumerCount, 1);
    await ch.deleteQueue(q);
  });

  test('a passive declare of a missing queue closes the channel with 404 NOT_FOUND', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('missing');
    const closed = channelClosed(ch);
    ch.checkQueue(q).catch(() => {});
    const err = await closed;
    assert.equal(err.code, 404);
    assert.match(err.message, new RegExp(`NOT_FOUND - no queue '${q.replace(/\./g, '\\.')}' in vhost '/'`));
  });

  test('redeclaring a queue with other durability fails with 406 and RabbitMQ\'s text', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('inequivalent');
    await ch.assertQueue(q, { durable: false, autoDelete: true });
    const { ch: ch2 } = await channel(broker.url);
    const closed = channelClosed(ch2);
    ch2.assertQueue(q, { durable: true, autoDelete: true }).catch(() => {});
    const err = await closed;
    assert.equal(err.code, 406);
    assert.match(err.message, /PRECONDITION_FAILED - inequivalent arg 'durable' for queue '.*' in vhost '\/': received 'true' but current is 'false'/);
    await ch.deleteQueue(q);
  });

  test('a server-named queue gets an amq.gen- name', async () => {
    const { ch } = await channel(broker.url);
    const { queue } = await ch.assertQueue('', { exclusive: true });
    assert.match(queue, /^amq\.gen-/);
  });

  test('an exclusive queue cannot be used from another connection: 405 RESOURCE_LOCKED', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('exclusive');
    await ch.assertQueue(q, { exclusive: true });
    const { ch: other } = await channel(broker.url);
    const closed = channelClosed(other);
    other.consume(q, () => {}).catch(() => {});
    assert.equal((await closed).code, 405);
  });

  test('an exclusive queue goes away with its connection', async () => {
    const { conn, ch } = await channel(broker.url);
    const q = broker.name('exclusive-gone');
    await ch.assertQueue(q, { exclusive: true });
    await conn.close();
    const { ch: other } = await channel(broker.url);
    const closed = channelClosed(other);
    other.checkQueue(q).catch(() => {});
    assert.equal((await closed).code, 404);
  });

  test('an auto-delete queue is deleted when its last consumer cancels', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('auto-delete');
    await ch.assertQueue(q, { autoDelete: true });
    const { consumerTag } = await ch.consume(q, () => {});
    await ch.cancel(consumerTag);
    const { ch: other } = await channel(broker.url);
    const closed = channelClosed(other);
    other.checkQueue(q).catch(() => {});
    assert.equal((await closed).code, 404);
  });

  test('delete if-empty refuses a queue with messages, and delete-ok counts what was deleted', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('if-empty');
    await ch.assertQueue(q);
    for (let i = 0; i < 3; i++) ch.sendToQueue(q, Buffer.from(String(i)));
    await eventually('three messages', () => ch.checkQueue(q), (r) => r.messageCount === 3);
    const { ch: ch2 } = await channel(broker.url);
    const closed = channelClosed(ch2);
    ch2.deleteQueue(q, { ifEmpty: true }).catch(() => {});
    const err = await closed;
    assert.equal(err.code, 406);
    assert.match(err.message, /PRECONDITION_FAILED - queue '.*' in vhost '\/' not empty/);
    const ok = await ch.deleteQueue(q);
    assert.equal(ok.messageCount, 3);
  });

  test('delete if-unused refuses a queue with a consumer', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('if-unused');
    await ch.assertQueue(q, { autoDelete: true });
    await ch.consume(q, () => {});
    const { ch: ch2 } = await channel(broker.url);
    const closed = channelClosed(ch2);
    ch2.deleteQueue(q, { ifUnused: true }).catch(() => {});
    const err = await closed;
    assert.equal(err.code, 406);
    assert.match(err.message, /in use/);
  });

  test('purge empties the ready messages and says how many', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('purge');
    await ch.assertQueue(q, { autoDelete: true });
    for (let i = 0; i < 4; i++) ch.sendToQueue(q, Buffer.from(String(i)));
    await eventually('four messages', () => ch.checkQueue(q), (r) => r.messageCount === 4);
    assert.equal((await ch.purgeQueue(q)).messageCount, 4);
    assert.equal((await ch.checkQueue(q)).messageCount, 0);
    await ch.deleteQueue(q);
  });

  test('the default exchange cannot be bound to: 403 ACCESS_REFUSED', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('bind-default');
    await ch.assertQueue(q, { exclusive: true });
    const closed = channelClosed(ch);
    ch.bindQueue(q, '', 'x').catch(() => {});
    assert.equal((await closed).code, 403);
  });
});
