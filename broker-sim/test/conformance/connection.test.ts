import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import amqp from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { channelClosed, closeAll, connect } from './support/amqp.ts';

function withCredentials(url: string, user: string, pass: string, vhost?: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = pass;
  if (vhost !== undefined) u.pathname = '/' + encodeURIComponent(vhost);
  return u.toString();
}

async function connectError(url: string): Promise<Error> {
  try {
    const c = await amqp.connect(url);
    await c.close();
  } catch (err) {
    return err as Error;
  }
  throw new Error('the connection was accepted');
}

forEachBroker('connections', (broker) => {
  after(closeAll);

  test('a PLAIN login with the right password opens a connection and a channel', async () => {
    const conn = await connect(broker.url);
    const ch = await conn.createChannel();
    await ch.close();
  });

  test('a wrong password is refused with ACCESS_REFUSED', async () => {
    const err = await connectError(withCredentials(broker.url, 'guest', 'not-the-password'));
    assert.match(err.message, /ACCESS_REFUSED|403/);
  });

  test('an unknown user is refused with ACCESS_REFUSED', async () => {
    const err = await connectError(withCredentials(broker.url, 'nobody-here', 'x'));
    assert.match(err.message, /ACCESS_REFUSED|403/);
  });

  test('an unknown vhost is refused with connection.close instead of open-ok', async () => {
    const err = await connectError(withCredentials(broker.url, 'guest', 'guest', 'no-such-vhost-anywhere'));
    // amqplib reports the refusal as a connection.close in place of open-ok; the reply text is not kept.
    assert.match(err.message, /Expected ConnectionOpenOk; got <ConnectionClose/);
  });

  test('the heartbeat the client asks for is the one negotiated', async () => {
    const conn = await connect(broker.url + '?heartbeat=5');
    const inner = (conn as unknown as { connection: { heartbeat: number } }).connection;
    assert.equal(inner.heartbeat, 5);
  });

  test('the server presents itself as RabbitMQ 3.10.8, with its capabilities table', async () => {
    const conn = await connect(broker.url);
    const props = (conn as unknown as { connection: { serverProperties: Record<string, unknown> & { capabilities: Record<string, boolean> } } })
      .connection.serverProperties;
    assert.equal(props.product, 'RabbitMQ');
    assert.equal(props.version, '3.10.8');
    assert.deepEqual(props.capabilities, {
      publisher_confirms: true, exchange_exchange_bindings: true, 'basic.nack': true, consumer_cancel_notify: true,
      'connection.blocked': true, consumer_priorities: true, authentication_failure_close: true, per_consumer_qos: true,
      direct_reply_to: true,
    });
    if (broker.kind === 'sim') {
      assert.equal(props.cluster_name, 'broker-sim');
      assert.match(String(props.information), /broker-sim/);
    }
  });

  test('a channel error closes only that channel; the connection carries on', async () => {
    const conn = await connect(broker.url);
    const bad = await conn.createChannel();
    const closed = channelClosed(bad);
    bad.checkQueue(broker.name('missing')).catch(() => {});
    assert.equal((await closed).code, 404);
    const good = await conn.createChannel();
    const q = await good.assertQueue('', { exclusive: true });
    assert.match(q.queue, /^amq\.gen-/);
  });
});
