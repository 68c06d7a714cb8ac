import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { encodeTable, decodeTable, FieldValue, ProtocolError, plain } from '../../src/protocol/index.ts';

// amqplib's table codec is an independent oracle (its exports map hides lib/codec.js).
const require = createRequire(import.meta.url);
const codec = require(join(dirname(require.resolve('amqplib')), 'lib/codec.js')) as {
  encodeTable(buffer: Buffer, table: Record<string, unknown>, offset: number): number;
  decodeFields(slice: Buffer): Record<string, unknown>;
};

function amqplibEncode(table: Record<string, unknown>): Buffer {
  const buf = Buffer.alloc(65536);
  const n = codec.encodeTable(buf, table, 0);
  return buf.subarray(0, n);
}

function codeOf(fn: () => unknown): number {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProtocolError) return err.code;
    throw err;
  }
  return 0;
}

/** The type octet of the single entry of a one-entry table (after length, key length and key). */
function typeOf(value: unknown): string {
  const b = encodeTable({ k: value });
  return String.fromCharCode(b[6]!);
}

const EVERY_TYPE = {
  t: true, f: false,
  b: new FieldValue('b', -128), B: new FieldValue('B', 255),
  s: new FieldValue('s', -32768), u: new FieldValue('u', 65535),
  I: -2147483648, i: new FieldValue('i', 4294967295),
  l: 2 ** 53 - 1, lneg: -(2 ** 40), lbig: new FieldValue('l', 2n ** 62n),
  fl: new FieldValue('f', 1.5), d: 2.25,
  D: new FieldValue('D', { places: 2, value: 314 }),
  S: 'héllo wörld ✓', empty: '',
  x: Buffer.from([0, 1, 2, 255]),
  A: [1, 'a', [true, null], { in: 'array' }],
  T: new FieldValue('T', 1700000000),
  F: { nested: { deeper: { deepest: 'y' } } },
  V: null,
};

test('every field type round-trips through encodeTable and decodeTable', () => {
  const decoded = decodeTable(encodeTable(EVERY_TYPE));
  assert.deepEqual(decoded, {
    t: true, f: false, b: -128, B: 255, s: -32768, u: 65535, I: -2147483648, i: 4294967295,
    l: 2 ** 53 - 1, lneg: -(2 ** 40), lbig: 2n ** 62n, fl: 1.5, d: 2.25,
    D: new FieldValue('D', { places: 2, value: 314 }), S: 'héllo wörld ✓', empty: '',
    x: Buffer.from([0, 1, 2, 255]), A: [1, 'a', [true, null], { in: 'array' }],
    T: new FieldValue('T', 1700000000), F: { nested: { deeper: { deepest: 'y' } } }, V: null,
  });
  // Decoded timestamps and decimals keep their type when encoded again.
  assert.deepEqual(encodeTable({ T: decoded.T, D: decoded.D }), encodeTable({ T: EVERY_TYPE.T, D: EVERY_TYPE.D }));
});

test('each FieldValue is written with the type octet it names', () => {
  for (const [type, value] of [['b', 1], ['B', 1], ['s', 1], ['u', 1], ['I', 1], ['i', 1], ['l', 1], ['f', 1], ['d', 1],
    ['D', { places: 0, value: 1 }], ['S', 's'], ['x', Buffer.from('x')], ['A', []], ['T', 1], ['F', {}], ['V', null], ['t', true]] as const) {
    assert.equal(typeOf(new FieldValue(type, value)), type);
  }
});

test('plain values take the type their kind implies', () => {
  assert.equal(typeOf(5), 'I');
  assert.equal(typeOf(-(2 ** 31)), 'I');
  assert.equal(typeOf(2 ** 31), 'l');
  assert.equal(typeOf(5n), 'l');
  assert.equal(typeOf(0.5), 'd');
  assert.equal(typeOf(Number.NaN), 'd');
  assert.equal(typeOf('s'), 'S');
  assert.equal(typeOf(true), 't');
  assert.equal(typeOf(Buffer.from('x')), 'x');
  assert.equal(typeOf(null), 'V');
  assert.equal(typeOf([1]), 'A');
  assert.equal(typeOf({}), 'F');
  assert.equal(typeOf(new Date(1700000000123)), 'T');
  assert.deepEqual(decodeTable(encodeTable({ d: new Date(1700000000123) })).d, new FieldValue('T', 1700000000));
});

test('undefined entries are left out of a table, like JSON', () => {
  assert.deepEqual(decodeTable(encodeTable({ a: 1, b: undefined })), { a: 1 });
});

test('an empty table is four zero bytes, and encodeTable never hands out a shared buffer', () => {
  const a = encodeTable({});
  assert.deepEqual(a, Buffer.from([0, 0, 0, 0]));
  a[0] = 9;
  assert.deepEqual(encodeTable({}), Buffer.from([0, 0, 0, 0]));
  assert.deepEqual(decodeTable(Buffer.from([0, 0, 0, 0])), {});
});

test('a large table grows the encoder and decodes intact', () => {
  const big: Record<string, unknown> = {};
  for (let i = 0; i < 2000; i++) big[`key-${i}`] = `value ${'x'.repeat(i % 50)} ${i}`;
  big.blob = Buffer.alloc(100000, 7);
  assert.deepEqual(decodeTable(encodeTable(big)), big);
});

