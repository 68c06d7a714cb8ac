/** A stream's log on its own: offsets, where consumers start, segments and retention, on a clock the test sets. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readInterval, readOffsetSpec, StreamLog } from '../../src/core/stream.ts';

const fill = (log: StreamLog<string>, n: number, bytes: number, at: number): void => {
  for (let i = 0; i < n; i++) log.append(`m${log.endOffset}`, bytes, at);
};

test('offsets count from 0; first, last, next, an offset and a timestamp choose where a reader starts', () => {
  const log = new StreamLog<string>({ maxSegmentBytes: 1000 });
  fill(log, 3, 10, 1000);
  fill(log, 3, 10, 5000);
  assert.deepEqual([log.firstOffset, log.endOffset, log.length], [0, 6, 6]);
  assert.equal(log.start({ kind: 'first' }), 0);
  assert.equal(log.start({ kind: 'last' }), 5);
  assert.equal(log.start({ kind: 'next' }), 6);
  assert.equal(log.start({ kind: 'offset', offset: -3 }), 0);
  assert.equal(log.start({ kind: 'offset', offset: 9 }), 9, 'an offset not yet written is waited for');
  assert.equal(log.start({ kind: 'timestamp', ms: 2000 }), 3);
  assert.equal(log.start({ kind: 'timestamp', ms: 9000 }), 6);
  assert.equal(log.at(4)?.value, 'm4');
});

test('x-max-length-bytes removes whole old segments when a new one begins, never the current one', () => {
  const log = new StreamLog<string>({ maxSegmentBytes: 100, maxBytes: 150 });
  fill(log, 10, 50, 0); // segments of 2 messages
  assert.ok(log.bytes <= 150 + 100, `kept ${log.bytes} bytes`);
  assert.ok(log.firstOffset > 0);
  assert.equal(log.firstOffset % 2, 0, 'cut at a segment boundary');
  assert.equal(log.at(9)?.value, 'm9');
  const zero = new StreamLog<string>({ maxSegmentBytes: 100, maxBytes: 0 });
  fill(zero, 10, 50, 0);
  assert.deepEqual([zero.firstOffset, zero.length], [8, 2], 'only the current segment is kept, even over the limit');
  const none = new StreamLog<string>({ maxSegmentBytes: 10_000, maxBytes: 100 });
  fill(none, 10, 50, 0);
  assert.equal(none.firstOffset, 0, 'one segment: nothing to remove yet');
});

test('x-max-age removes segments whose newest message is older than the age, at the next segment', () => {
  const log = new StreamLog<string>({ maxSegmentBytes: 100, maxAgeMs: 1000 });
  fill(log, 4, 50, 0);
  fill(log, 1, 50, 500);
  assert.equal(log.firstOffset, 0, 'younger than the age');
  fill(log, 2, 50, 2000);
  assert.equal(log.firstOffset, 4, 'the segments of time 0 are gone; the one holding time 500 went at 2000 too');
});

test('x-stream-offset values and intervals are read as RabbitMQ reads them; others close with 541', () => {
  assert.deepEqual(readOffsetSpec(undefined, 0), { kind: 'next' });
  assert.deepEqual(readOffsetSpec('first', 0), { kind: 'first' });
  assert.deepEqual(readOffsetSpec(7, 0), { kind: 'offset', offset: 7 });
  assert.deepEqual(readOffsetSpec({ type: 'T', value: 5 }, 0), { kind: 'timestamp', ms: 5000 });
  assert.deepEqual(readOffsetSpec('10s', 60_000), { kind: 'timestamp', ms: 50_000 });
  assert.throws(() => readOffsetSpec('bogus', 0), (e: { code: number }) => e.code === 541);
  assert.equal(readInterval('7D'), 7 * 86_400_000);
  assert.equal(readInterval('0s'), 'invalid');
  assert.equal(readInterval('5d'), 'invalid');
  assert.equal(readInterval('abc'), undefined);
});
