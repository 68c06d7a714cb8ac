/**
 * broker-sim driven by @cloudamqp/amqp-client, a second Node.js client written independently of
 * amqplib: publish with confirms and consume with acks, connection.update-secret, and RabbitMQ's
 * refusal of immediate=true. Skipped with the reason printed where the package is not installed.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { within } from './support/amqp.ts';

type Client = typeof import('@cloudamqp/amqp-client');
const client: Client | undefined = await import('@cloudamqp/amqp-client').catch(() => undefined);
const MISSING = '@cloudamqp/amqp-client is not installed (npm install --save-dev @cloudamqp/amqp-client)';

forEachBroker('@cloudamqp/amqp-client', (broker) => {
  const open: { close(): Promise<void>; closed: boolean }[] = [];
  after(async () => { for (const c of open) if (!c.closed) await c.close().catch(() => {}); });

  async function connect() {
    const conn = await new client!.AMQPClient(broker.url).connect();
    open.push(conn);
    return conn;
  }

  test('publishes with confirms and consumes with acks', async (t) => {
    if (!client) { t.skip(MISSING); return; }
    const conn = await connect();
    const ch = await conn.channel();
    const q = broker.name('cloudamqp');
    await ch.queueDeclare(q, { durable: true, autoDelete: false });
    await ch.confirmSelect();
    for (let i = 1; i <= 5; i++) await ch.basicPublish('', q, `m${i}`, { deliveryMode: 2, headers: { n: i } });
    const got: string[] = [];
    await within(5000, 'five deliveries', new Promise<void>((resolve) => {
      void ch.basicConsume(q, { noAck: false }, async (msg) => {
        got.push(`${msg.bodyToString()}:${String(msg.properties.headers?.n)}`);
        await msg.ack();
        if (got.length === 5) resolve();
      });
    }));
    assert.deepEqual(got, ['m1:1', 'm2:2', 'm3:3', 'm4:4', 'm5:5']);
    const ch2 = await conn.channel();
    assert.deepEqual(await ch2.queueDeclare(q, { passive: true }), { name: q, messageCount: 0, consumerCount: 1 });
    await ch2.queueDelete(q);
  });

  test('update-secret is answered and the channel carries on', async (t) => {
    if (!client) { t.skip(MISSING); return; }
    const conn = await connect();
    const ch = await conn.channel();
    const q = await ch.queueDeclare('', { exclusive: true });
    await within(3000, 'update-secret-ok', conn.updateSecret('guest', 'token refreshed'));
    await ch.basicPublish('', q.name, 'after the new secret');
    const m = await within(3000, 'basic.get', (async () => {
      for (;;) {
        const got = await ch.basicGet(q.name, { noAck: true });
        if (got) return got;
        await new Promise((r) => setTimeout(r, 20));
      }
    })());
    assert.equal(m.bodyToString(), 'after the new secret');
  });

  test('immediate=true closes the connection with 540 NOT_IMPLEMENTED', async (t) => {
    if (!client) { t.skip(MISSING); return; }
    const conn = await connect();
    const ch = await conn.channel();
    const lost = within(3000, 'the connection to close', new Promise<Error | undefined>((resolve) => { conn.ondisconnect = resolve; }));
    await ch.basicPublish('', broker.name('nowhere'), 'now or never', {}, false, true);
    const err = await lost;
    assert.equal(err?.message, 'connection closed: NOT_IMPLEMENTED - immediate=true (540)');
    assert.equal(conn.closed, true);
  });
});
