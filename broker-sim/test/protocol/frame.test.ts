import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseFrame, encodeMethodFrame, encodeContentFrames, encodeProperties, decodeProperties, method,
  isProtocolHeader, ProtocolError, HEARTBEAT_FRAME, PROTOCOL_HEADER, FRAME_METHOD, FRAME_HEADER, FRAME_BODY,
  FRAME_HEARTBEAT, FRAME_END, FRAME_MIN_SIZE, type Frame,
} from '../../src/protocol/index.ts';

function codeOf(fn: () => unknown): number {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProtocolError) return err.code;
    throw err;
  }
  return 0;
}

function frame(type: number, channel: number, payload: Buffer, end = FRAME_END): Buffer {
  const b = Buffer.alloc(8 + payload.length);
  b[0] = type;
  b.writeUInt16BE(channel, 1);
  b.writeUInt32BE(payload.length, 3);
  payload.copy(b, 7);
  b[7 + payload.length] = end;
  return b;
}

function parseAll(buf: Buffer, frameMax: number): Frame[] {
  const frames: Frame[] = [];
  let rest = buf;
  for (let p = parseFrame(rest, frameMax); p; p = parseFrame(rest, frameMax)) {
    frames.push(p.frame);
    rest = p.rest;
  }
  assert.equal(rest.length, 0, 'no bytes left over');
  return frames;
}

test('the frame constants and the protocol header are those of AMQP 0-9-1', () => {
  assert.deepEqual([FRAME_METHOD, FRAME_HEADER, FRAME_BODY, FRAME_HEARTBEAT, FRAME_END, FRAME_MIN_SIZE], [1, 2, 3, 8, 0xce, 4096]);
  assert.deepEqual(PROTOCOL_HEADER, Buffer.from('AMQP\x00\x00\x09\x01', 'latin1'));
  assert.deepEqual(HEARTBEAT_FRAME, Buffer.from([8, 0, 0, 0, 0, 0, 0, 0xce]));
});

test('the protocol header is recognised, refused, or awaited byte by byte', () => {
  assert.equal(isProtocolHeader(Buffer.from('AMQP\x00\x00\x09\x01', 'latin1')), 'ok');
  for (let n = 0; n < 8; n++) assert.equal(isProtocolHeader(PROTOCOL_HEADER.subarray(0, n)), 'partial', `${n} bytes`);
  assert.equal(isProtocolHeader(Buffer.from('GET / HTTP/1.1\r\n')), 'bad');
  assert.equal(isProtocolHeader(Buffer.from('AMQP\x00\x00\x09\x00', 'latin1')), 'bad', '0-9-0');
  assert.equal(isProtocolHeader(Buffer.from('AMQP\x01\x01\x00\x0a', 'latin1')), 'bad', '0-10');
  assert.equal(isProtocolHeader(Buffer.from('AMQP\x00\x00\x09\x01extra', 'latin1')), 'ok', 'bytes after it are the next frames');
});

test('a frame split anywhere waits for more bytes, then parses whole', () => {
  const whole = encodeMethodFrame(3, method('basic.deliver', { consumerTag: 'c', deliveryTag: 9, routingKey: 'rk' }));
  for (let n = 0; n < whole.length; n++) assert.equal(parseFrame(whole.subarray(0, n), 0), null, `${n} bytes`);
  const p = parseFrame(whole, 0);
  assert.ok(p && p.frame.type === 1);
  assert.equal(p.frame.method.name, 'basic.deliver');
});

test('several frames in one buffer come out one at a time, each with the rest', () => {
  const a = encodeMethodFrame(1, method('basic.ack', { deliveryTag: 1 }));
  const b = encodeMethodFrame(2, method('basic.ack', { deliveryTag: 2 }));
  const frames = parseAll(Buffer.concat([a, HEARTBEAT_FRAME, b]), 4096);
  assert.deepEqual(frames.map((f) => [f.type, f.channel]), [[1, 1], [8, 0], [1, 2]]);
});

test('the parsed header and body are views of the input, not copies', () => {
  const buf = encodeContentFrames(1, method('basic.publish', {}), encodeProperties({ type: 't' }), Buffer.from('hello'), 4096);
  const frames = parseAll(buf, 4096);
  const body = frames[2];
  assert.ok(body && body.type === 3);
  assert.equal(body.body.buffer, buf.buffer);
  const header = frames[1];
  assert.ok(header && header.type === 2);
  assert.equal(header.propertiesRaw.buffer, buf.buffer);
});

test('a wrong frame-end octet is refused with 501 FRAME_ERROR', () => {
  assert.equal(codeOf(() => parseFrame(frame(8, 0, Buffer.alloc(0), 0), 0)), 501);
  const good = encodeMethodFrame(0, method('connection.tune-ok', { frameMax: 4096 }));
  const bad = Buffer.from(good);
  bad[bad.length - 1] = 0xcd;
  assert.equal(codeOf(() => parseFrame(bad, 0)), 501);
});

