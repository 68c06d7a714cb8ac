/**
 * broker-sim against hostile sockets: hundreds of connections sending garbage, half handshakes,
 * mutated frames after a good handshake and oversize frames, while a well-behaved amqplib publisher
 * and consumer run alongside. broker-sim never crashes or hangs, closes each bad connection (with a
 * reply code where it got that far), and the good pair loses nothing. Also the limits: handshake
 * timeout, maximum message size, maximum connections, a consumer that stops reading. Seeded: the
 * seed is printed, FUZZ_SEED replays it, FUZZ_CONNECTIONS changes the size.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import amqp from 'amqplib';
import { startPrivateSim } from '../../../test/support/brokers.ts';
import {
  encodeMethodFrame, METHODS, method, PROTOCOL_HEADER, type MethodName,
} from '../../src/protocol/index.ts';
import { within } from '../conformance/support/amqp.ts';
import { Raw } from '../conformance/support/raw-client.ts';
import { fuzzSeed, prng } from './random.ts';

const CONNECTIONS = Number(process.env.FUZZ_CONNECTIONS ?? 300);


const sims: { close(): Promise<void> }[] = [];
after(async () => { for (const s of sims) await s.close(); });

test(`socket fuzz: ${CONNECTIONS} hostile connections, a good publisher and consumer beside them lose nothing`, { timeout: 180_000 }, async () => {
  const seed = fuzzSeed();
  console.log(`socket fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
  const r = prng(seed);
  const sim = await startPrivateSim({ limits: { handshakeTimeout: 500 } });
  sims.push(sim);
  const port = Number(new URL(sim.url).port);

  // The good pair: 2,000 persistent messages with confirms, every one consumed.
  const good = await amqp.connect(sim.url);
  const pub = await good.createConfirmChannel();
  await pub.assertQueue('fuzz.good', { durable: true });
  const consumer = await amqp.connect(sim.url);
  const cch = await consumer.createChannel();
  const received = new Set<string>();
  await cch.consume('fuzz.good', (m) => { if (m) { received.add(m.content.toString()); cch.ack(m); } });
  const publishing = (async () => {
    for (let i = 0; i < 2000; i++) {
      pub.sendToQueue('fuzz.good', Buffer.from(`good ${i}`), { persistent: true });
      if (i % 100 === 99) { await pub.waitForConfirms(); await new Promise((res) => setImmediate(res)); }
    }
    await pub.waitForConfirms();
  })();

  const methods = METHODS.map((m) => m.name as MethodName);
  const outcome = { closed: 0, stillOpen: 0, codes: new Map<number, number>(), kinds: new Map<string, number>() };
  const one = async (): Promise<void> => {
    const raw = await Raw.open(port);
    const kind = r.pick(['garbage', 'header+garbage', 'partial header', 'mutated frames', 'oversize frame', 'bad frame-end'] as const);
    outcome.kinds.set(kind, (outcome.kinds.get(kind) ?? 0) + 1);
    try {
      if (kind === 'garbage') raw.write(r.bytes(1 + r.int(200)));
      else if (kind === 'header+garbage') { raw.write(PROTOCOL_HEADER); raw.write(r.bytes(1 + r.int(200))); }
      else if (kind === 'partial header') raw.write(PROTOCOL_HEADER.subarray(0, 1 + r.int(7)));
      else {
        await raw.handshake();
        if (kind === 'oversize frame') {
          const f = Buffer.alloc(8 + 200_000);
          f.writeUInt8(1, 0); f.writeUInt16BE(1, 1); f.writeUInt32BE(200_000, 3);
          raw.write(f);
        } else if (kind === 'bad frame-end') {
          const f = encodeMethodFrame(0, method('connection.close', {}));
          f[f.length - 1] = 0x00;
          raw.write(f);
        } else {
          for (let k = 0; k < 1 + r.int(5); k++) {
            const frame = encodeMethodFrame(1 + r.int(3), method(r.pick(methods), {}));
            for (let j = 0; j < 1 + r.int(3); j++) frame[7 + r.int(Math.max(1, frame.length - 8))] = r.int(256);
            raw.write(frame);
          }
        }
      }
      const settled = await Promise.race([raw.closed.then(() => 'closed'), new Promise((res) => setTimeout(() => res('open'), 2000))]);
      if (settled === 'closed') outcome.closed++; else outcome.stillOpen++;
      const code = raw.closeCode();
      if (code !== undefined) outcome.codes.set(code, (outcome.codes.get(code) ?? 0) + 1);
      if (kind === 'oversize frame') assert.equal(code, 501, `seed ${seed}: an oversize frame closes with 501 FRAME_ERROR`);
      if (kind === 'bad frame-end') assert.equal(code, 501, `seed ${seed}: a bad frame-end closes with 501 FRAME_ERROR`);
      if (kind === 'garbage' || kind === 'partial header' || kind === 'header+garbage') {
        assert.equal(settled, 'closed', `seed ${seed}: a ${kind} connection is closed`);
      }
    } finally {
      raw.sock.destroy();
    }
  };
  for (let done = 0; done < CONNECTIONS; done += 25) {
    await Promise.all(Array.from({ length: Math.min(25, CONNECTIONS - done) }, one));
  }
  await within(60_000, 'the good publisher to be confirmed', publishing);
  const deadline = Date.now() + 30_000;
  while (received.size < 2000 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
  console.log(`socket fuzz: ${CONNECTIONS} connections (${[...outcome.kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); `
    + `${outcome.closed} closed by the broker, ${outcome.stillOpen} still open (mutations that happened to be valid); `
    + `reply codes ${[...outcome.codes].map(([c, n]) => `${c}×${n}`).join(', ')}; good messages ${received.size}/2000; crashes 0`);
  assert.equal(received.size, 2000, 'the well-behaved consumer got every message');
  for (const code of outcome.codes.keys()) assert.ok([320, 402, 403, 404, 405, 406, 501, 502, 503, 504, 505, 530, 540, 541].includes(code), `code ${code}`);
  assert.ok(!outcome.codes.has(541), 'no internal error: every fault was a protocol fault');
  // Still serving.
  const after = await amqp.connect(sim.url);
  await (await after.createChannel()).checkQueue('fuzz.good');
  await after.close();
  await good.close();
  await consumer.close();
});

test('limits: a message over --max-message-size closes the channel with RabbitMQ\'s 406; --max-connections refuses the next socket', async () => {
  const sim = await startPrivateSim({ limits: { maxMessageSize: 64 * 1024 }, maxConnections: 3 });
  sims.push(sim);
  const c = await amqp.connect(sim.url);
  const ch = await c.createChannel();
  await ch.assertQueue('limits', { durable: false });
  const closed = within(5000, 'the channel to close', new Promise<{ code: number; message: string }>((resolve) => {
    ch.once('error', (e: Error & { code: number }) => resolve({ code: e.code, message: e.message }));
  }));
  ch.sendToQueue('limits', Buffer.alloc(64 * 1024 + 1));
  const err = await closed;
  assert.equal(err.code, 406);
  assert.match(err.message, /PRECONDITION_FAILED - message size 65537 is larger than configured max size 65536/);
  const ok = await c.createChannel();
  ok.sendToQueue('limits', Buffer.alloc(64 * 1024));
  await new Promise((res) => setTimeout(res, 100));
  assert.equal((await ok.checkQueue('limits')).messageCount, 1, 'a message at the limit is taken');

  const more = [await amqp.connect(sim.url), await amqp.connect(sim.url)];
  await assert.rejects(amqp.connect(sim.url), 'the fourth connection is refused');
  await more[0]!.close();
  // Room again once the broker has seen the socket close.
  let again: amqp.ChannelModel | undefined;
  for (let i = 0; i < 50 && !again; i++) again = await amqp.connect(sim.url).catch(() => new Promise<undefined>((res) => setTimeout(() => res(undefined), 50)));
  assert.ok(again, 'a connection is taken again when one closes');
  await again.close();
  await more[1]!.close();
  await c.close();
});

test('limits: a consumer that stops reading is not sent more than a bounded buffer; it gets the rest when it reads again', async () => {
  const sim = await startPrivateSim({ limits: { writeBufferHigh: 256 * 1024 } });
  sims.push(sim);
  const c = await amqp.connect(sim.url);
  const ch = await c.createConfirmChannel();
  await ch.assertQueue('slow.reader', { durable: false });
  const body = Buffer.alloc(16 * 1024, 1);
  for (let i = 0; i < 2000; i++) ch.sendToQueue('slow.reader', body); // ~32 MiB
  await ch.waitForConfirms();
  // A raw consumer (no-ack, no prefetch limit) that never reads its socket.
  const raw = await Raw.open(Number(new URL(sim.url).port));
  await raw.handshake();
  raw.write(encodeMethodFrame(1, method('channel.open', {})));
  await raw.next('channel.open-ok');
  raw.sock.pause();
  raw.write(encodeMethodFrame(1, method('basic.consume', { queue: 'slow.reader', noAck: true })));
  await new Promise((res) => setTimeout(res, 1500));
  const left = (await ch.checkQueue('slow.reader')).messageCount;
  assert.ok(left > 1500, `most messages wait in the queue instead of in the broker's memory (${left} of 2000 still queued)`);
  raw.sock.resume();
  const deadline = Date.now() + 20_000;
  let count = left;
  while (count > 0 && Date.now() < deadline) {
    await new Promise((res) => setTimeout(res, 100));
    count = (await ch.checkQueue('slow.reader')).messageCount;
  }
  assert.equal(count, 0, 'once it reads again it gets the rest');
  raw.sock.destroy();
  await c.close();
});

test('limits: a client that stalls in the handshake is dropped after the handshake timeout', async () => {
  const sim = await startPrivateSim({ limits: { handshakeTimeout: 300 } });
  sims.push(sim);
  const raw = await Raw.open(Number(new URL(sim.url).port));
  raw.write(PROTOCOL_HEADER.subarray(0, 3));
  const t0 = Date.now();
  await within(3000, 'the stalled socket to be closed', raw.closed);
  assert.ok(Date.now() - t0 >= 250, 'not before the timeout');
});
