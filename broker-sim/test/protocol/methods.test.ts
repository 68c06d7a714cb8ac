import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  METHODS, method, decodeMethod, encodeMethodFrame, parseFrame, ProtocolError, ReplyCode,
  type Method, type MethodName, type MethodSpec,
} from '../../src/protocol/index.ts';

// amqplib's generated codec is an independent oracle. Its exports map hides lib/defs.js, so load
// it by file path.
const require = createRequire(import.meta.url);
const defs = require(join(dirname(require.resolve('amqplib')), 'lib/defs.js')) as {
  encodeMethod(id: number, channel: number, fields: Record<string, unknown>): Buffer;
  decode(id: number, buf: Buffer): Record<string, unknown>;
};

const idOf = (s: MethodSpec): number => (s.classId << 16) | s.methodId;

/**
 * A value for every argument that differs from the spec's default (so a dropped or defaulted field
 * shows), distinct per position (so two swapped fields show), with multi-byte UTF-8 in strings.
 * Tables hold only types amqplib encodes the same way we do, so frames compare byte for byte.
 */
function sampleArgs(spec: MethodSpec): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  spec.args.forEach((a, i) => {
    switch (a.type) {
      case 'bit': args[a.name] = !a.default; break;
      case 'octet': args[a.name] = 200 + i; break;
      case 'short': args[a.name] = 0xfe00 + i; break;
      case 'long': args[a.name] = 0xfedcba00 + i; break;
      case 'longlong': case 'timestamp': args[a.name] = 2 ** 52 + 12345 + i; break;
      case 'shortstr': args[a.name] = `${a.name}-é-${i}`; break;
      case 'longstr': args[a.name] = Buffer.from(`${a.name}\u0000bytes-${i}`); break;
      case 'table': args[a.name] = { s: 'str', t: true, f: false, nested: { deep: 'x' }, list: ['a', 'b'] }; break;
      default: throw new Error(`no sample for ${a.type}`);
    }
  });
  return args;
}

function sample(spec: MethodSpec): Method {
  return method(spec.name, sampleArgs(spec) as never);
}

test('the generated tables hold every method of AMQP 0-9-1 as RabbitMQ defines it', () => {
  assert.equal(METHODS.length, 66);
  const names = new Set(METHODS.map((m) => m.name));
  for (const n of ['connection.start', 'channel.flow', 'exchange.bind', 'queue.unbind', 'basic.nack', 'tx.rollback-ok', 'confirm.select']) {
    assert.ok(names.has(n as MethodName), n);
  }
  const ids = new Set(METHODS.map(idOf));
  assert.equal(ids.size, METHODS.length, 'ids are unique');
  assert.deepEqual(METHODS.find((m) => m.name === 'basic.publish')?.args.map((a) => a.name),
    ['ticket', 'exchange', 'routingKey', 'mandatory', 'immediate']);
  assert.equal(ReplyCode.NOT_FOUND, 404);
  assert.equal(ReplyCode.INTERNAL_ERROR, 541);
});

test('method() fills every argument the caller leaves out with the spec default', () => {
  for (const spec of METHODS) {
    const m = method(spec.name, {});
    assert.equal(m.name, spec.name);
    assert.equal(m.classId, spec.classId);
    assert.equal(m.methodId, spec.methodId);
    const args = m.args as Record<string, unknown>;
    assert.deepEqual(Object.keys(args), spec.args.map((a) => a.name), spec.name);
    for (const a of spec.args) assert.deepEqual(args[a.name], a.default, `${spec.name}.${a.name}`);
  }
  const nack = method('basic.nack', { deliveryTag: 5 });
  assert.deepEqual(nack.args, { deliveryTag: 5, multiple: false, requeue: true });
  const open = method('connection.open', {});
  assert.deepEqual(open.args, { virtualHost: '/', capabilities: '', insist: false });
});

test('method() gives each call its own default table, so changing one leaves the next alone', () => {
  const a = method('queue.declare', {});
  if (a.name !== 'queue.declare') throw new Error('narrowing');
  a.args.arguments.x = 1;
  const b = method('queue.declare', {});
  assert.deepEqual(b.args, { ...b.args, arguments: {} });
});

test('every method round-trips through our encoder and parser with non-default arguments', () => {
  for (const spec of METHODS) {
    const m = sample(spec);
    const frame = encodeMethodFrame(513, m);
    const parsed = parseFrame(frame, 131072);
    assert.ok(parsed, spec.name);
    assert.equal(parsed.rest.length, 0, spec.name);
    assert.equal(parsed.frame.type, 1);
    if (parsed.frame.type !== 1) continue;
    assert.equal(parsed.frame.channel, 513);
    assert.deepEqual(parsed.frame.method, m, spec.name);
  }
});

test('amqplib encodes every method byte for byte as we do', () => {
  for (const spec of METHODS) {
    const m = sample(spec);
    const ours = encodeMethodFrame(7, m);
    const theirs = defs.encodeMethod(idOf(spec), 7, { ...m.args });
    assert.deepEqual(ours, theirs, spec.name);
  }
});

test('amqplib decodes every method we encode to the same arguments', () => {
  for (const spec of METHODS) {
    const m = sample(spec);
    const ours = encodeMethodFrame(1, m);
    // Frame head (7 bytes) and class/method ids (4) precede the arguments amqplib's decode reads.
    const theirs = defs.decode(idOf(spec), ours.subarray(11, ours.length - 1));
    assert.deepEqual({ ...theirs }, { ...m.args }, spec.name);
  }
});

