import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  METHODS, method, decodeMethod, encodeMethodFrame, parseFrame, encodeContentFrames, encodeProperties,
  decodeProperties, encodeTable, decodeTable, FieldValue, ProtocolError, HEARTBEAT_FRAME, isProtocolHeader,
  type Method, type MethodName,
} from '../../src/protocol/index.ts';

// amqplib's own generated codec serves as an independent oracle.
const require = createRequire(import.meta.url);
const defs = require(require.resolve('amqplib').replace(/channel_api\.js$/, 'lib/defs.js')) as {
  encodeMethod(id: number, channel: number, fields: Record<string, unknown>): Buffer;
  decode(id: number, buf: Buffer): Record<string, unknown>;
  encodeProperties(id: number, channel: number, size: number, fields: Record<string, unknown>): Buffer;
  decode(id: number, buf: Buffer): Record<string, unknown>;
};

/** Arguments with a non-default value of every type, so a dropped field shows. */
function sampleArgs(name: MethodName): Record<string, unknown> {
  const spec = METHODS.find((m) => m.name === name)!;
  const args: Record<string, unknown> = {};
  spec.args.forEach((a, i) => {
    switch (a.type) {
      case 'bit': args[a.name] = i % 2 === 0; break;
      case 'octet': args[a.name] = 7; break;
      case 'short': args[a.name] = 300 + i; break;
      case 'long': args[a.name] = 70000 + i; break;
      case 'longlong': case 'timestamp': args[a.name] = 2 ** 40 + i; break;
      case 'shortstr': args[a.name] = `s-${a.name}`; break;
      case 'longstr': args[a.name] = Buffer.from(`l-${a.name}`); break;
      case 'table': args[a.name] = { k: 'v', n: 5 }; break;
    }
  });
  return args;
}

function amqplibFields(m: Method): Record<string, unknown> {
  // amqplib names fields after the spec in camelCase too, save `ticket` and `nowait` spellings.
  return { ...(m.args as Record<string, unknown>) };
}

test('every method of the spec round-trips through our codec', () => {
  for (const spec of METHODS) {
    const m = method(spec.name, sampleArgs(spec.name) as never);
    const frame = encodeMethodFrame(3, m);
    const parsed = parseFrame(frame, 131072);
    assert.ok(parsed, spec.name);
    assert.equal(parsed.rest.length, 0);
    assert.equal(parsed.frame.type, 1);
    if (parsed.frame.type !== 1) continue;
    assert.equal(parsed.frame.channel, 3);
    assert.deepEqual(parsed.frame.method, m, spec.name);
  }
});

test('amqplib decodes every method we encode, and we decode every method amqplib encodes', () => {
  for (const spec of METHODS) {
    const id = (spec.classId << 16) | spec.methodId;
    const m = method(spec.name, sampleArgs(spec.name) as never);
    const ours = encodeMethodFrame(1, m);
    const theirs = defs.decode(id, ours.subarray(11, ours.length - 1));
    for (const [k, v] of Object.entries(m.args)) {
      assert.deepEqual(theirs[k], v, `${spec.name}.${k} as amqplib decodes it`);
    }
    const fromAmqplib = defs.encodeMethod(id, 1, amqplibFields(m));
    const decoded = decodeMethod(fromAmqplib.subarray(7, fromAmqplib.length - 1));
    assert.deepEqual(decoded, m, `${spec.name} encoded by amqplib`);
  }
});

test('content properties round-trip, and ours read what amqplib writes', () => {
  const props = {
    contentType: 'text/plain', contentEncoding: 'utf8', headers: { a: 1, b: 'two' }, deliveryMode: 2,
    priority: 5, correlationId: 'c1', replyTo: 'r', expiration: '60000', messageId: 'm1', timestamp: 1700000000,
    type: 't', userId: 'guest', appId: 'app', clusterId: 'x',
  };
  const raw = encodeProperties(props);
  assert.deepEqual(decodeProperties(raw), props);
  const header = defs.encodeProperties(60, 1, 11, props);
  // amqplib's header frame: 7 bytes frame head, class, weight, 8-byte size, then flags + list.
  assert.deepEqual(decodeProperties(header.subarray(19, header.length - 1)), props);
});

