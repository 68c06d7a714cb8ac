/**
 * The broker view's model on real snapshots: a topology made with amqplib in a vhost of the test's
 * own, read back through the page's own API client from broker-sim and (when RABBITMQ_URL is set)
 * from RabbitMQ, then turned into the graph, its layout, the tables and the freshness line. RabbitMQ
 * refreshes its statistics every few seconds, so each test waits for the counts it needs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import amqp from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { buildGraph, type Graph, type GraphNode } from '../../src/http/web/graph.ts';
import { layoutGraph } from '../../src/http/web/layout.ts';
import { fetchSnapshot, whoIsLoggedIn, type PageSnapshot } from '../../src/http/web/snapshot.ts';
import { freshnessLine, StatsInterval } from '../../src/http/web/stats-interval.ts';
import { consumerTable, eventTable, leaseTable, queueFacts, queueTable } from '../../src/http/web/tables.ts';
import { settled } from './support.ts';
import { dropVhost, makeVhost, pageApi, vhostUrl } from './web-support.ts';

const node = (g: Graph, id: string): GraphNode => {
  const n = g.nodes.find((x) => x.id === id);
  assert.ok(n, `the graph has node ${id}; it has ${g.nodes.map((x) => x.id).join(', ')}`);
  return n;
};

forEachBroker('the broker view\'s model', (broker) => {
  let vhost = '';
  let conn: amqp.ChannelModel | undefined;
  let worker: amqp.ChannelModel | undefined;
  let pub: amqp.Channel;

  before(async () => {
    vhost = broker.name('web-model');
    await makeVhost(broker.managementUrl!, vhost);
    conn = await amqp.connect(vhostUrl(broker.url, vhost), { clientProperties: { connection_name: 'producer-1' } });
    pub = await conn.createChannel();
    await pub.assertExchange('orders', 'direct', { durable: false });
    await pub.assertExchange('events', 'topic', { durable: false });
    await pub.assertExchange('logs', 'fanout', { durable: false });
    await pub.assertQueue('orders.new', { durable: true });
    await pub.assertQueue('audit', { durable: false });
    await pub.assertQueue('logs.screen', { durable: false });
    await pub.assertQueue('retry', { durable: false, arguments: { 'x-dead-letter-exchange': 'logs' } });
    await pub.bindQueue('orders.new', 'orders', 'new');
    await pub.bindQueue('audit', 'events', 'order.*');
    await pub.bindQueue('audit', 'events', '#.error');
    await pub.bindQueue('logs.screen', 'logs', '');
    await pub.bindExchange('logs', 'events', 'log.#');
    for (let i = 0; i < 3; i++) pub.publish('orders', 'new', Buffer.from(`order ${i}`));
    worker = await amqp.connect(vhostUrl(broker.url, vhost), { clientProperties: { connection_name: 'worker-alice' } });
    const wch = await worker.createChannel();
    await wch.prefetch(2);
    await wch.consume('orders.new', () => {}, { consumerTag: 'alice-1' });
  });

  after(async () => {
    await worker?.close().catch(() => {});
    await conn?.close().catch(() => {});
    await dropVhost(broker.managementUrl!, vhost);
  });

  /** A snapshot in which the held deliveries and the consumer are counted (RabbitMQ: once its statistics caught up). */
  const ready = (): Promise<PageSnapshot> => settled('orders.new with 1 ready, 2 unacked and its consumer',
    () => fetchSnapshot(pageApi(broker.managementUrl!), vhost),
    (s) => {
      const q = s.queues.find((x) => x.name === 'orders.new');
      return q?.messages_ready === 1 && q.messages_unacknowledged === 2 && q.consumers === 1 && s.consumers.length === 1
        && s.channels.some((c) => c.messages_unacknowledged === 2);
    }, 30_000);

  test('guest logs in and sees the test\'s vhost among theirs', async () => {
    const who = await whoIsLoggedIn(pageApi(broker.managementUrl!));
    assert.equal(who.user.name, 'guest');
    assert.ok(who.vhosts.includes(vhost), `vhosts: ${who.vhosts.join(', ')}`);
  });

  test('the graph has the exchanges with their types, the bindings with their keys, the queues and the consumer by worker name', async () => {
    const s = await ready();
    const g = buildGraph(s);
    assert.equal(node(g, 'x:orders').subtitle, 'direct exchange');
    assert.equal(node(g, 'x:events').subtitle, 'topic exchange');
    assert.equal(node(g, 'x:logs').subtitle, 'fanout exchange');
    assert.equal(node(g, 'x:').title, '(AMQP default)');
    assert.ok(!g.nodes.some((n) => n.id.startsWith('x:amq.')), 'unused amq.* exchanges are left out');
    const keys = g.edges.filter((e) => e.kind === 'binding').map((e) => `${e.from}>${e.to}:${e.label}`).sort();
    assert.deepEqual(keys, ['x:events>q:audit:#.error', 'x:events>q:audit:order.*', 'x:logs>q:logs.screen:', 'x:orders>q:orders.new:new']);
    assert.ok(g.edges.some((e) => e.kind === 'exchange-binding' && e.from === 'x:events' && e.to === 'x:logs' && e.label === 'log.#'));
    assert.ok(g.edges.some((e) => e.kind === 'dead-letter' && e.from === 'q:retry' && e.to === 'x:logs'), 'retry dead-letters to logs');
    assert.equal(g.edges.filter((e) => e.kind === 'default').length, 4, 'the default exchange binds each of the four queues');

    const q = node(g, 'q:orders.new');
    assert.match(q.subtitle, /^classic, durable/);
    assert.equal(q.lines[0], 'ready 1 · unacked 2');
    const consumers = g.nodes.filter((n) => n.kind === 'consumer');
    assert.equal(consumers.length, 1);
    assert.equal(consumers[0]!.title, 'worker-alice');
    assert.equal(consumers[0]!.subtitle, 'alice-1');
    assert.equal(consumers[0]!.lines[0], 'prefetch 2 · unacked 2');
    assert.ok(g.edges.some((e) => e.kind === 'deliver' && e.from === 'q:orders.new' && e.to === consumers[0]!.id));

    const without = buildGraph(s, { showDefaultExchange: false });
    assert.ok(!without.nodes.some((n) => n.id === 'x:'));
    assert.ok(!without.edges.some((e) => e.kind === 'default'));
    assert.notEqual(without.key, g.key, 'a different topology has a different key');
    assert.equal(buildGraph(s).key, g.key, 'the same snapshot has the same key');
  });

  test('dagre places every node inside the drawing, none over another, in the order messages flow', async () => {
    const g = buildGraph(await ready());
    for (const dir of ['LR', 'TB'] as const) {
      const l = layoutGraph(g, dir);
      const boxes = g.nodes.map((n) => ({ n, b: l.nodes.get(n.id)! }));
      for (const { n, b } of boxes) {
        assert.ok(b.x - b.width / 2 >= 0 && b.x + b.width / 2 <= l.width && b.y - b.height / 2 >= 0 && b.y + b.height / 2 <= l.height, `${n.id} inside (${dir})`);
      }
      for (const [i, a] of boxes.entries()) {
        for (const c of boxes.slice(i + 1)) {
          const apart = Math.abs(a.b.x - c.b.x) * 2 >= a.b.width + c.b.width || Math.abs(a.b.y - c.b.y) * 2 >= a.b.height + c.b.height;
          assert.ok(apart, `${a.n.id} and ${c.n.id} do not overlap (${dir})`);
        }
      }
      const along = (id: string): number => (dir === 'LR' ? l.nodes.get(id)!.x : l.nodes.get(id)!.y);
      assert.ok(along('x:orders') < along('q:orders.new') && along('q:orders.new') < along(g.nodes.find((n) => n.kind === 'consumer')!.id), `exchange, queue, consumer in order (${dir})`);
      assert.ok(along('x:logs') < along('q:retry'), `the dead-letter exchange stays before the queue that feeds it (${dir})`);
      for (const e of g.edges) assert.ok(l.edges.get(e.id)!.points.length >= 2, `edge ${e.id} has a route`);
    }
  });

  test('the tables list the queue\'s counts and the consumer\'s worker, prefetch and unacked', async () => {
    const s = await ready();
    const qt = queueTable(s);
    const row = qt.rows[qt.queues!.indexOf('orders.new')]!;
    assert.deepEqual(row.slice(0, 5), ['orders.new', 'classic', '1', '2', '1']);
    const ct = consumerTable(s);
    assert.deepEqual(ct.rows, [['worker-alice', 'alice-1', 'orders.new', '2', '2', 'manual']]);
    const facts = new Map(queueFacts(s, 'orders.new'));
    assert.equal(facts.get('ready'), '1');
    assert.equal(facts.get('bound from'), 'default (key orders.new); orders (key new)');
    assert.equal(queueFacts(s, 'no-such-queue'), undefined);
  });

  test('leases count down on broker-sim; RabbitMQ shows none', async () => {
    const s = await ready();
    const now = leaseTable(s, s.at);
    if (broker.kind === 'rabbitmq') {
      assert.equal(s.unacked, null);
      assert.equal(now.rows.length, 0);
      return;
    }
    assert.equal(now.rows.length, 2);
    assert.deepEqual(now.rows.map((r) => [r[0], r[3], r[4]]), [['orders.new', 'alice-1', 'worker-alice'], ['orders.new', 'alice-1', 'worker-alice']]);
    // broker-sim's default consumer timeout is RabbitMQ's, 30 minutes; 65 s later the page shows a minute less.
    assert.match(now.rows[0]![6]!, /^(29|30) min \d\d s$/);
    const later = leaseTable(s, s.at + 65_000).rows[0]![6]!;
    assert.match(later, /^(28|29) min \d\d s$/);
    assert.notEqual(later, now.rows[0]![6]);
  });

  test('when the worker goes away broker-sim logs its deliveries released; RabbitMQ keeps no event log', async () => {
    await ready();
    await worker!.close();
    worker = undefined;
    const api = pageApi(broker.managementUrl!);
    if (broker.kind === 'rabbitmq') {
      const s = await fetchSnapshot(api, vhost);
      assert.equal(s.events, null);
      assert.equal(eventTable(s).rows.length, 0);
      return;
    }
    const s = await settled('the released deliveries in the event log', () => fetchSnapshot(api, vhost),
      (x) => (x.events ?? []).some((e) => e.kind === 'lease.released'));
    const rows = eventTable(s).rows;
    assert.equal(rows.filter((r) => r[1] === 'released (consumer gone)' && r[2] === 'orders.new').length, 2, JSON.stringify(rows));
    assert.ok(!rows.some((r) => r[1] === 'delivered'), 'routine grants are hidden by default');
    assert.ok(eventTable(s, { routine: true }).rows.some((r) => r[1] === 'delivered' && r[4] === 'alice-1'), 'and shown on request');
  });

  test('messages published at a steady rate show on the edges and bring in the publishers', async () => {
    const timer = setInterval(() => { for (let i = 0; i < 4; i++) pub.publish('logs', '', Buffer.from('tick')); }, 100);
    try {
      const s = await settled('a publish rate into logs.screen', () => fetchSnapshot(pageApi(broker.managementUrl!), vhost),
        (x) => buildGraph(x).edges.some((e) => e.from === 'x:logs' && e.to === 'q:logs.screen' && e.rate > 0), 30_000);
      const g = buildGraph(s);
      const edge = g.edges.find((e) => e.from === 'x:logs' && e.to === 'q:logs.screen')!;
      assert.ok(edge.rate > 0 && edge.rate < 200, `a plausible rate: ${edge.rate}/s`);
      assert.ok(g.edges.some((e) => e.kind === 'publish' && e.to === 'x:logs'), 'publishers → logs');
      assert.match(node(g, 'x:logs').lines[0]!, /^in \d+(\.\d)?\/s$/);
    } finally {
      clearInterval(timer);
    }
  });

  test('the page says how fresh the numbers are: live on broker-sim, RabbitMQ\'s measured statistics interval', async () => {
    const interval = new StatsInterval();
    const api = pageApi(broker.managementUrl!);
    if (broker.kind === 'sim') {
      const s = await fetchSnapshot(api, vhost);
      interval.observe(s);
      assert.match(freshnessLine(s, interval), /^broker-sim \S+: live numbers, read from the broker on each refresh; the page refreshes every 1 s/);
      return;
    }
    const first = await fetchSnapshot(api, vhost);
    interval.observe(first);
    assert.match(freshnessLine(first, interval), /measuring…/);
    // Node statistics arrive once per collect_statistics_interval: wait for two of them.
    const s = await settled('two node statistics from RabbitMQ', async () => {
      const x = await fetchSnapshot(api, vhost);
      interval.observe(x);
      return x;
    }, () => interval.estimate() !== undefined, 40_000);
    const ms = interval.estimate()!;
    assert.ok(ms >= 500 && ms <= 60_000, `interval ${ms} ms`);
    assert.match(freshnessLine(s, interval), new RegExp(`^RabbitMQ 3\\.\\S+: statistics are collected every ${Math.round(ms / 100) / 10} s \\(collect_statistics_interval, measured from node statistics\\)`));
  });
});