test('a frame larger than frame_max is refused with 501 as soon as its size is read', () => {
  const head = Buffer.from([3, 0, 1, 0, 0, 0x10, 0]); // body frame announcing 4096 bytes
  assert.equal(codeOf(() => parseFrame(head, 4096)), 501, 'payload 4096 > 4096 - 8');
  const fits = frame(3, 1, Buffer.alloc(4088));
  assert.ok(parseFrame(fits, 4096), 'payload of exactly frame_max - 8 fits');
  assert.equal(codeOf(() => parseFrame(frame(3, 1, Buffer.alloc(4089)), 4096)), 501);
  assert.ok(parseFrame(frame(3, 1, Buffer.alloc(100000)), 0), 'frame_max 0 is unlimited');
});

test('an unknown frame type is refused with 501, as RabbitMQ does', () => {
  for (const type of [0, 4, 5, 9, 65, 255]) {
    assert.equal(codeOf(() => parseFrame(frame(type, 0, Buffer.from([1, 2])), 0)), 501, `type ${type}`);
  }
});

test('frames too short for their type are refused with 501', () => {
  assert.equal(codeOf(() => parseFrame(frame(1, 0, Buffer.from([0, 10])), 0)), 501, 'method without ids');
  assert.equal(codeOf(() => parseFrame(frame(2, 1, Buffer.from([0, 60, 0, 0])), 0)), 501, 'short content header');
  assert.equal(codeOf(() => parseFrame(frame(8, 0, Buffer.from([1])), 0)), 501, 'heartbeat with a payload');
});

test('a content header gives class, body size and the raw properties', () => {
  const props = encodeProperties({ contentType: 'text/plain', deliveryMode: 2 });
  const payload = Buffer.alloc(12 + props.length);
  payload.writeUInt16BE(60, 0);
  payload.writeUInt32BE(1, 4); // body size 2^32 + 5: beyond 32 bits
  payload.writeUInt32BE(5, 8);
  props.copy(payload, 12);
  const p = parseFrame(frame(2, 4, payload), 0);
  assert.ok(p && p.frame.type === 2);
  assert.equal(p.frame.channel, 4);
  assert.equal(p.frame.classId, 60);
  assert.equal(p.frame.bodySize, 2 ** 32 + 5);
  assert.deepEqual(decodeProperties(p.frame.propertiesRaw), { contentType: 'text/plain', deliveryMode: 2 });
  payload.writeUInt32BE(0x00200000, 4); // 2^53: cannot be counted exactly
  assert.equal(codeOf(() => parseFrame(frame(2, 4, payload), 0)), 501);
});

test('content goes out as method, header and body frames split at frame_max - 8', () => {
  const body = Buffer.alloc(10000);
  for (let i = 0; i < body.length; i++) body[i] = i % 251;
  const props = encodeProperties({ deliveryMode: 2, headers: { a: 'b' } });
  const m = method('basic.deliver', { consumerTag: 'ctag', deliveryTag: 3, exchange: 'x', routingKey: 'rk' });
  const buf = encodeContentFrames(5, m, props, body, 4096);
  const frames = parseAll(buf, 4096);
  assert.deepEqual(frames.map((f) => f.type), [1, 2, 3, 3, 3]);
  assert.ok(frames.every((f) => f.channel === 5));
  const [first, header, ...bodies] = frames;
  assert.ok(first?.type === 1);
  assert.deepEqual(first.method, m);
  assert.ok(header?.type === 2);
  assert.equal(header.classId, 60);
  assert.equal(header.bodySize, 10000);
  assert.deepEqual(header.propertiesRaw, props);
  const sizes = bodies.map((f) => (f.type === 3 ? f.body.length : -1));
  assert.deepEqual(sizes, [4088, 4088, 1824]);
  assert.deepEqual(Buffer.concat(bodies.map((f) => (f.type === 3 ? f.body : Buffer.alloc(0)))), body);
});

test('a body of exactly frame_max - 8 bytes takes one body frame, and one more byte takes two', () => {
  const props = encodeProperties({});
  const one = parseAll(encodeContentFrames(1, method('basic.publish', {}), props, Buffer.alloc(4088, 1), 4096), 4096);
  assert.deepEqual(one.map((f) => f.type), [1, 2, 3]);
  const two = parseAll(encodeContentFrames(1, method('basic.publish', {}), props, Buffer.alloc(4089, 1), 4096), 4096);
  assert.deepEqual(two.map((f) => f.type), [1, 2, 3, 3]);
});

test('an empty body sends no body frame, and frame_max 0 sends the body in one frame', () => {
  const props = encodeProperties({});
  const empty = parseAll(encodeContentFrames(1, method('basic.get-ok', { deliveryTag: 1 }), props, Buffer.alloc(0), 4096), 4096);
  assert.deepEqual(empty.map((f) => f.type), [1, 2]);
  const header = empty[1];
  assert.ok(header?.type === 2);
  assert.equal(header.bodySize, 0);
  const unlimited = parseAll(encodeContentFrames(1, method('basic.publish', {}), props, Buffer.alloc(50000, 2), 0), 0);
  assert.deepEqual(unlimited.map((f) => f.type), [1, 2, 3]);
});

test('a frame_max too small to carry any body is a caller bug, refused when encoding', () => {
  assert.throws(() => encodeContentFrames(1, method('basic.publish', {}), encodeProperties({}), Buffer.from('x'), 8), RangeError);
});
