/**
 * qtop rendered by blessed on fake streams (80×24), fed by the management API of a real broker
 * (broker-sim always, RabbitMQ when set): the visible text for known states, the keys, purge
 * with its confirmation, and "disconnected — retrying" when the API goes away.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import amqp from 'amqplib';
import { forEachBroker, startPrivateSim } from '../../test/support/brokers.ts';
import { ManagementClient } from '../shared/management-client.ts';
import { startDashboard, type Dashboard } from './dashboard.ts';
import { sparkline } from './model.ts';

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
    const text = await until(d, (t) => row.test(t) && /alice-tag .*prefetch 2\s+unacked 2/.test(t), 'the queue with 3 ready, 2 unacked, 1 consumer');
    const lines = text.split('\n');
    assert.equal(lines.length, 24, 'fills an 80×24 terminal');
    assert.ok(lines.every((l) => l.length <= 80), 'no line wider than the terminal');
    assert.match(lines[0]!, broker.kind === 'sim' ? /^qtop \| broker-sim / : /^qtop \| RabbitMQ 3\./);
    assert.match(text, /QUEUE\s+READY\s+UNACK\s+CONS/);
    assert.match(text, /alice-tag .*prefetch 2\s+unacked 2/);
    if (broker.kind === 'sim') assert.match(text, /lease: message \d+ held by alice-tag for \d+s, \d+s left/);
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

test('when the management API goes away qtop says "disconnected — retrying" and recovers when it is back', async () => {
  const sim = await startPrivateSim();
  const { input, output } = fakeTerminal();
  const url = sim.managementUrl!;
  const client = new ManagementClient({ url, username: 'guest', password: 'guest', timeoutMs: 1000 });
  const d = startDashboard({ client, source: url, intervalMs: 60_000, input, output, onQuit: () => {} });
  try {
    await until(d, (t) => /^qtop \| broker-sim/m.test(t), 'the first snapshot');
    await sim.close();
    const text = await until(d, (t) => /disconnected — retrying/.test(t), 'the disconnected line');
    assert.match(text, /qtop \| broker-sim/, 'the last snapshot stays on screen meanwhile');
    const again = await startPrivateSim({ httpPort: Number(new URL(url).port) });
    try {
      const back = await until(d, (t) => !/disconnected/.test(t) && /^qtop \| broker-sim/m.test(t), 'the dashboard to recover');
      assert.doesNotMatch(back, /retrying/);
    } finally {
      await again.close();
    }
  } finally {
    d.stop();
  }
});
