/**
 * The headers exchange as RabbitMQ 3.10 matches: values compared by type (the string '1' is not the
 * integer 1, integers of any width are alike), x- arguments ignored except with all-with-x /
 * any-with-x, and an x-match it does not know refused with its 406. Same assertions on both brokers.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, closeAll, eventually, expectChannelError } from './support/amqp.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every body in q, once the marker (published last to every queue) has arrived. */
async function upToMarker(ch: Channel, q: string): Promise<string[]> {
  const out: string[] = [];
  await eventually(`the marker in ${q}`, async () => {
    for (let m = await ch.get(q, { noAck: true }); m; m = await ch.get(q, { noAck: true })) out.push(body(m));
    return out;
  }, (got) => got.includes('marker'));
  return out.filter((b) => b !== 'marker');
}

forEachBroker('headers exchange', (broker) => {
  after(closeAll);

  test('values match by type; all/any skip x- arguments, all-with-x/any-with-x match them', async () => {
    const { ch } = await channel(broker.url);
    const x = broker.name('hx');
    await ch.assertExchange(x, 'headers', { durable: false });
    const bindings: Record<string, Record<string, unknown>> = {
      int: { 'x-match': 'all', k: 1 },
      str: { 'x-match': 'all', k: '1' },
      dbl: { 'x-match': 'all', k: 1.5 },
      bool: { 'x-match': 'all', k: true },
      xAll: { 'x-match': 'all', 'x-tag': 'a' },
      xAllWith: { 'x-match': 'all-with-x', 'x-tag': 'a' },
      xAnyWith: { 'x-match': 'any-with-x', 'x-tag': 'a', other: 'zz' },
      anyNone: { 'x-match': 'any' },
      present: { 'x-match': 'all', k: null },
    };
    const queues: Record<string, string> = {};
    for (const [name, args] of Object.entries(bindings)) {
      const q = broker.name(`hq-${name}`);
      queues[name] = q;
      await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(q, x, '', args);
      await ch.bindQueue(q, x, '', { 'x-match': 'all', marker: 'yes' });
    }
    const messages: [string, Record<string, unknown>][] = [
      ['int-byte', { k: 1 }], ['int-long', { k: { '!': 'long', value: 1 } }], ['str', { k: '1' }], ['bytes', { k: Buffer.from('1') }],
      ['dbl', { k: 1.5 }], ['bool', { k: true }], ['bool-int', { k: 0 }], ['x-tag', { 'x-tag': 'a' }], ['none', {}],
    ];
    for (const [b, headers] of messages) ch.publish(x, '', Buffer.from(b), { headers });
    ch.publish(x, '', Buffer.from('marker'), { headers: { marker: 'yes' } });
    const got: Record<string, string[]> = {};
    for (const [name, q] of Object.entries(queues)) got[name] = await upToMarker(ch, q);
    assert.deepEqual(got, {
      int: ['int-byte', 'int-long'],
      str: ['str', 'bytes'],
      dbl: ['dbl'],
      bool: ['bool'],
      xAll: messages.map(([b]) => b),
      xAllWith: ['x-tag'],
      xAnyWith: ['x-tag'],
      anyNone: [],
      present: ['int-byte', 'int-long', 'str', 'bytes', 'dbl', 'bool', 'bool-int'],
    });
    await ch.deleteExchange(x);
    for (const q of Object.values(queues)) await ch.deleteQueue(q);
  });

  test('an x-match other than all, any, all-with-x or any-with-x is 406 with RabbitMQ\'s text', async () => {
    const { ch: setup } = await channel(broker.url);
    const x = broker.name('hx-bad');
    const q = broker.name('hq-bad');
    await setup.assertExchange(x, 'headers', { durable: false });
    await setup.assertQueue(q, { durable: false });
    await expectChannelError(broker.url, (ch) => ch.bindQueue(q, x, '', { 'x-match': 'some', k: 'v' }), 406,
      new RegExp(`PRECONDITION_FAILED - ${esc('Invalid x-match field value <<"some">>; expected all, any, all-with-x, or any-with-x')}"$`));
    await setup.deleteExchange(x);
    await setup.deleteQueue(q);
  });
});
