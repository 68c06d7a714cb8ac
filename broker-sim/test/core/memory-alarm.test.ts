/**
 * The memory alarm on a fake clock: raised once the messages held take the broker past its limit,
 * checked on publishes (at most every few ms), and re-checked by a timer only while in effect;
 * cleared with a margin once consumers drain. It shares the one "publishers blocked" reason with
 * the disk alarm: several can be in effect at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECK_EVERY_MS, CLEAR_BELOW, RECHECK_MS } from '../../src/core/memory-alarm.ts';
import { MESSAGE_OVERHEAD_BYTES } from '../../src/core/message.ts';
import { setup } from './support.ts';

const BODY = 'x'.repeat(1000);
/** What one of these messages counts for: body, properties (flags only), overhead. */
const EACH = BODY.length + 2 + MESSAGE_OVERHEAD_BYTES;

test('publishes past the limit raise the memory alarm; draining below the margin clears it; no timer otherwise', () => {
  const logs: string[] = [];
  const limit = 40 * EACH + EACH / 2;
  const { broker, clock, declare, channel } = setup({ memory: { limit, base: 0 }, log: (l) => logs.push(l) });
  const told: (string | undefined)[] = [];
  broker.blockWatchers.add((r) => told.push(r));
  declare('q');
  const c = channel();
  const publish = (n: number): void => {
    for (let i = 0; i < n; i++) {
      c.ch.publish({ exchange: '', routingKey: 'q', propertiesRaw: Buffer.from([0, 0]), body: Buffer.from(BODY) });
      clock.advance(CHECK_EVERY_MS);
    }
  };
  publish(40);
  assert.equal(broker.blocked, undefined, 'at the limit, not above it');
  assert.equal(clock.pending, 0, 'no timer while there is no alarm');
  publish(1);
  assert.equal(broker.blocked, 'low on memory', "RabbitMQ's reason");
  assert.deepEqual(broker.alarmsInEffect, ['memory']);
  assert.equal(clock.pending, 1, 'one timer re-checks while the alarm is in effect');
  assert.match(logs[0]!, /^memory alarm: 0 MiB in use, above the limit of 0 MiB \(--max-memory\); publishers are blocked/);
  const take = (n: number): void => { for (let i = 0; i < n; i++) assert.ok(c.ch.get('q', true)); };
  take(4); // 37 held: above CLEAR_BELOW of the limit
  clock.advance(RECHECK_MS);
  assert.equal(broker.blocked, 'low on memory', `above ${CLEAR_BELOW} of the limit it stays`);
  take(1);
  assert.equal(broker.blocked, 'low on memory', 'until the timer reads use again');
  clock.advance(RECHECK_MS);
  assert.equal(broker.blocked, undefined);
  assert.deepEqual(told, ['low on memory', undefined]);
  assert.equal(clock.pending, 0, 'the re-check timer is gone with the alarm');
  assert.match(logs[1]!, /^memory alarm cleared/);
});

test('memory and disk alarms are in effect independently; publishers go on once neither is', () => {
  const { broker } = setup();
  const told: (string | undefined)[] = [];
  broker.blockWatchers.add((r) => told.push(r));
  broker.setAlarm('memory', 'low on memory');
  broker.setAlarm('disk', 'the database cannot be written (database or disk is full)');
  assert.equal(broker.blocked, 'low on memory & the database cannot be written (database or disk is full)');
  broker.setAlarm('memory', undefined);
  assert.deepEqual(broker.alarmsInEffect, ['disk']);
  broker.setAlarm('disk', undefined);
  broker.setAlarm('disk', undefined);
  assert.deepEqual(told, ['low on memory', 'low on memory & the database cannot be written (database or disk is full)',
    'the database cannot be written (database or disk is full)', undefined]);
});
