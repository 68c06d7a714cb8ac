/** A channel's delivery registry: tag order, ack multiple, unknown tags, and the counts prefetch reads. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Consumer } from '../../src/core/consumer.ts';
import { DeliveryRegistry, type Delivery } from '../../src/core/deliveries.ts';
import type { Queue } from '../../src/core/queue.ts';

const queue = (name: string) => ({ name }) as unknown as Queue;
const consumer = (tag: string) => ({ tag }) as unknown as Consumer;

function delivery(tag: number, q: Queue, c: Consumer | null): Delivery {
  return { tag, queue: q, consumer: c, deliveredAt: 0, deadline: Infinity,
    message: { id: tag, exchange: '', routingKey: '', propertiesRaw: Buffer.from([0, 0]), body: Buffer.alloc(0), persistent: false, redelivered: false, stored: false } };
}

test('deliveries are taken by tag, up to a tag with multiple, all with tag 0; an unknown tag is a 406', () => {
  const r = new DeliveryRegistry();
  const q = queue('q');
  for (let t = 1; t <= 5; t++) r.add(delivery(t, q, null));
  assert.deepEqual(r.take(2, false).map((d) => d.tag), [2]);
  assert.deepEqual(r.take(3, true).map((d) => d.tag), [1, 3]);
  assert.throws(() => r.take(3, false), /PRECONDITION_FAILED - unknown delivery tag 3/);
  assert.throws(() => r.take(9, true), /unknown delivery tag 9/);
  assert.deepEqual(r.take(0, true).map((d) => d.tag), [4, 5]);
  assert.equal(r.size, 0);
});

test('counts per consumer and per queue follow the deliveries, also for a consumer cancelled while it holds some', () => {
  const r = new DeliveryRegistry();
  const [a, b] = [queue('a'), queue('b')];
  const [x, y] = [consumer('x'), consumer('y')];
  r.add(delivery(1, a, x));
  r.add(delivery(2, b, x));
  r.add(delivery(3, a, y));
  r.add(delivery(4, a, null));
  assert.deepEqual([r.heldBy(x), r.heldBy(y), r.countIn(a), r.countIn(b), r.size], [2, 1, 3, 1, 4]);
  r.consumerGone(x);
  assert.equal(r.heldBy(x), 2, 'its deliveries still count until settled');
  r.take(1, false);
  r.take(2, false);
  assert.deepEqual([r.heldBy(x), r.heldBy(y), r.countIn(a), r.countIn(b)], [0, 1, 2, 0]);
  assert.deepEqual(r.takeAll().map((d) => d.tag), [3, 4]);
  assert.deepEqual([r.heldBy(y), r.size], [0, 0]);
  r.add(delivery(5, a, y));
  assert.equal(r.heldBy(y), 1, 'counting goes on after takeAll');
});
