/**
 * Exchanges and bindings: every type and binding form, the predeclared amq.* exchanges, and the
 * errors RabbitMQ gives. The same assertions against broker-sim and RabbitMQ.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, closeAll, eventually, expectChannelError } from './support/amqp.ts';

/** Bodies in a queue, in order, taken with basic.get (no-ack) once `n` are there. */
async function bodies(ch: Channel, q: string, n: number): Promise<string[]> {
  if (n > 0) await eventually(`${n} messages in ${q}`, () => ch.checkQueue(q), (r) => r.messageCount >= n);
  else await new Promise((r) => setTimeout(r, 100));
  const out: string[] = [];
  for (let m = await ch.get(q, { noAck: true }); m; m = await ch.get(q, { noAck: true })) out.push(body(m));
  return out;
}

async function queues(ch: Channel, names: string[]): Promise<void> {
  for (const q of names) await ch.assertQueue(q, { durable: false, autoDelete: false });
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

forEachBroker('exchanges', (broker) => {
  after(closeAll);

  test('direct: a message goes to the queues bound with its routing key, once each', async () => {
    const { ch } = await channel(broker.url);
    const x = broker.name('direct');
    const [a, b] = [broker.name('q'), broker.name('q')];
    await ch.assertExchange(x, 'direct', { durable: false });
    await queues(ch, [a!, b!]);
    await ch.bindQueue(a!, x, 'info');
    await ch.bindQueue(a!, x, 'error');
    await ch.bindQueue(b!, x, 'error');
    for (const k of ['info', 'error', 'debug']) ch.publish(x, k, Buffer.from(k));
    assert.deepEqual(await bodies(ch, a!, 2), ['info', 'error']);
    assert.deepEqual(await bodies(ch, b!, 1), ['error']);
    await ch.deleteExchange(x);
  });

  test('fanout: every bound queue gets a copy, whatever the key', async () => {
    const { ch } = await channel(broker.url);
    const x = broker.name('fanout');
    const qs = [broker.name('q'), broker.name('q'), broker.name('q')];
    await ch.assertExchange(x, 'fanout', { durable: false });
    await queues(ch, qs);
    for (const q of qs) await ch.bindQueue(q, x, 'ignored');
    ch.publish(x, 'anything', Buffer.from('news'));
    for (const q of qs) assert.deepEqual(await bodies(ch, q, 1), ['news']);
    await ch.deleteExchange(x);
  });

  test('publish/subscribe: each subscriber\'s exclusive server-named queue gets every broadcast, and goes with it', async () => {
    const { ch: pub } = await channel(broker.url);
    const x = broker.name('logs');
    await pub.assertExchange(x, 'fanout', { durable: false });
    const subscribers = await Promise.all([1, 2].map(async () => {
      const { ch, conn } = await channel(broker.url);
      const { queue } = await ch.assertQueue('', { exclusive: true });
      await ch.bindQueue(queue, x, '');
      const got: string[] = [];
      await ch.consume(queue, (m) => { if (m) got.push(body(m)); }, { noAck: true });
      return { queue, got, conn };
    }));
    for (const t of ['one', 'two', 'three']) pub.publish(x, '', Buffer.from(t));
    for (const s of subscribers) await eventually('three broadcasts', async () => s.got.length, (n) => n === 3);
    assert.deepEqual(subscribers.map((s) => s.got), [['one', 'two', 'three'], ['one', 'two', 'three']]);
    await subscribers[0]!.conn.close();
    await eventually('the exclusive queue to go with its connection', async () => {
      const { ch } = await channel(broker.url);
      try { await ch.checkQueue(subscribers[0]!.queue); return true; } catch { return false; }
    }, (exists) => !exists);
    await pub.deleteExchange(x);
  });

  test('topic: * matches one word, # zero or more', async () => {
    const { ch } = await channel(broker.url);
    const x = broker.name('topic');
    const patterns: Record<string, string> = { star: '*.orange.*', lazy: 'lazy.#', rabbit: '*.*.rabbit', all: '#', exact: 'quick.brown.fox' };
    const qs: Record<string, string> = {};
    await ch.assertExchange(x, 'topic', { durable: false });
    for (const [k, p] of Object.entries(patterns)) {
      qs[k] = broker.name(k);
      await queues(ch, [qs[k]!]);
      await ch.bindQueue(qs[k]!, x, p);
    }
    const keys = ['quick.orange.rabbit', 'lazy.orange.elephant', 'quick.orange.fox', 'lazy.brown.fox', 'lazy', 'quick.brown.fox', 'orange', 'quick.orange.new.rabbit', ''];
    for (const k of keys) ch.publish(x, k, Buffer.from(k || '(empty)'));
    assert.deepEqual(await bodies(ch, qs.all!, keys.length), keys.map((k) => k || '(empty)'));
    assert.deepEqual(await bodies(ch, qs.star!, 3), ['quick.orange.rabbit', 'lazy.orange.elephant', 'quick.orange.fox']);
    assert.deepEqual(await bodies(ch, qs.lazy!, 3), ['lazy.orange.elephant', 'lazy.brown.fox', 'lazy']);
    assert.deepEqual(await bodies(ch, qs.rabbit!, 1), ['quick.orange.rabbit']);
    assert.deepEqual(await bodies(ch, qs.exact!, 1), ['quick.brown.fox']);
    await ch.deleteExchange(x);
  });

  test('headers: x-match all and any, with and without values, on amq.headers and amq.match', async () => {
    const { ch } = await channel(broker.url);
    const [all, any, present] = [broker.name('all'), broker.name('any'), broker.name('present')];
    await queues(ch, [all!, any!, present!]);
    await ch.bindQueue(all!, 'amq.headers', '', { 'x-match': 'all', format: 'pdf', type: 'report' });
    await ch.bindQueue(any!, 'amq.match', '', { 'x-match': 'any', format: 'pdf', type: 'log' });
    await ch.bindQueue(present!, 'amq.headers', '', { 'x-match': 'all', format: 'pdf' });
    const send = (x: string, text: string, headers: Record<string, unknown>) => ch.publish(x, '', Buffer.from(text), { headers });
    send('amq.headers', 'pdf-report', { format: 'pdf', type: 'report' });
    send('amq.headers', 'pdf-log', { format: 'pdf', type: 'log' });
    send('amq.match', 'zip-log', { format: 'zip', type: 'log' });
    send('amq.match', 'zip-report', { format: 'zip', type: 'report' });
    assert.deepEqual(await bodies(ch, all!, 1), ['pdf-report']);
    assert.deepEqual(await bodies(ch, any!, 1), ['zip-log']);
    assert.deepEqual(await bodies(ch, present!, 2), ['pdf-report', 'pdf-log']);
    for (const q of [all!, any!, present!]) await ch.deleteQueue(q);
  });

  test('exchange-to-exchange bindings route on, and unbinding stops them', async () => {
    const { ch } = await channel(broker.url);
    const [src, dst] = [broker.name('src'), broker.name('dst')];
    const q = broker.name('e2e');
    await ch.assertExchange(src, 'topic', { durable: false });
    await ch.assertExchange(dst, 'fanout', { durable: false });
    await ch.bindExchange(dst, src, 'audit.#');
    await queues(ch, [q]);
    await ch.bindQueue(q, dst, '');
    ch.publish(src, 'audit.login', Buffer.from('in'));
    ch.publish(src, 'other', Buffer.from('out'));
    assert.deepEqual(await bodies(ch, q, 1), ['in']);
    await ch.unbindExchange(dst, src, 'audit.#');
    ch.publish(src, 'audit.logout', Buffer.from('after unbind'));
    assert.deepEqual(await bodies(ch, q, 0), []);
    await ch.deleteExchange(src);
    await ch.deleteExchange(dst);
  });

  test('an auto-delete exchange goes when its last binding goes', async () => {
    const { ch } = await channel(broker.url);
    const x = broker.name('autodel');
    const q = broker.name('q');
    await ch.assertExchange(x, 'direct', { durable: false, autoDelete: true });
    await queues(ch, [q]);
    await ch.bindQueue(q, x, 'k');
    await ch.unbindQueue(q, x, 'k');
    await expectChannelError(broker.url, (c) => c.checkExchange(x), 404, new RegExp(`NOT_FOUND - no exchange '${esc(x)}' in vhost '/'`));
  });

  test('exchange errors: missing, inequivalent, reserved, internal, in use, the default exchange', async () => {
    const { ch } = await channel(broker.url);
    const x = broker.name('errs');
    await ch.assertExchange(x, 'direct', { durable: false });
    const internal = broker.name('internal');
    await ch.assertExchange(internal, 'fanout', { durable: false, internal: true });
    const q = broker.name('q');
    await queues(ch, [q]);
    await ch.bindQueue(q, x, 'k');

    await expectChannelError(broker.url, (c) => c.checkExchange(broker.name('missing')), 404, /NOT_FOUND - no exchange '.*' in vhost '\/'/);
    await expectChannelError(broker.url, (c) => c.assertExchange(x, 'fanout', { durable: false }), 406,
      new RegExp(`PRECONDITION_FAILED - inequivalent arg 'type' for exchange '${esc(x)}' in vhost '/': received 'fanout' but current is 'direct'`));
    await expectChannelError(broker.url, (c) => c.assertExchange(`amq.${broker.name('mine')}`, 'direct'), 403,
      /ACCESS_REFUSED - exchange name 'amq\..*' contains reserved prefix 'amq\.\*'/);
    await expectChannelError(broker.url, async (c) => { c.publish(internal, '', Buffer.from('x')); await c.checkExchange(internal); }, 403,
      new RegExp(`ACCESS_REFUSED - cannot publish to internal exchange '${esc(internal)}' in vhost '/'`));
    await expectChannelError(broker.url, (c) => c.deleteExchange(x, { ifUnused: true }), 406,
      new RegExp(`PRECONDITION_FAILED - exchange '${esc(x)}' in vhost '/' in use`));
    await expectChannelError(broker.url, (c) => c.bindQueue(q, '', q), 403,
      /ACCESS_REFUSED - operation not permitted on the default exchange/);
    await expectChannelError(broker.url, (c) => c.bindQueue(q, broker.name('nox'), 'k'), 404, /NOT_FOUND - no exchange '.*' in vhost '\/'/);
    // An unknown exchange type is a connection error.
    const { conn } = await channel(broker.url);
    const connClosed = new Promise<{ code: number; message: string }>((resolve) => {
      conn.once('error', (e: Error & { code: number }) => resolve({ code: e.code, message: e.message }));
    });
    const c2 = await conn.createChannel();
    c2.on('error', () => {});
    c2.assertExchange(broker.name('weird'), 'no-such-type').catch(() => {});
    const err = await connClosed;
    assert.equal(err.code, 503);
    assert.match(err.message, /COMMAND_INVALID - unknown exchange type 'no-such-type'/);
    await ch.deleteExchange(x);
    await ch.deleteExchange(internal);
    await ch.deleteQueue(q);
  });

  test('deleting an exchange that does not exist is fine; a passive declare of amq.* works', async () => {
    const { ch } = await channel(broker.url);
    await ch.deleteExchange(broker.name('never-was'));
    for (const x of ['amq.direct', 'amq.fanout', 'amq.topic', 'amq.headers', 'amq.match']) await ch.checkExchange(x);
  });
});