test('we decode every method amqplib encodes to the same arguments', () => {
  for (const spec of METHODS) {
    const m = sample(spec);
    const theirs = defs.encodeMethod(idOf(spec), 1, { ...m.args });
    const parsed = parseFrame(theirs, 0);
    assert.ok(parsed && parsed.frame.type === 1, spec.name);
    assert.deepEqual(parsed.frame.method, m, spec.name);
    assert.deepEqual(decodeMethod(theirs.subarray(7, theirs.length - 1)), m, spec.name);
  }
});

test('consecutive bit arguments share one octet, lowest bit first', () => {
  const declare = encodeMethodFrame(1, method('queue.declare', { queue: 'q', durable: true, autoDelete: true }));
  // head 7, ids 4, ticket 2, shortstr 'q' 2, then one octet of five bits, then the empty table.
  assert.equal(declare[15], 0b01010);
  assert.equal(declare.length, 7 + 4 + 2 + 2 + 1 + 4 + 1);
  const consume = encodeMethodFrame(1, method('basic.consume', { nowait: true, noAck: true }));
  assert.equal(consume[consume.length - 6], 0b1010);
  const nack = encodeMethodFrame(1, method('basic.nack', { deliveryTag: 1, multiple: true, requeue: false }));
  assert.equal(nack[nack.length - 2], 0b01);
});

test('64-bit delivery tags beyond 2^32 survive both directions', () => {
  const tag = 2 ** 53 - 1;
  const frame = encodeMethodFrame(1, method('basic.ack', { deliveryTag: tag, multiple: true }));
  const parsed = parseFrame(frame, 0);
  assert.ok(parsed && parsed.frame.type === 1 && parsed.frame.method.name === 'basic.ack');
  assert.equal(parsed.frame.method.args.deliveryTag, tag);
  assert.equal(defs.decode(idOf(METHODS.find((m) => m.name === 'basic.ack')!), frame.subarray(11, -1)).deliveryTag, tag);
});

test('longstr arguments accept a string and decode to bytes', () => {
  const m = method('connection.start-ok', { response: '\u0000guest\u0000guest', clientProperties: {} });
  const parsed = parseFrame(encodeMethodFrame(0, m), 0);
  assert.ok(parsed && parsed.frame.type === 1 && parsed.frame.method.name === 'connection.start-ok');
  assert.deepEqual(parsed.frame.method.args.response, Buffer.from('\u0000guest\u0000guest'));
});

test('a shortstr argument longer than 255 bytes is refused when encoding', () => {
  assert.throws(() => encodeMethodFrame(1, method('queue.declare', { queue: 'x'.repeat(256) })), RangeError);
  assert.throws(() => encodeMethodFrame(1, method('queue.declare', { queue: 'é'.repeat(128) })), RangeError);
  assert.doesNotThrow(() => encodeMethodFrame(1, method('queue.declare', { queue: 'x'.repeat(255) })));
});

function errorOf(fn: () => unknown): ProtocolError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProtocolError) return err;
    throw err;
  }
  assert.fail('expected a ProtocolError');
}

/** A method frame around an arbitrary payload. */
function methodFrame(channel: number, payload: Buffer): Buffer {
  const b = Buffer.alloc(8 + payload.length);
  b[0] = 1;
  b.writeUInt16BE(channel, 1);
  b.writeUInt32BE(payload.length, 3);
  payload.copy(b, 7);
  b[7 + payload.length] = 0xce;
  return b;
}

test('an unknown class or method is refused with 540 NOT_IMPLEMENTED naming its ids', () => {
  const unknownClass = errorOf(() => parseFrame(methodFrame(0, Buffer.from([0, 99, 0, 10])), 0));
  assert.equal(unknownClass.code, 540);
  assert.equal(unknownClass.classId, 99);
  assert.equal(unknownClass.methodId, 10);
  const unknownMethod = errorOf(() => parseFrame(methodFrame(1, Buffer.from([0, 60, 0, 99])), 0));
  assert.equal(unknownMethod.code, 540);
  assert.equal(unknownMethod.classId, 60);
  assert.equal(unknownMethod.methodId, 99);
});

test('arguments cut short at any byte are refused with 502 SYNTAX_ERROR naming the method', () => {
  let cuts = 0;
  for (const spec of METHODS) {
    const full = encodeMethodFrame(1, sample(spec)).subarray(7, -1);
    for (let len = 4; len < full.length; len++) {
      const err = errorOf(() => parseFrame(methodFrame(1, full.subarray(0, len)), 0));
      assert.equal(err.code, 502, `${spec.name} cut to ${len} bytes`);
      assert.equal(err.classId, spec.classId);
      assert.equal(err.methodId, spec.methodId);
      cuts++;
    }
  }
  assert.ok(cuts > 1000, `${cuts} truncations tried`);
});

test('a table argument whose length overruns the frame is refused with 502', () => {
  // queue.declare: ticket, queue 'q', bits, then a table claiming 10 bytes with only 7 present.
  const payload = Buffer.from([0, 50, 0, 10, 0, 0, 1, 0x71, 0, 0, 0, 0, 10, 1, 0x61, 0x53, 0, 0, 0, 99]);
  const err = errorOf(() => parseFrame(methodFrame(1, payload), 0));
  assert.equal(err.code, 502);
  assert.equal(err.classId, 50);
  assert.equal(err.methodId, 10);
  // The same table, complete in length but with a string running past its end.
  const inner = Buffer.from([0, 50, 0, 10, 0, 0, 1, 0x71, 0, 0, 0, 0, 7, 1, 0x61, 0x53, 0, 0, 0, 99]);
  assert.equal(errorOf(() => parseFrame(methodFrame(1, inner), 0)).code, 502);
});
