/**
 * qtop rendered by blessed on fake streams (80×24), fed by the management API of a real broker
 * (broker-sim always, RabbitMQ when set): the visible text for known states, the keys, purge
 * with its confirmation, and "disconnected — retrying" when the API goes away.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import amqp from 'amqplib';
import { forEachBroker, startPrivateSim } from '../../test/support/brokers.ts';
import { ManagementClient } from '../shared/management-client.ts';
import { startDashboard, type Dashboard } from './dashboard.ts';
import { Model, sparkline, type Snapshot } from './model.ts';
import { renderLines } from './render.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A terminal that is not one: 80×24, keys written to `keys`. */
function fakeTerminal(columns = 80, rows = 24): { input: PassThrough; output: PassThrough } {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { columns, rows, isTTY: true });
  output.resume();
  return { input, output };
}

async function until(d: Dashboard, ok: (text: string) => boolean, what: string, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    await d.refresh();
    const text = d.text().join('\n');
    if (ok(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const press = (input: PassThrough, keys: string) => { for (const k of keys) input.write(k); };

test('a sparkline scales the depth history to eight bar heights', () => {
  assert.equal(sparkline([0, 1, 2, 4, 8], 5), '▁▂▃▅█');
  assert.equal(sparkline([], 3), '   ');
  assert.equal(sparkline([0, 0], 2), '▁▁');
});

forEachBroker('qtop on fake streams', (broker) => {
  const dashboards: Dashboard[] = [];
  const conns: amqp.ChannelModel[] = [];
  after(async () => {
    for (const d of dashboards) d.stop();
    for (const c of conns) await c.close().catch(() => {});
  });

  function open(vhostFilter?: string): { d: Dashboard; input: PassThrough } {
    const { input, output } = fakeTerminal();
    const client = new ManagementClient({ url: broker.managementUrl!, username: 'guest', password: 'guest', timeoutMs: 3000 });
    const d = startDashboard({ client, source: broker.managementUrl!, intervalMs: 60_000, input, output, onQuit: () => {}, ...(vhostFilter ? { vhost: vhostFilter } : {}) });
    dashboards.push(d);
    return { d, input };
  }

  test('the queue table shows ready, unacked and consumers as the broker has them, and the consumer of the selected queue', async () => {
    const c = await amqp.connect(broker.url, { clientProperties: { connection_name: 'worker-alice' } });
    conns.push(c);
    const ch = await c.createChannel();
    const q = broker.name('qtop');
    await ch.assertQueue(q, { durable: false });
    for (let i = 0; i < 5; i++) ch.sendToQueue(q, Buffer.from(`m${i}`));
    const worker = await c.createChannel();
    await worker.prefetch(2);
    await worker.consume(q, () => {}, { consumerTag: 'alice-tag' });
    const { d, input } = open();
    d.model.setFilter(q);
    const row = new RegExp(`${q.slice(0, 20).replace(/\./g, '\\.')}\\S*\\s+3\\s+2\\s+1\\s`);
    // RabbitMQ refreshes queue, consumer and channel statistics separately (every 5 s): wait for all.
    const text = await until(d, (t) => row.test(t) && /worker-alice \(alice-tag\) .*prefetch 2\s+unacked 2/.test(t), 'the queue with 3 ready, 2 unacked, 1 consumer');
    const lines = text.split('\n');
    assert.equal(lines.length, 24, 'fills an 80×24 terminal');
    assert.ok(lines.every((l) => l.length <= 80), 'no line wider than the terminal');
    assert.match(lines[0]!, broker.kind === 'sim' ? /^qtop \| broker-sim / : /^qtop \| RabbitMQ 3\./);
    assert.match(text, /QUEUE\s+READY\s+UNACK\s+CONS/);
    assert.match(text, /worker-alice \(alice-tag\) .*prefetch 2\s+unacked 2/);
    // The header counts the consumers the rows show, not the overview's totals.
    const shown = d.model.snapshot!.queues.reduce((sum, x) => sum + (x.consumers ?? 0), 0);
    assert.match(lines[0]!, new RegExp(` ${shown} cons `));
    if (broker.kind === 'sim') assert.match(text, /lease: #\d+ "m0" held by worker-alice for \d+s, \d+s left/);
    assert.match(lines[23]!, /q quit/);

    press(input, '?');
    await new Promise((r) => setTimeout(r, 100));
    assert.match(d.text().join('\n'), /qtop keys/);
    press(input, '?');
    await worker.close();
    await ch.deleteQueue(q);
  });

  test('p asks before purging, and purges the selected queue on y', async () => {
    const c = await amqp.connect(broker.url);
    conns.push(c);
    const ch = await c.createChannel();
    const q = broker.name('purge');
    await ch.assertQueue(q, { durable: false });
    for (let i = 0; i < 4; i++) ch.sendToQueue(q, Buffer.from('x'));
    const { d, input } = open();
    d.model.setFilter(q);
    await until(d, (t) => new RegExp(`\\s4\\s+0\\s+0\\s`).test(t), 'four ready messages');
    press(input, 'p');
    await new Promise((r) => setTimeout(r, 200));
    assert.match(d.text().join('\n'), /purge queue '.*' \(4 ready messages\)\? \(y\/n\)/);
    press(input, 'y');
    const deadline = Date.now() + 5000;
    while ((await ch.checkQueue(q)).messageCount !== 0) {
      if (Date.now() > deadline) throw new Error('the queue was not purged');
      await new Promise((r) => setTimeout(r, 100));
    }
    await ch.deleteQueue(q);
  });
});

test('when broker-sim stops qtop says so and waits, and recovers when it is back', async () => {
  const sim = await startPrivateSim();
  const { input, output } = fakeTerminal();
  const url = sim.managementUrl!;
  const client = new ManagementClient({ url, username: 'guest', password: 'guest', timeoutMs: 1000 });
  const d = startDashboard({ client, source: url, intervalMs: 60_000, input, output, onQuit: () => {} });
  try {
    await until(d, (t) => /^qtop \| broker-sim/m.test(t), 'the first snapshot');
    await sim.close();
    const text = await until(d, (t) => /broker-sim stopped — waiting for it to start again/.test(t), 'the stopped line');
    assert.doesNotMatch(text, /management plugin/);
    assert.match(text, /qtop \| broker-sim/, 'the last snapshot stays on screen meanwhile');
    const again = await startPrivateSim({ httpPort: Number(new URL(url).port) });
    try {
      const back = await until(d, (t) => !/stopped/.test(t) && /^qtop \| broker-sim/m.test(t), 'the dashboard to recover');
      assert.doesNotMatch(back, /waiting/);
    } finally {
      await again.close();
    }
  } finally {
    d.stop();
  }
});

/** A snapshot by hand, for what the render does with it: no broker needed. */
function snapshotOf(over: Partial<Snapshot>): Snapshot {
  return {
    at: Date.now(), uptime: 1000, channels: [], connections: [], consumers: [], queues: [], leases: [], events: [],
    overview: { product_name: 'broker-sim', product_version: '0.1.0', object_totals: { connections: 9, channels: 9, consumers: 9, queues: 9, exchanges: 9 } } as Snapshot['overview'],
    ...over,
  };
}

const queue = (name: string, consumers = 0) => ({ name, vhost: '/', messages: 1, messages_ready: 0, messages_unacknowledged: 1, consumers }) as Snapshot['queues'][number];

test('render: leases and consumers name the worker, the message and the time left; events say which message and why', () => {
  const m = new Model('http://x');
  const conn = '127.0.0.1:5000 -> 127.0.0.1:5672';
  const channel = `${conn} (1)`;
  const alice = (): Snapshot => snapshotOf({
    queues: [queue('task_queue', 1)],
    connections: [{ name: conn, user_provided_name: 'alice' } as Snapshot['connections'][number]],
    channels: [{ name: channel, messages_unacknowledged: 1 } as Snapshot['channels'][number]],
    consumers: [{ consumer_tag: 'amq.ctag-1', queue: { name: 'task_queue', vhost: '/' }, channel_details: { name: channel, number: 1, connection_name: conn }, prefetch_count: 1, ack_required: true } as Snapshot['consumers'][number]],
    leases: [{ vhost: '/', queue: 'task_queue', message_id: 32, delivery_tag: 1, channel, connection: conn, consumer_tag: 'amq.ctag-1', redelivered: false, delivered_at: 0, held_ms: 4000, deadline: 30_000, time_left_ms: 26_000, body_preview: 'resize photo 17.jpg please' }],
  });
  m.update(alice());
  // The consumer goes; its lease is released: the event still names alice.
  m.update(snapshotOf({
    queues: [queue('task_queue')],
    events: [{ id: 1, at: Date.parse('2026-01-01T10:00:00'), kind: 'lease.released', vhost: '/', queue: 'task_queue', message_id: 32, consumer_tag: 'amq.ctag-1', channel: '1/1', detail: null }],
  }));
  const gone = renderLines(m, 100, 24).join('\n');
  assert.match(gone, /lease\.released #32 task_queue: consumer alice disconnected/);
  m.update(alice());
  const text = renderLines(m, 100, 24).join('\n');
  assert.match(text, /lease: #32 "resize photo 17…" held by alice for 4s, 26s left/);
  assert.match(text, /alice \(amq\.ctag-1\) ch 1 {2}prefetch 1 {2}unacked 1/);
  assert.match(text, /\| 1 conn 1 chan 1 cons \|/, 'the header counts what the rows show, not the overview totals (9)');
});

test('render: with auto-ack the consumer line says that what it holds is invisible to the broker', () => {
  const m = new Model('http://x');
  m.update(snapshotOf({
    queues: [queue('hello', 1)],
    consumers: [{ consumer_tag: 'ctag', queue: { name: 'hello', vhost: '/' }, channel_details: { name: 'c (1)', number: 1, connection_name: 'c' }, prefetch_count: 0, ack_required: false } as Snapshot['consumers'][number]],
  }));
  assert.match(renderLines(m, 100, 24).join('\n'), /c \(ctag\) ch 1 {2}prefetch ∞ {2}auto-ack: what it holds is invisible to the broker/);
});

test('render: the QUEUE column is as wide as the longest name; the selection stays on its queue when others appear', () => {
  const m = new Model('http://x');
  m.update(snapshotOf({ queues: [queue('b-tasks'), queue('c-tasks')] }));
  const head = renderLines(m, 100, 24)[3]!;
  // b-tasks is 7 long: QUEUE padded to 7, a space, READY right-aligned in 6.
  assert.match(head, /^\{bold\}QUEUE {4}READY/, `QUEUE is 7 wide: ${head}`);
  m.move(1);
  assert.equal(m.selectedQueue()!.name, 'c-tasks');
  m.update(snapshotOf({ queues: [queue('a-new'), queue('b-tasks'), queue('c-tasks')] }));
  assert.equal(m.selectedQueue()!.name, 'c-tasks', 'still on c-tasks after a-new appeared above it');
});

test('render: a stopped broker-sim is waited for, without RabbitMQ\'s plugin hint', () => {
  const m = new Model('http://x');
  m.update(snapshotOf({ queues: [queue('q')] }));
  m.fail('no management API at http://x (connection refused): is RabbitMQ\'s management plugin enabled? rabbitmq-plugins enable rabbitmq_management');
  const text = renderLines(m, 100, 24).join('\n');
  assert.match(text, /broker-sim stopped — waiting for it to start again/);
  assert.doesNotMatch(text, /plugin/);
});

test('qtop --url whose port answers nothing is one line and exit 1, not another broker\'s dashboard', () => {
  const r = spawnSync(process.execPath, [join(root, 'bin/qtop.js'), '--url', 'amqp://guest:guest@127.0.0.1:1'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^qtop: nothing answers at 127\.0\.0\.1:1 \(--url\): is the broker running there\?/m);
});