test('a publish with header and body frames splits the body at frame_max', () => {
  const body = Buffer.alloc(10000, 7);
  const buf = encodeContentFrames(1, method('basic.publish', { routingKey: 'q' }), encodeProperties({ deliveryMode: 2 }), body, 4096);
  let rest: Buffer = buf;
  const types: number[] = [];
  let received = 0;
  for (let f = parseFrame(rest, 4096); f; f = parseFrame(rest, 4096)) {
    types.push(f.frame.type);
    if (f.frame.type === 3) received += f.frame.body.length;
    if (f.frame.type === 2) assert.equal(f.frame.bodySize, 10000);
    rest = f.rest;
  }
  assert.deepEqual(types, [1, 2, 3, 3, 3]);
  assert.equal(received, 10000);
});

test('field tables keep every AMQP field type', () => {
  const table = {
    bool: true, i8: new FieldValue('b', -5), u8: new FieldValue('B', 200), i16: new FieldValue('s', -300),
    u16: new FieldValue('u', 60000), i32: 123456, u32: new FieldValue('i', 4000000000), i64: 2 ** 40,
    f32: new FieldValue('f', 1.5), f64: 2.25, dec: new FieldValue('D', { places: 2, value: 314 }),
    str: 'héllo', bytes: Buffer.from([1, 2, 3]), arr: [1, 'a', [true]], ts: new FieldValue('T', 1700000000),
    nested: { deep: { x: 'y' } }, nothing: null,
  };
  const decoded = decodeTable(encodeTable(table));
  assert.equal(decoded.bool, true);
  assert.equal(decoded.i8, -5);
  assert.equal(decoded.u8, 200);
  assert.equal(decoded.i16, -300);
  assert.equal(decoded.u16, 60000);
  assert.equal(decoded.u32, 4000000000);
  assert.equal(decoded.i64, 2 ** 40);
  assert.equal(decoded.f32, 1.5);
  assert.equal(decoded.f64, 2.25);
  assert.deepEqual(decoded.dec, new FieldValue('D', { places: 2, value: 314 }));
  assert.equal(decoded.str, 'héllo');
  assert.deepEqual(decoded.bytes, Buffer.from([1, 2, 3]));
  assert.deepEqual(decoded.arr, [1, 'a', [true]]);
  assert.deepEqual(decoded.ts, new FieldValue('T', 1700000000));
  assert.deepEqual(decoded.nested, { deep: { x: 'y' } });
  assert.equal(decoded.nothing, null);
});

function codeOf(fn: () => unknown): number {
  try { fn(); } catch (err) { if (err instanceof ProtocolError) return err.code; throw err; }
  return 0;
}

test('malformed frames are refused with the reply code the connection closes with', () => {
  const good = encodeMethodFrame(0, method('connection.tune-ok', { frameMax: 4096 }));
  const badEnd = Buffer.from(good); badEnd[badEnd.length - 1] = 0;
  assert.equal(codeOf(() => parseFrame(badEnd, 0)), 501);
  assert.equal(codeOf(() => parseFrame(Buffer.from([1, 0, 0, 0, 1, 0, 0, 0]), 4096)), 501, 'oversize');
  const unknownType = Buffer.from(HEARTBEAT_FRAME); unknownType[0] = 9;
  assert.equal(codeOf(() => parseFrame(unknownType, 0)), 501);
  const unknownMethod = Buffer.from(good); unknownMethod.writeUInt16BE(99, 9);
  assert.equal(codeOf(() => parseFrame(unknownMethod, 0)), 540);
  const truncated = encodeMethodFrame(1, method('queue.declare', { queue: 'q', arguments: { a: 'b' } }));
  truncated.writeUInt32BE(truncated.readUInt32BE(3) - 3, 3);
  truncated[truncated.length - 4] = 0xce;
  assert.equal(codeOf(() => parseFrame(truncated.subarray(0, truncated.length - 3), 0)), 502);
  assert.equal(parseFrame(good.subarray(0, 5), 0), null, 'partial frame waits for more bytes');
});

test('the protocol header is recognised, refused or awaited', () => {
  assert.equal(isProtocolHeader(Buffer.from('AMQP\x00\x00\x09\x01')), 'ok');
  assert.equal(isProtocolHeader(Buffer.from('AMQ')), 'partial');
  assert.equal(isProtocolHeader(Buffer.from('GET / HTTP/1.1')), 'bad');
});
