/**
 * A real full disk (a small tmpfs, so root only): publishers are blocked, consumers still drain —
 * their acks free room, as under RabbitMQ's disk alarm — and publishers are unblocked once there is
 * room again, with no help from outside. Nothing confirmed is lost, and nothing acked comes back
 * after a kill -9 during the episode. broker-sim only (a shared RabbitMQ's disk cannot be filled).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfirmChannel } from 'amqplib';
import { closeAll, connect, eventually } from '../conformance/support/amqp.ts';
import { startSimProcess, type SimProcess } from '../../../test/support/sim-process.ts';

const root = process.getuid?.() === 0;
const skip = root ? false : 'mounting a small tmpfs needs root';
const mountPoint = mkdtempSync(join(tmpdir(), 'queuelab-full-'));
const home = mkdtempSync(join(tmpdir(), 'queuelab-full-home-'));
const running: SimProcess[] = [];

before(() => { if (root) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]); });
after(async () => {
  await closeAll();
  for (const p of running) await p.stop('SIGKILL');
  if (root) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const BODY = Buffer.alloc(16 * 1024, 'x');

test('on a full disk consumers drain, publishers are unblocked once there is room, and nothing acked comes back after kill -9', { skip }, async () => {
  const startedAt = performance.now();
  const db = join(mountPoint, 'broker.db');
  const dir = home;
  const first = await startSimProcess(dir, [], { dbPath: db });
  running.push(first);
  const pubConn = await connect(first.url);
  const events: string[] = [];
  pubConn.on('blocked', (reason: string) => events.push(`blocked: ${reason}`));
  pubConn.on('unblocked', () => events.push('unblocked'));
  const pub: ConfirmChannel = await pubConn.createConfirmChannel();
  await pub.assertQueue('big', { durable: true });
  const confirmed = new Set<number>();
  // 16 MiB, twice what the disk holds: all of it gets through only if consumers' acks make room.
  const total = 1000;
  for (let i = 0; i < total; i++) {
    pub.sendToQueue('big', Buffer.concat([Buffer.from(`${i}:`), BODY]), { persistent: true }, (err) => { if (!err) confirmed.add(i); });
  }
  await eventually('the publisher to be blocked', async () => events.length, (n) => n >= 1, 30_000);
  assert.match(events[0]!, /^blocked: the database cannot be written \(database or disk is full\)/);
  const confirmedWhenFull = confirmed.size;
  assert.ok(confirmedWhenFull > 100 && confirmedWhenFull < total, `what fits is confirmed (${confirmedWhenFull} of ${total})`);

  // A consumer drains while the disk is full: its acks must commit, or they would come back.
  const consConn = await connect(first.url);
  const cons = await consConn.createChannel();
  await cons.prefetch(20);
  const acked = new Set<number>();
  await cons.consume('big', (m) => {
    if (!m) return;
    acked.add(Number(m.content.toString('utf8', 0, 8).split(':')[0]));
    cons.ack(m);
  });
  await eventually('every message to be confirmed and consumed', async () => [confirmed.size, acked.size], ([c, a]) => c === total && a === total, 60_000);
  assert.equal(events[events.length - 1], 'unblocked', `publishers were unblocked without outside help: ${events.join(', ')}`);
  await cons.checkQueue('big'); // a round trip: every ack has been read
  await eventually('the acks to be committed (the queue empty on disk)', async () => (await cons.checkQueue('big')).messageCount, (n) => n === 0);
  // Let the group commit of the last acks happen (a commit is at most a few ms behind); then the crash.
  await new Promise((r) => setTimeout(r, 200));
  await first.stop('SIGKILL');

  const second = await startSimProcess(dir, [], { dbPath: db });
  running.push(second);
  const ch = await (await connect(second.url)).createChannel();
  assert.equal((await ch.checkQueue('big')).messageCount, 0, 'no acked message came back after kill -9');
  console.log(`disk full after ${confirmedWhenFull} confirmed 16 KiB messages; ${total} published, all confirmed and consumed; `
    + `${events.filter((e) => e === 'unblocked').length} blocked/unblocked episodes in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
});
