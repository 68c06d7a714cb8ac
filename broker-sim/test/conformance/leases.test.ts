/**
 * The consumer timeout (a lease on every unacknowledged delivery), the same assertions on both
 * brokers. broker-sim is started with a 1 s timeout. RabbitMQ reads consumer_timeout from its
 * config when a channel opens, so the test sets it with `rabbitmqctl eval` just around opening its
 * channel and puts the default back at once; RabbitMQ checks the timeout about once a minute, so
 * there this test takes a minute. Skipped against RabbitMQ, with the reason, when rabbitmqctl cannot.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChannelModel } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, closeAll, connect, within } from './support/amqp.ts';
import { cannotRun, rabbitmqEval } from './support/rabbitmqctl.ts';

const TIMEOUT_MS = 1000;
const RABBITMQ_DEFAULT = 1_800_000;

forEachBroker('leases (consumer timeout)', (broker) => {
  after(closeAll);

  const skip = broker.kind === 'rabbitmq'
    ? cannotRun('rabbitmqctl eval', 'eval', 'application:get_env(rabbit, consumer_timeout).') : undefined;

  /** A connection whose channels get the short consumer timeout. */
  async function holderChannel(): Promise<{ conn: ChannelModel; ch: import('amqplib').Channel }> {
    const conn = await connect(broker.url);
    if (broker.kind === 'sim') return { conn, ch: await conn.createChannel() };
    rabbitmqEval(`application:set_env(rabbit, consumer_timeout, ${TIMEOUT_MS}).`);
    try {
      return { conn, ch: await conn.createChannel() };
    } finally {
      rabbitmqEval(`application:set_env(rabbit, consumer_timeout, ${RABBITMQ_DEFAULT}).`);
    }
  }

  test('a delivery held past the consumer timeout closes its channel with 406 and goes back, redelivered', { skip, timeout: 150_000 }, async () => {
    const { ch: pub } = await channel(broker.url);
    const q = broker.name('lease');
    await pub.assertQueue(q, { durable: false });
    pub.sendToQueue(q, Buffer.from('held too long'));
    const { ch } = await holderChannel();
    const closed = within(120_000, 'the lease to run out', new Promise<{ code: number; message: string }>((resolve) => {
      ch.once('error', (e: Error & { code: number }) => resolve({ code: e.code, message: e.message }));
    }));
    const first = await within(5000, 'the delivery', new Promise<string>((resolve) => {
      void ch.consume(q, (m) => { if (m) resolve(body(m)); });
    }));
    assert.equal(first, 'held too long');
    const err = await closed;
    assert.equal(err.code, 406);
    assert.match(err.message, new RegExp(`PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. `
      + `Timeout value used: ${TIMEOUT_MS} ms. This timeout value can be configured, see consumers doc guide to learn more`));
    const again = await pub.get(q, { noAck: true });
    assert.ok(again, 'the message is back in its queue');
    assert.equal(body(again), 'held too long');
    assert.equal(again.fields.redelivered, true);
    await pub.deleteQueue(q);
  });
}, { consumerTimeout: TIMEOUT_MS });