test('a key named __proto__ becomes an entry and does not change the prototype', () => {
  // key length 9 "__proto__", type F, empty nested table
  const key = Buffer.from('__proto__');
  const body = Buffer.concat([Buffer.from([key.length]), key, Buffer.from('F'), Buffer.from([0, 0, 0, 4, 1, 0x61, 0x74, 1])]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const t = decodeTable(Buffer.concat([len, body]));
  assert.equal(Object.getPrototypeOf(t), Object.prototype);
  assert.deepEqual(Object.keys(t), ['__proto__']);
  assert.deepEqual(Object.getOwnPropertyDescriptor(t, '__proto__')?.value, { a: true });
});

test('amqplib decodes the tables we encode, every type it knows', () => {
  const theirs = codec.decodeFields(encodeTable(EVERY_TYPE).subarray(4));
  assert.deepEqual({ ...theirs, x: Buffer.from(theirs.x as Buffer), lbig: undefined }, {
    t: true, f: false, b: -128, B: 255, s: -32768, u: 65535, I: -2147483648, i: 4294967295,
    l: 2 ** 53 - 1, lneg: -(2 ** 40), lbig: undefined, fl: 1.5, d: 2.25,
    D: { '!': 'decimal', value: { places: 2, digits: 314 } }, S: 'héllo wörld ✓', empty: '',
    x: Buffer.from([0, 1, 2, 255]), A: [1, 'a', [true, null], { in: 'array' }],
    T: { '!': 'timestamp', value: 1700000000 }, F: { nested: { deeper: { deepest: 'y' } } }, V: null,
  });
});

test('we decode the tables amqplib encodes, with its typed values too', () => {
  const table = {
    small: 5, short: -300, int: 70000, long: 2 ** 40, neg: -(2 ** 40), dbl: 0.25, str: 'ünïcode', yes: true,
    buf: Buffer.from('bytes'), nil: null, list: [1, 'two', { three: 3 }], nested: { a: { b: 'c' } },
    ts: { '!': 'timestamp', value: 1700000000 }, dec: { '!': 'decimal', value: { places: 3, digits: 1234 } },
    u8: { '!': 'uint8', value: 250 }, u16: { '!': 'uint16', value: 65000 }, u32: { '!': 'uint32', value: 4000000000 },
    f32: { '!': 'float', value: 0.5 },
  };
  assert.deepEqual(decodeTable(amqplibEncode(table)), {
    small: 5, short: -300, int: 70000, long: 2 ** 40, neg: -(2 ** 40), dbl: 0.25, str: 'ünïcode', yes: true,
    buf: Buffer.from('bytes'), nil: null, list: [1, 'two', { three: 3 }], nested: { a: { b: 'c' } },
    ts: new FieldValue('T', 1700000000), dec: new FieldValue('D', { places: 3, value: 1234 }),
    u8: 250, u16: 65000, u32: 4000000000, f32: 0.5,
  });
});

test('a table cut short at any byte is refused with 502, never read out of range', () => {
  const full = encodeTable(EVERY_TYPE);
  for (let n = 0; n < full.length; n++) {
    assert.equal(codeOf(() => decodeTable(full.subarray(0, n))), 502, `cut to ${n} of ${full.length} bytes`);
  }
});

test('a table whose inner lengths lie is refused with 502 at every place', () => {
  const full = encodeTable(EVERY_TYPE);
  // Shrink the outer length by every amount: the last entry is then cut inside the table.
  for (let shrink = 1; shrink < full.length - 4; shrink++) {
    const lying = Buffer.from(full);
    lying.writeUInt32BE(full.length - 4 - shrink, 0);
    const code = codeOf(() => decodeTable(lying));
    // Cutting exactly between two entries leaves a valid shorter table.
    assert.ok(code === 502 || code === 0, `shrunk by ${shrink}`);
  }
  const nested = encodeTable({ n: { inner: 'value' } });
  nested.writeUInt32BE(100, 7); // nested table claims more than the outer one holds
  assert.equal(codeOf(() => decodeTable(nested)), 502);
});

test('an unknown field type is refused with 502', () => {
  const b = encodeTable({ k: 1 });
  b[6] = 0x51; // 'Q'
  assert.equal(codeOf(() => decodeTable(b)), 502);
});

test('nesting beyond 64 levels is refused with 502 instead of exhausting the stack', () => {
  let deep: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < 70; i++) deep = { d: deep };
  assert.equal(codeOf(() => decodeTable(encodeTable(deep))), 502);
  let ok: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < 60; i++) ok = { d: ok };
  assert.deepEqual(decodeTable(encodeTable(ok)), ok);
});

test('random bytes never crash or hang the decoder: they decode or give 502', () => {
  let seed = 42;
  const rand = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
  const base = encodeTable(EVERY_TYPE);
  for (let i = 0; i < 3000; i++) {
    const b = Buffer.from(base);
    for (let j = 0; j < 1 + (i % 4); j++) b[rand() % b.length] = rand() & 0xff;
    const code = codeOf(() => decodeTable(b));
    assert.ok(code === 0 || code === 502, `mutation ${i} gave ${code}`);
  }
});

test('encoding refuses values a field type cannot hold, as a caller bug', () => {
  assert.throws(() => encodeTable({ k: new FieldValue('B', 256) }), RangeError);
  assert.throws(() => encodeTable({ k: new FieldValue('l', 1.5) }), RangeError);
  assert.throws(() => encodeTable({ k: new FieldValue('D', 3) }), RangeError);
  assert.throws(() => encodeTable({ k: new FieldValue('?', 3) }), RangeError);
  assert.throws(() => encodeTable({ [`${'k'.repeat(256)}`]: 1 }), RangeError);
  assert.throws(() => encodeTable({ k: () => 1 }), RangeError);
  // After a refused encode the next one is whole.
  assert.deepEqual(decodeTable(encodeTable({ a: 'b' })), { a: 'b' });
});

test('plain() unwraps a FieldValue and leaves other values alone', () => {
  assert.equal(plain(new FieldValue('T', 5)), 5);
  assert.equal(plain('x'), 'x');
});
