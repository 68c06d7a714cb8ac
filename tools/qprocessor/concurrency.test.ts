/**
 * Long tasks and parallel work, as the broker sees them: a worker whose work blocks the process
 * (--block) for longer than its heartbeats allow is dropped by the broker in the middle of the task,
 * and the task goes to another worker; --concurrency N holds N unacked at once (counted by the
 * broker's management API) and acks each as its own work ends; Ctrl-C with N in progress finishes
 * them. Against broker-sim, and RabbitMQ when set.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import amqp from 'amqplib';
import { forEachBroker } from '../../test/support/brokers.ts';
import { ManagementClient, type QueueInfo } from '../shared/management-client.ts';
import { start, waitFor, type Running } from './test-process.ts';

/** Polls until ok(value), or fails saying what it waited for and what it saw last. */
async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last seen: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const count = (out: string, event: string): number => (out.match(new RegExp(`\\] ${event}\\s`, 'g')) ?? []).length;

forEachBroker('qprocessor: long tasks, heartbeats and work in parallel', (broker) => {
  const running: Running[] = [];
  let conn: amqp.ChannelModel | undefined;
  let ch: amqp.Channel;
  before(async () => {
    conn = await amqp.connect(broker.url);
    ch = await conn.createChannel();
  });
  after(async () => {
    for (const r of running) r.child.kill('SIGKILL');
    await conn?.close().catch(() => {});
  });
  const run = (args: string[]): Running => {
    const r = start('qprocessor', args, { AMQP_URL: broker.url });
    running.push(r);
    return r;
  };
  /** Publishes to a queue the worker declared; checkQueue's round trip means the broker has them all. */
  const send = async (queue: string, bodies: string[]): Promise<void> => {
    for (const b of bodies) ch.sendToQueue(queue, Buffer.from(b));
    await ch.checkQueue(queue);
  };
  const check = (queue: string) => ch.checkQueue(queue);
  const api = () => new ManagementClient({ url: broker.managementUrl!, username: 'guest', password: 'guest' });
  const vhost = () => decodeURIComponent(new URL(broker.url).pathname.slice(1)) || '/';

  test('a --block worker whose task outlasts its heartbeats is dropped by the broker mid-task, and a second worker gets the task', async () => {
    const queue = broker.name('blocked');
    const a = run(['-q', queue, '--acknowledge', '--block', '--heartbeat', '2', '--delay-per-char', '1', '--name', 'A']);
    await waitFor(a, /waiting for messages on .* \(manual acks, work blocks the process\)/, 'worker A to start');
    // Ten characters: ten seconds of blocked work, five heartbeat timeouts. A broker gives up on a
    // client it has not heard from for two to three timeouts (RabbitMQ between 2 and 3).
    await send(queue, ['ten chars!']);
    await waitFor(a, /RECEIVED\s+#1 "ten chars!"/, 'A to take the task');
    const dropped = await until('the broker to drop A and put the task back', () => check(queue), (q) => q.consumerCount === 0 && q.messageCount === 1, 15_000);
    assert.deepEqual(dropped, { queue, messageCount: 1, consumerCount: 0 });
    assert.equal(count(a.out(), 'ERROR') + count(a.out(), 'ACKED'), 0, 'A is still blocked in its task when the broker gives up on it');

    const b = run(['-q', queue, '--acknowledge', '--delay-per-char', '0', '--name', 'B']);
    await waitFor(b, /REDELIVERED\s+#1 "ten chars!"[\s\S]*ACKED\s+#1 done/, 'B to get the task A never acked, redelivered, and ack it');
    assert.equal(await a.exited, 1, 'A ends once its block is over and it finds the connection gone');
    assert.match(a.out(), /ERROR\s+#1 "ten chars!" worked on, but the connection was lost before its ack: never acked, so the broker gives it to another worker/);
    assert.match(a.out(), /qprocessor: the broker dropped this worker: its work blocked the process for 10\.0s with a heartbeat of 2s, so it missed its heartbeats \(.+\); use --restart/);
    assert.equal(count(a.out(), 'ACKED'), 0, 'A does not claim an ack that could not reach the broker');
    assert.equal((await check(queue)).messageCount, 0, 'B acked it: nothing is left');
  });

  test('--concurrency 3 --acknowledge holds three unacked at once, as the broker counts them, and acks each when its own work ends', async () => {
    const queue = broker.name('slots');
    const w = run(['-q', queue, '--acknowledge', '--concurrency', '3', '--delay-per-char', '1', '--name', 'C']);
    await waitFor(w, /waiting for messages on .* \(manual acks, prefetch 3, 3 at once\)/, 'the worker to start with prefetch 3');
    // 9, 8 and 7 seconds, then three of one: RabbitMQ's API counts unacked messages every 5 s.
    await send(queue, ['nine-sec!', 'eight-s!', 'seven-s', 'a', 'b', 'c']);
    const held = await until<QueueInfo>('three unacked in the management API', () => api().getQueue(vhost(), queue), (q) => q.messages_unacknowledged === 3, 15_000);
    assert.equal(held.messages_ready, 3, 'the other three wait in the queue, not in the worker');
    await waitFor(w, /(ACKED[\s\S]*){6}/, 'all six acked');
    const acked = [...w.out().matchAll(/ACKED\s+#(\d) /g)].map((m) => Number(m[1])).filter((k) => k <= 3);
    assert.deepEqual(acked, [3, 2, 1], 'of the first three, the shortest is acked first, whatever order they came in');
    assert.match(w.out(), /RECEIVED\s+#1 "nine-sec!" \(slot 1\)[\s\S]*RECEIVED\s+#3 "seven-s" \(slot 3\)[\s\S]*ACKED\s+#3 "seven-s" \(slot 3\) done[\s\S]*RECEIVED\s+#4 "a" \(slot 3\)/,
      'every line names the message and its slot; a freed slot takes the next message');
    w.child.kill('SIGINT');
    assert.equal(await w.exited, 0);
    assert.match(w.out(), /summary: received 6, acked 6, lost 0, nacked 0, rejected 0, redelivered seen 0; at most 3 at once \(of 3\)/);
    assert.equal((await check(queue)).messageCount, 0, 'nothing comes back: all six were acked');
  });

  test('Ctrl-C with three in progress finishes and acks them, leaves the rest in the queue, and prints the summary', async () => {
    const queue = broker.name('slots-stop');
    const w = run(['-q', queue, '--acknowledge', '--concurrency', '3', '--delay-per-char', '0.5', '--name', 'S']);
    await waitFor(w, /waiting for messages/, 'the worker to start');
    await send(queue, ['task-1', 'task-2', 'task-3', 'task-4', 'task-5', 'task-6']);
    await waitFor(w, /(RECEIVED[\s\S]*){3}/, 'three tasks in progress');
    w.child.kill('SIGINT');
    assert.equal(await w.exited, 0);
    assert.match(w.out(), /stopping: finishing the 3 messages in progress/);
    assert.equal(count(w.out(), 'ACKED'), 3, w.out());
    assert.match(w.out(), /summary: received 3, acked 3, lost 0, nacked 0, rejected 0, redelivered seen 0; at most 3 at once \(of 3\)/);
    assert.deepEqual(await check(queue), { queue, messageCount: 3, consumerCount: 0 }, 'the three never started are still in the queue, the three finished are gone');
  });
});
