/**
 * The connection as RabbitMQ runs it: connection.update-secret is answered and the connection
 * carries on; channel_max bounds how many channels are open, not their numbers; tune-ok values the
 * server cannot accept end the handshake without a connection.close; heartbeats go out at half the
 * negotiated interval and a silent peer's socket is reset after two missed intervals. And, on
 * broker-sim, listening on both loopbacks by default.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachBroker, startPrivateSim } from '../../../test/support/brokers.ts';
import { channel, closeAll, connect, getOne, within } from './support/amqp.ts';
import { Raw } from './support/raw-client.ts';

const opened: Raw[] = [];
async function raw(url: string): Promise<Raw> {
  const r = await Raw.open(url);
  opened.push(r);
  return r;
}

type Close = { replyCode: number; replyText: string; classId: number; methodId: number };

forEachBroker('the wire', (broker) => {
  after(async () => { for (const r of opened) r.end(); await closeAll(); });

  test('update-secret is answered, and the connection and its channels carry on', async () => {
    const { conn, ch } = await channel(broker.url);
    const q = broker.name('secret');
    await ch.assertQueue(q);
    await within(3000, 'update-secret-ok', conn.updateSecret(Buffer.from('guest'), 'token refreshed'));
    // As RabbitMQ's internal users: a secret that is not the password is not refused either.
    await within(3000, 'update-secret-ok', conn.updateSecret(Buffer.from('not the password'), 'rotation'));
    ch.sendToQueue(q, Buffer.from('still here'));
    assert.equal((await getOne(ch, q)).content.toString(), 'still here');
    const again = await conn.createChannel();
    await again.deleteQueue(q);
  });

  test('channel_max bounds the channels open at once, whatever their numbers', async () => {
    const r = await raw(broker.url);
    await r.handshake({ channelMax: 3 });
    for (const n of [1, 3, 65535]) {
      r.send(n, 'channel.open', {});
      await r.next('channel.open-ok');
    }
    r.send(2, 'channel.open', {});
    assert.deepEqual(await r.args<Close>('connection.close'), {
      replyCode: 530, replyText: 'NOT_ALLOWED - number of channels opened (3) has reached the negotiated channel_max (3)', classId: 0, methodId: 0,
    });
  });

  test('amqplib opens channels up to the negotiated channel_max', async () => {
    const conn = await connect(`${broker.url}?channelMax=4`);
    const channels = [];
    for (let i = 0; i < 4; i++) channels.push(await conn.createChannel());
    const numbers = channels.map((c) => (c as unknown as { ch: number }).ch);
    assert.deepEqual(numbers, [1, 2, 3, 4]);
    await channels[3]!.checkExchange('amq.direct');
  });

  test('amqplib asking for heartbeat 0, or more than the broker offers, gets the broker\'s 60 s', async () => {
    const negotiated = async (asked: number): Promise<number> => {
      const conn = await connect(`${broker.url}?heartbeat=${asked}`);
      const hb = (conn as unknown as { connection: { heartbeat: number } }).connection.heartbeat;
      await conn.close();
      return hb;
    };
    assert.deepEqual([await negotiated(0), await negotiated(5), await negotiated(600)], [60, 5, 60]);
  });

  test('a tune-ok asking for channel_max 0 ends the handshake without a connection.close', async () => {
    const r = await raw(broker.url);
    await r.handshake({ channelMax: 0 }, false);
    r.send(0, 'connection.open', { virtualHost: '/' });
    const ended = await within(6000, 'the socket to end', r.closed);
    assert.equal(ended, 'ECONNRESET');
    assert.equal(r.closeCode(), undefined, 'no connection.close');
    assert.ok(!r.frames.some((f) => f.type === 1 && f.method.name === 'connection.open-ok'));
  });

  test('heartbeats come at half the interval; a silent client is reset after two missed intervals', async () => {
    const r = await raw(broker.url);
    const started = Date.now();
    await r.handshake({ heartbeat: 1 });
    const ended = await within(8000, 'the silent client to be dropped', r.closed);
    const lasted = Date.now() - started;
    const beats = r.frames.filter((f) => f.type === 8).length;
    assert.equal(ended, 'ECONNRESET', 'the socket is reset, not closed');
    assert.equal(r.closeCode(), undefined, 'no connection.close before the reset');
    assert.ok(lasted >= 2000, `dropped after ${lasted} ms, before two intervals of 1 s`);
    assert.ok(beats >= 3, `${beats} heartbeats in ${lasted} ms: fewer than one every half interval`);
  });
});

forEachBroker('the order of replies', (broker) => {
  after(async () => { for (const r of opened) r.end(); });

  for (const durable of [true, false]) {
    test(`deleting a ${durable ? 'durable' : 'transient'} queue its own channel consumes: delete-ok, then basic.cancel`, async () => {
      const r = await raw(broker.url);
      await r.handshake({}, true, { capabilities: { consumer_cancel_notify: true } });
      r.send(1, 'channel.open', {});
      await r.next('channel.open-ok');
      const q = broker.name('deleted');
      r.send(1, 'queue.declare', { queue: q, durable });
      await r.next('queue.declare-ok');
      r.send(1, 'basic.consume', { queue: q, consumerTag: 'doomed' });
      await r.next('basic.consume-ok');
      r.send(1, 'queue.delete', { queue: q });
      const names = (): string[] => r.frames.flatMap((f) => (f.type === 1 ? [f.method.name] : []));
      await within(3000, 'queue.delete-ok and basic.cancel', (async () => {
        while (!(names().includes('queue.delete-ok') && names().includes('basic.cancel'))) await new Promise((res) => setTimeout(res, 5));
      })());
      assert.deepEqual(names(), ['queue.delete-ok', 'basic.cancel']);
    });
  }
});

test('broker-sim listens on 127.0.0.1 and ::1 when no host is given', async (t) => {
  const sim = await startPrivateSim({ host: undefined });
  t.after(() => sim.close());
  const port = new URL(sim.url).port;
  for (const host of ['127.0.0.1', '[::1]']) {
    const conn = await connect(`amqp://guest:guest@${host}:${port}`);
    const ch = await conn.createChannel();
    await ch.checkExchange('amq.topic');
    await conn.close();
  }
});
