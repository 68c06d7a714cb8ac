/**
 * What RabbitMQ refuses, refused with its codes and texts: basic.publish with immediate=true and
 * channel.flow active=false (540, the connection), declaring or deleting the default exchange and
 * deleting a system exchange (403), an expiration property that is not a whole number of
 * milliseconds from 0 to ten years (406, Erlang's reasons word for word).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { channel, channelClosed, closeAll, within } from './support/amqp.ts';
import { Raw } from './support/raw-client.ts';

const opened: Raw[] = [];
async function rawChannel(url: string): Promise<Raw> {
  const raw = await Raw.open(url);
  opened.push(raw);
  await raw.handshake();
  raw.send(1, 'channel.open', {});
  await raw.next('channel.open-ok');
  return raw;
}

type Close = { replyCode: number; replyText: string; classId: number; methodId: number };

forEachBroker('refusals', (broker) => {
  after(async () => { for (const r of opened) r.end(); await closeAll(); });

  test('basic.publish with immediate=true closes the connection with 540', async () => {
    const raw = await rawChannel(broker.url);
    raw.publish(1, { exchange: '', routingKey: broker.name('nowhere'), immediate: true }, 'now or never');
    assert.deepEqual(await raw.args<Close>('connection.close'),
      { replyCode: 540, replyText: 'NOT_IMPLEMENTED - immediate=true', classId: 60, methodId: 40 });
  });

  test('channel.flow active=false closes the connection with 540; active=true is answered', async () => {
    const raw = await rawChannel(broker.url);
    raw.send(1, 'channel.flow', { active: true });
    assert.deepEqual(await raw.args('channel.flow-ok'), { active: true });
    raw.send(1, 'channel.flow', { active: false });
    assert.deepEqual(await raw.args<Close>('connection.close'),
      { replyCode: 540, replyText: 'NOT_IMPLEMENTED - active=false', classId: 20, methodId: 20 });
  });

  for (const [what, passive] of [['declared', false], ['declared passively', true]] as const) {
    test(`the default exchange cannot be ${what}`, async () => {
      const raw = await rawChannel(broker.url);
      raw.send(1, 'exchange.declare', { exchange: '', type: 'direct', passive, durable: true });
      assert.deepEqual(await raw.args<Close>('channel.close'),
        { replyCode: 403, replyText: 'ACCESS_REFUSED - operation not permitted on the default exchange', classId: 40, methodId: 10 });
    });
  }

  test('neither the default exchange nor a system exchange can be deleted', async () => {
    const { conn } = await channel(broker.url);
    const ch1 = await conn.createChannel();
    const closed1 = channelClosed(ch1);
    ch1.deleteExchange('').catch(() => {});
    assert.deepEqual(await closed1, { code: 403,
      message: 'Channel closed by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - operation not permitted on the default exchange"' });
    const ch2 = await conn.createChannel();
    const closed2 = channelClosed(ch2);
    ch2.deleteExchange('amq.direct').catch(() => {});
    assert.deepEqual(await closed2, { code: 403,
      message: 'Channel closed by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - deletion of system exchange \'amq.direct\' in vhost \'/\' not allowed"' });
  });

  const badExpirations: [string, string][] = [
    ['abc', 'no_integer'],
    ['', 'no_integer'],
    [' 5', 'no_integer'],
    ['1.5', '{leftover_string,".5"}'],
    ['1e3', '{leftover_string,"e3"}'],
    ['-1', '{value_negative,-1}'],
    ['315360000001', '{value_too_large,315360000001}'],
    // Erlang's ~p breaks a term that would reach column 79.
    ['99999999999999999999', `{value_too_large,\n${' '.repeat(44)}99999999999999999999}`],
    ['1.555555555555555555555555', `{leftover_string,\n${' '.repeat(50)}".555555555555555555555555"}`],
  ];
  for (const [expiration, reason] of badExpirations) {
    test(`expiration '${expiration.replace(/\n/g, ' ')}' is refused with RabbitMQ's reason`, async () => {
      const { ch } = await channel(broker.url);
      const closed = channelClosed(ch);
      ch.publish('', broker.name('expiring'), Buffer.from('x'), { expiration });
      const text = `PRECONDITION_FAILED - invalid expiration '${expiration}': ${reason}`;
      assert.deepEqual(await closed, { code: 406, message: `Channel closed by server: 406 (PRECONDITION-FAILED) with message "${text}"` });
    });
  }

  test('expirations RabbitMQ accepts: a sign, zero, ten years', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('expiring');
    await ch.assertQueue(q);
    for (const expiration of ['+5000', '-0', '0', '315360000000']) ch.sendToQueue(q, Buffer.from(expiration), { expiration });
    // Answered on the same channel after the publishes, so the channel took all of them.
    await within(3000, 'the queue to answer', ch.checkQueue(q));
    await ch.deleteQueue(q);
  });
});
