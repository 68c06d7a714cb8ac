/**
 * Leases on a fake clock: every unacknowledged delivery is held by one channel until its consumer
 * timeout; at-most-once queues send a returned message to `<queue>.failed`; the scheduler sets no
 * timer when nothing is due. No test here sleeps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CoreChannel } from '../../src/core/channel.ts';
import { FakeClock } from '../../src/core/clock.ts';
import { CoreConnection } from '../../src/core/connection.ts';
import { Scheduler } from '../../src/core/scheduler.ts';
import { setup as coreSetup } from './support.ts';

function setup(options: { consumerTimeout?: number; atMostOnce?: boolean } = {}) {
  const core = coreSetup(options);
  const declare = (name: string, args: Record<string, unknown> = {}) => core.declare(name, { durable: true, args });
  const publish = (q: string, text: string) => core.send(q, text, { deliveryMode: 2 });
  const channel = () => {
    const t = core.channel();
    const consume = (q: string, prefetch = 0) => {
      t.ch.qos(prefetch, false);
      return t.consume(q);
    };
    return { ch: t.ch, got: t.got, expired: t.closedWith, consume };
  };
  return { ...core, declare, publish, channel };
}

test('a lease that outlives the consumer timeout: core closes the channel itself, requeues, and tells the server the 406', () => {
  const { clock, declare, publish, channel, vhost, unackedIn } = setup({ consumerTimeout: 10_000 });
  declare('work');
  publish('work', 'slow job');
  const w = channel();
  w.consume('work');
  assert.equal(w.got.length, 1);
  clock.advance(9_999);
  assert.equal(w.expired.length, 0, 'not before the deadline');
  clock.advance(1);
  assert.equal(w.expired.length, 1);
  assert.equal(w.expired[0]!.code, 406);
  assert.equal(w.expired[0]!.text, 'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. '
    + 'Timeout value used: 10000 ms. This timeout value can be configured, see consumers doc guide to learn more');
  const q = vhost.queue('work');
  assert.equal(w.ch.closed, true, 'closed by core, not by whoever was told');
  assert.equal(q.consumers.length, 0, 'its consumer is gone');
  assert.equal(q.messageCount, 1);
  assert.equal(unackedIn(q, w.ch), 0);
  const next = channel();
  next.consume('work');
  assert.deepEqual(next.got.map((g) => [g.body, g.redelivered]), [['slow job', true]]);
});

test('acking in time keeps the channel; only the late lease counts, and x-consumer-timeout overrides the broker', () => {
  const { clock, declare, publish, channel, broker } = setup({ consumerTimeout: 10_000 });
  declare('fast', { 'x-consumer-timeout': 1_000 });
  declare('slow');
  publish('slow', 's');
  publish('fast', 'f1');
  const w = channel();
  w.consume('slow');
  w.consume('fast', 1);
  const fastTag = w.got.find((g) => g.body === 'f1')!.tag;
  clock.advance(900);
  w.ch.ack(fastTag, false);
  publish('fast', 'f2');
  clock.advance(900);
  assert.equal(w.expired.length, 0, 'f2 was delivered 900 ms ago, its lease is 1000 ms');
  clock.advance(200);
  assert.equal(w.expired.length, 1, 'f2 ran out');
  assert.match(w.expired[0]!.text, /Timeout value used: 1000 ms/);
  const kinds = broker.events.recent(20).map((e) => e.kind).reverse();
  assert.deepEqual(kinds.filter((k) => k !== 'lease.granted'), ['lease.acked', 'lease.expired', 'lease.released', 'lease.released']);
});

test('an idle broker has no timer set; a timer exists only while a lease or TTL is pending', () => {
  const { clock, declare, publish, channel } = setup({ consumerTimeout: 5_000 });
  declare('q');
  const w = channel();
  w.consume('q');
  assert.equal(clock.pending, 0, 'ten idle consumers or one: nothing to wake up for');
  publish('q', 'x');
  assert.equal(clock.pending, 1);
  w.ch.ack(w.got[0]!.tag, false);
  clock.advance(5_000);
  assert.equal(clock.pending, 0, 'after the acked lease\'s deadline passes, nothing is left armed');
  assert.equal(w.expired.length, 0);
});

test('at-most-once: a message given back for any reason goes to <queue>.failed with its x-death, never to another worker', () => {
  const { clock, declare, publish, channel, vhost } = setup({ consumerTimeout: 1_000, atMostOnce: true });
  declare('tasks');
  assert.ok(vhost.queues.has('tasks.failed'), 'the failed queue is declared with it');
  for (const t of ['crash', 'nack', 'hang']) publish('tasks', t);
  const a = channel();
  a.consume('tasks', 1);
  a.ch.close(); // its worker died holding 'crash'
  const b = channel();
  b.consume('tasks', 1);
  assert.equal(b.got[0]!.body, 'nack');
  b.ch.nack(b.got[0]!.tag, false, true); // asks for a requeue
  assert.equal(b.got[1]!.body, 'hang');
  clock.advance(1_000); // and hangs past its lease
  const failed = [...vhost.queue('tasks.failed').ready].map((m) => m.body.toString());
  assert.deepEqual(failed, ['crash', 'nack', 'hang']);
  assert.equal(vhost.queue('tasks').messageCount, 0);
  const c = channel();
  c.consume('tasks');
  assert.equal(c.got.length, 0, 'nothing is run twice');
});

test('the scheduler fires deadlines in order with one timer at the earliest', () => {
  const clock = new FakeClock();
  const s = new Scheduler(clock);
  const fired: string[] = [];
  s.at(clock.now() + 30, () => fired.push('c'));
  const b = s.at(clock.now() + 20, () => fired.push('b'));
  s.at(clock.now() + 10, () => fired.push('a'));
  assert.equal(clock.pending, 1, 'one real timer whatever the number of deadlines');
  b.cancel();
  clock.advance(15);
  assert.deepEqual(fired, ['a']);
  clock.advance(100);
  assert.deepEqual(fired, ['a', 'c']);
  assert.equal(clock.pending, 0);
  assert.equal(s.size, 0);
});

/** A small seeded PRNG, so a failing run can be replayed with its seed. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

for (const atMostOnce of [false, true]) {
  test(`property: a message is held by at most one consumer, and none is lost or duplicated${atMostOnce ? ' (at-most-once)' : ''}`, () => {
    const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);
    const steps = Number(process.env.PROPERTY_STEPS ?? 20000);
    const random = mulberry32(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const { clock, declare, publish, vhost, broker, unackedIn } = setup({ consumerTimeout: 500, atMostOnce });
    declare('q', atMostOnce ? {} : { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' });
    declare('dead');
    const q = vhost.queue('q');
    const deadQueue = vhost.queue(atMostOnce ? 'q.failed' : 'dead');
    let published = 0;
    let acked = 0;
    const deliveredOnce = new Map<string, number>();
    interface Worker { ch: CoreChannel; held: Map<number, string> }
    const workers: Worker[] = [];
    const everyChannel: CoreChannel[] = [];
    const holders = new Map<string, Worker>();
    const conn = new CoreConnection(broker, 1, vhost);
    const open = (): Worker => {
      const w: Worker = { ch: undefined as unknown as CoreChannel, held: new Map() };
      w.ch = conn.openChannel(everyChannel.length + 1, {
        deliver: (_tag, d) => {
          const id = d.body.toString();
          // A channel core has closed holds nothing, though its worker may not have been told yet.
          const holder = holders.get(id);
          assert.ok(holder === undefined || holder.ch.closed, `seed ${seed}: message ${id} delivered while another consumer holds it`);
          holders.set(id, w);
          w.held.set(d.deliveryTag, id);
          deliveredOnce.set(id, (deliveredOnce.get(id) ?? 0) + 1);
        },
        getOk: () => {},
        getEmpty: () => {},
        consumerCancelled: () => {},
        // A lease ran out: core has closed the channel; the worker only forgets what it held.
        closed: () => forgetWorker(w),
        canDeliver: () => true,
      });
      everyChannel.push(w.ch);
      w.ch.qos(1 + Math.floor(random() * 3), false);
      w.ch.consume('q', { noAck: false, exclusive: false }, () => {});
      workers.push(w);
      return w;
    };
    const forget = (w: Worker, tag: number) => { holders.delete(w.held.get(tag)!); w.held.delete(tag); };
    const forgetWorker = (w: Worker) => {
      for (const id of w.held.values()) if (holders.get(id) === w) holders.delete(id);
      w.held.clear();
      workers.splice(workers.indexOf(w), 1);
    };
    const closeWorker = (w: Worker) => {
      forgetWorker(w);
      w.ch.close();
    };
    for (let i = 0; i < 3; i++) open();
    for (let step = 0; step < steps; step++) {
      const r = random();
      const busy = workers.filter((w) => w.held.size > 0);
      if (r < 0.3) { publish('q', String(++published)); }
      else if (r < 0.5 && busy.length) { const w = pick(busy); const tag = pick([...w.held.keys()]); forget(w, tag); w.ch.ack(tag, false); acked++; }
      else if (r < 0.6 && busy.length) { const w = pick(busy); const tag = pick([...w.held.keys()]); forget(w, tag); w.ch.nack(tag, false, random() < 0.5); }
      else if (r < 0.65 && workers.length) closeWorker(pick(workers));
      else if (r < 0.75) open();
      else clock.advance(Math.floor(random() * 300));
      // The invariant, after every step.
      const held = workers.reduce((n, w) => n + w.held.size, 0);
      assert.equal(unackedIn(q, ...everyChannel), held, `seed ${seed}, step ${step}: the channels' delivery registries match what consumers hold`);
      assert.equal(q.messageCount + held + deadQueue.messageCount + acked, published,
        `seed ${seed}, step ${step}: ready + unacked + dead-lettered + acked = published`);
    }
    if (atMostOnce) {
      for (const [id, n] of deliveredOnce) assert.equal(n, 1, `seed ${seed}: message ${id} delivered ${n} times`);
    }
    assert.ok(published > steps / 5, 'the run published plenty');
  });
}
