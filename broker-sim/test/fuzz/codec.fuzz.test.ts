/**
 * The codec fuzzed in-process: random bytes and mutations of valid traffic (every method amqplib
 * sends, content headers with every property, field tables of every type) go through the frame
 * parser, the method and property decoders and the field-table decoder. Each must either decode or
 * throw ProtocolError with a reply code — never another exception, never hang. The seed is printed;
 * FUZZ_SEED replays a run and FUZZ_CASES changes its size.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeMethod, decodeProperties, decodeTable, encodeContentFrames, encodeMethodFrame, encodeProperties, encodeTable,
  FieldValue, METHODS, method, parseFrame, ProtocolError, type MethodName,
} from '../../src/protocol/index.ts';
import { fuzzSeed, prng } from './random.ts';

const CASES = Number(process.env.FUZZ_CASES ?? 200_000);

/** Valid traffic to mutate: a frame of every method, content frames, tables with every field type. */
function corpus(): Buffer[] {
  const out: Buffer[] = [];
  for (const spec of METHODS) out.push(encodeMethodFrame(1, method(spec.name as MethodName, {})));
  const props = encodeProperties({
    contentType: 'text/plain', contentEncoding: 'utf-8', deliveryMode: 2, priority: 5, correlationId: 'c1',
    replyTo: 'amq.rabbitmq.reply-to', expiration: '60000', messageId: 'm1', timestamp: 1_700_000_000, type: 't',
    userId: 'guest', appId: 'qsend', clusterId: '',
    headers: {
      s: 'string', i: 42, neg: -7, big: 2 ** 40, f: 1.5, t: true, n: null, b: Buffer.from([1, 2, 3]), a: [1, 'two', [3]],
      nested: { deep: { deeper: 1 } }, ts: new FieldValue('T', 1_700_000_000), d: new FieldValue('D', { places: 2, value: 314 }),
      l: new FieldValue('l', 5), B: new FieldValue('B', 200), u: new FieldValue('u', 60_000),
    },
  });
  out.push(encodeContentFrames(1, method('basic.publish', { exchange: 'amq.topic', routingKey: 'a.b' }), props, Buffer.from('hello world'), 4096));
  out.push(encodeContentFrames(1, method('basic.deliver', { consumerTag: 'ctag', deliveryTag: 9 }), props, Buffer.alloc(9000, 7), 4096));
  out.push(encodeMethodFrame(0, method('connection.start-ok', { clientProperties: { product: 'x', capabilities: { publisher_confirms: true } }, mechanism: 'PLAIN', response: Buffer.from('\0guest\0guest'), locale: 'en_US' })));
  out.push(encodeMethodFrame(1, method('queue.declare', { queue: 'q', arguments: { 'x-message-ttl': 1000, 'x-dead-letter-exchange': '' } })));
  return out;
}

/** One mutation of valid bytes: flip, overwrite, truncate, extend, splice, or set a length to a huge value. */
function mutate(r: ReturnType<typeof prng>, b: Buffer): Buffer {
  const c = Buffer.from(b);
  switch (r.int(7)) {
    case 0: { for (let k = 1 + r.int(4); k > 0; k--) { const at = r.int(c.length); c[at] = c[at]! ^ (1 << r.int(8)); } return c; }
    case 1: { c[r.int(c.length)] = r.int(256); return c; }
    case 2: return c.subarray(0, r.int(c.length));
    case 3: return Buffer.concat([c, r.bytes(1 + r.int(32))]);
    case 4: { const at = r.int(c.length); return Buffer.concat([c.subarray(0, at), r.bytes(r.int(16)), c.subarray(at + r.int(8))]); }
    case 5: { // a size field (frame payload size, or any 32-bit length inside) set to something huge or off by a little
      const at = r.int(Math.max(1, c.length - 4));
      if (c.length >= at + 4) c.writeUInt32BE(r.pick([0xffffffff, 0x7fffffff, c.length, c.length + 1, 0, r.int(2 ** 32)]), at);
      return c;
    }
    default: { if (c.length > 7) c[c.length - 1] = r.int(256); return c; } // bad frame-end
  }
}

/** Everything a server does with bytes from a client, which must only ever throw ProtocolError. */
function decodeAll(b: Buffer): void {
  let buf = b;
  for (let guard = 0; guard < 64 && buf.length > 0; guard++) {
    const parsed = parseFrame(buf, 131072);
    if (!parsed) return;
    const f = parsed.frame;
    if (f.type === 2) decodeProperties(f.propertiesRaw);
    buf = parsed.rest;
  }
}

test(`codec fuzz: ${CASES} random and mutated inputs decode or fail with a reply code`, () => {
  const seed = fuzzSeed();
  console.log(`codec fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
  const r = prng(seed);
  const base = corpus();
  const stats = { cases: 0, decoded: 0, protocolErrors: 0, codes: new Map<number, number>() };
  for (let i = 0; i < CASES; i++) {
    const kind = r.int(10);
    let input: Buffer;
    if (kind === 0) input = r.bytes(r.int(64));
    else if (kind === 1) input = Buffer.concat([Buffer.from([r.pick([1, 2, 3, 8, r.int(256)]), 0, r.int(4)]), r.bytes(4 + r.int(40))]);
    else input = mutate(r, r.pick(base));
    stats.cases++;
    for (const decode of [decodeAll, (b: Buffer) => decodeMethod(b.subarray(7)), (b: Buffer) => decodeTable(b), (b: Buffer) => decodeProperties(b)]) {
      try {
        decode(input);
        stats.decoded++;
      } catch (err) {
        if (!(err instanceof ProtocolError)) {
          assert.fail(`seed ${seed}, case ${i}: ${(err as Error).name}: ${(err as Error).message} for input ${input.toString('hex').slice(0, 200)}`);
        }
        stats.protocolErrors++;
        stats.codes.set(err.code, (stats.codes.get(err.code) ?? 0) + 1);
      }
    }
  }
  console.log(`codec fuzz: ${stats.cases} cases, ${stats.decoded} decodes, ${stats.protocolErrors} protocol errors `
    + `(${[...stats.codes].map(([c, n]) => `${c}: ${n}`).join(', ')}), 0 crashes`);
  assert.ok(stats.protocolErrors > 0 && stats.decoded > 0, 'the run exercised both paths');
  // 501 bad frames, 502 malformed arguments, 503/505 wrong method or frame, 540 unknown class or method (RabbitMQ's codes).
  assert.ok([...stats.codes.keys()].every((c) => [501, 502, 503, 505, 540].includes(c)), `reply codes: ${[...stats.codes.keys()]}`);
});

test('round trip: random field tables encode and decode to the same values', () => {
  const seed = fuzzSeed();
  const r = prng(seed);
  const value = (depth: number): unknown => {
    switch (r.int(depth > 2 ? 6 : 8)) {
      case 0: return r.bytes(r.int(8)).toString('hex');
      case 1: return r.int(2 ** 31) - 2 ** 30;
      case 2: return r.next() < 0.5;
      case 3: return null;
      case 4: return r.bytes(r.int(6));
      case 5: return r.int(1000) / 8;
      case 6: return Array.from({ length: r.int(4) }, () => value(depth + 1));
      default: return Object.fromEntries(Array.from({ length: r.int(4) }, (_, k) => [`k${k}`, value(depth + 1)]));
    }
  };
  for (let i = 0; i < 5000; i++) {
    const t = Object.fromEntries(Array.from({ length: r.int(6) }, (_, k) => [`f${k}`, value(0)]));
    assert.deepEqual(decodeTable(encodeTable(t)), t, `seed ${seed}, case ${i}`);
  }
});
