/**
 * Consumer priorities (x-priority on basic.consume): a consumer of higher priority gets messages
 * while it has prefetch room, lower ones get them only when it has none; consumers of one priority
 * take turns. A priority that is not an integer is RabbitMQ's 406. Same assertions on both brokers.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel, ConsumeMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { body, channel, closeAll, expectChannelError } from './support/amqp.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A consumer on its own channel with this prefetch and priority; it records what it gets, unacked. */
async function consumer(url: string, q: string, prefetch: number, priority?: number) {
  const { ch } = await channel(url);
  await ch.prefetch(prefetch);
  const got: ConsumeMessage[] = [];
  const waiters: (() => void)[] = [];
  await ch.consume(q, (m) => {
    if (!m) return;
    got.push(m);
    for (const w of waiters.splice(0)) w();
  }, priority === undefined ? {} : { arguments: { 'x-priority': priority } });
  /** Resolves once it holds n messages (fails after 5 s). */
  const holds = (n: number): Promise<string[]> => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${n} messages; got ${got.map(body)}`)), 5000);
    const check = () => {
      if (got.length >= n) { clearTimeout(timer); resolve(got.map(body)); } else waiters.push(check);
    };
    check();
  });
  return { ch, got, holds };
}

/**
 * Until the queue counts `n` consumers: a quorum queue on RabbitMQ registers a consumer a moment
 * after consume-ok, and a message published before that goes to the consumers it already knows.
 */
async function untilConsumers(ch: Channel, q: string, n: number): Promise<void> {
  for (const deadline = Date.now() + 5000; (await ch.checkQueue(q)).consumerCount < n;) {
    if (Date.now() > deadline) throw new Error(`queue ${q} never counted ${n} consumers`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function publish(ch: Channel, q: string, bodies: string[]): void {
  for (const b of bodies) ch.sendToQueue(q, Buffer.from(b));
}

forEachBroker('consumer priorities', (broker) => {
  after(closeAll);

  for (const type of ['classic', 'quorum'] as const) {
    test(`${type}: the higher-priority consumer gets messages while it has prefetch room; the lower one gets the rest`, async () => {
      const { ch } = await channel(broker.url);
      const q = broker.name('cp');
      await ch.assertQueue(q, { durable: type === 'quorum', arguments: { 'x-queue-type': type } });
      const low = await consumer(broker.url, q, 10, 1);
      const high = await consumer(broker.url, q, 2, 10);
      await untilConsumers(ch, q, 2);
      publish(ch, q, ['m1', 'm2', 'm3', 'm4', 'm5']);
      assert.deepEqual(await high.holds(2), ['m1', 'm2']);
      assert.deepEqual(await low.holds(3), ['m3', 'm4', 'm5']);
      // Room again on the high one: it gets one more, though the low one has room too. (RabbitMQ's
      // queue learns of the ack a moment later, so which of the next ones it gets may vary.)
      high.ch.ack(high.got[0]!);
      publish(ch, q, ['m6', 'm7', 'm8']);
      const [got, rest] = await Promise.all([high.holds(3), low.holds(5)]);
      assert.deepEqual(got.slice(0, 2), ['m1', 'm2']);
      assert.deepEqual([...got.slice(2), ...rest.slice(3)].sort(), ['m6', 'm7', 'm8']);
      assert.equal(high.got.length, 3, 'one more only: its prefetch is full again');
      await ch.deleteQueue(q);
    });
  }

  test('consumers of equal priority take turns; one of lower priority with room gets nothing meanwhile', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('cp-rr');
    await ch.assertQueue(q, { durable: false });
    const low = await consumer(broker.url, q, 0);
    const a = await consumer(broker.url, q, 0, 5);
    const b = await consumer(broker.url, q, 0, 5);
    await untilConsumers(ch, q, 3);
    publish(ch, q, ['1', '2', '3', '4', '5', '6']);
    const [ga, gb] = await Promise.all([a.holds(3), b.holds(3)]);
    // Six published, six with the priority-5 pair: none can have gone to the default-priority one.
    assert.equal(low.got.length, 0);
    const turns = [ga, gb].sort((x, y) => x[0]!.localeCompare(y[0]!));
    assert.deepEqual(turns, [['1', '3', '5'], ['2', '4', '6']]);
    await ch.deleteQueue(q);
  });

  test('an x-priority that is not an integer is 406 "expected integer"', async () => {
    const { ch: setup } = await channel(broker.url);
    const q = broker.name('cp-bad');
    await setup.assertQueue(q, { durable: false });
    for (const [value, type] of [['5', 'longstr'], [1.5, 'double'], [true, 'bool']] as const) {
      await expectChannelError(broker.url, (ch) => ch.consume(q, () => {}, { arguments: { 'x-priority': value } }), 406,
        new RegExp(`PRECONDITION_FAILED - invalid arg 'x-priority' for queue '${esc(q)}' in vhost '/': "expected integer, got ${type}""$`));
    }
    await setup.deleteQueue(q);
  });
});
