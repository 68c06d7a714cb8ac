/**
 * The broker view's small pure parts: the strings it prints, the publish form's checks, when a dot
 * starts along an edge, the depth history and its sparkline, edge paths, the statistics-interval
 * estimate, and the page's files as broker-sim serves them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Overview, QueueInfo } from '../../src/http/web/api-types.ts';
import { pageFile } from '../../src/http/web/assets.ts';
import { buildPage } from '../../src/http/web/bundle.ts';
import { dotsPerSecond, FlowEmitter, MAX_DOTS_PER_SECOND } from '../../src/http/web/flow.ts';
import { clip, durationText, exchangeLabel, rateText } from '../../src/http/web/format.ts';
import { buildGraph } from '../../src/http/web/graph.ts';
import { DepthHistory, HISTORY, sparklinePoints } from '../../src/http/web/history.ts';
import { pathThrough } from '../../src/http/web/layout.ts';
import { parseHeaders, publishOutcome, publishProperties, type PublishFields } from '../../src/http/web/publish.ts';
import type { PageSnapshot } from '../../src/http/web/snapshot.ts';
import { freshnessLine, StatsInterval } from '../../src/http/web/stats-interval.ts';
import { startPrivateSim } from '../../../test/support/brokers.ts';

const overview = { management_version: '3.10.8', rabbitmq_version: '3.10.8', product_name: 'RabbitMQ', cluster_name: 'c', node: 'n', object_totals: { connections: 0, channels: 0, exchanges: 0, queues: 0 } } as Overview;

function snapshot(at: number, queues: Partial<QueueInfo>[], extra: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    at, tookMs: 1, vhost: '/', overview, exchanges: [], bindings: [], consumers: [], channels: [], connections: [], uptime: undefined, unacked: null, events: null,
    queues: queues.map((q) => ({ vhost: '/', durable: false, auto_delete: false, exclusive: false, arguments: {}, name: 'q', ...q })) as QueueInfo[],
    ...extra,
  };
}

test('numbers, rates and times read the same everywhere on the page', () => {
  assert.equal(rateText(0), '0/s');
  assert.equal(rateText(0.44), '0.4/s');
  assert.equal(rateText(340.2), '340/s');
  assert.equal(durationText(850), '850 ms');
  assert.equal(durationText(12_400), '12 s');
  assert.equal(durationText(65_000), '1 min 05 s');
  assert.equal(durationText(2 * 3600_000 + 3 * 60_000), '2 h 03 min');
  assert.equal(durationText(-5), '0 ms');
  assert.equal(exchangeLabel(''), '(AMQP default)');
  assert.equal(clip('abcdef', 4), 'abc…');
  assert.equal(clip('abc', 4), 'abc');
});

const fields = (f: Partial<PublishFields>): PublishFields => ({
  persistent: false, contentType: '', correlationId: '', replyTo: '', messageId: '', expiration: '', priority: '', headers: '', ...f,
});

test('the publish form turns its fields into the API\'s properties and says which one is wrong', () => {
  assert.deepEqual(publishProperties(fields({})), {});
  assert.deepEqual(publishProperties(fields({ persistent: true, contentType: ' text/plain ', expiration: '60000', priority: '5', headers: 'x-retry: 2\n\ntrace: a:b' })),
    { delivery_mode: 2, content_type: 'text/plain', expiration: '60000', priority: 5, headers: { 'x-retry': '2', trace: 'a:b' } });
  assert.throws(() => publishProperties(fields({ expiration: '1.5s' })), /expiration is a whole number of milliseconds, got '1.5s'/);
  assert.throws(() => publishProperties(fields({ priority: '300' })), /priority is a whole number from 0 to 255/);
  assert.throws(() => parseHeaders('ok: 1\nno colon'), /headers line 2: write it as name: value/);
  assert.match(publishOutcome(true, 'orders', 'new'), /exchange orders with routing key 'new': routed/);
  assert.match(publishOutcome(false, '', 'nobody'), /default exchange .* no queue is bound to match it/);
});

test('an edge starts one dot per message, up to a readable maximum, and no burst after a pause', () => {
  const f = new FlowEmitter();
  assert.equal(dotsPerSecond(0), 0);
  assert.equal(dotsPerSecond(500), MAX_DOTS_PER_SECOND);
  // 2 messages a second, 16 ms frames: 2 dots in one second.
  let n = 0;
  for (let t = 0; t < 1000; t += 16) n += f.tick('e', 2, 16);
  assert.equal(n, 2);
  // 0.5 a second: one dot every two seconds.
  let slow = 0;
  for (let t = 0; t < 4000; t += 100) slow += f.tick('s', 0.5, 100);
  assert.equal(slow, 2);
  // A tab hidden for a minute does not release 120 dots at once.
  assert.ok(f.tick('e', 2, 60_000) <= 2);
  assert.equal(f.tick('idle', 0, 1000), 0);
});

test('the depth history keeps four minutes a queue, forgets deleted queues, and scales its sparkline', () => {
  const h = new DepthHistory();
  for (let i = 0; i < HISTORY + 10; i++) h.record(snapshot(i, [{ name: 'a', messages: i }, { name: 'b', messages: 0 }]));
  assert.equal(h.of('/', 'a').length, HISTORY);
  assert.equal(h.of('/', 'a')[HISTORY - 1], HISTORY + 9);
  h.record(snapshot(0, [{ name: 'b', messages: 0 }]));
  assert.deepEqual(h.of('/', 'a'), [], 'a deleted queue has no history');
  assert.equal(sparklinePoints([0, 5, 10], 100, 10, 3), '0,10 50,5 100,0');
  assert.equal(sparklinePoints([0, 0], 100, 10, 2), '0,10 100,10', 'all zero: a flat line at the bottom');
  assert.equal(sparklinePoints([4], 100, 10, 3), '100,0', 'the newest value is on the right');
  assert.equal(sparklinePoints([], 100, 10), '');
});

test('an edge\'s path runs through dagre\'s points with rounded corners', () => {
  assert.equal(pathThrough([{ x: 0, y: 0 }, { x: 10, y: 0 }]), 'M0,0 L10,0');
  assert.equal(pathThrough([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }]), 'M0,0 Q10,0 10,5 L10,10');
});

test('RabbitMQ\'s statistics interval is the step between two node uptimes; a user without /api/nodes is told the default', () => {
  const byUptime = new StatsInterval();
  assert.match(freshnessLine(snapshot(0, []), byUptime), /collect_statistics_interval \(5 s unless the server sets another; only monitoring users can measure it\)/);
  for (const [at, uptime] of [[0, 100_000], [1000, 100_000]] as const) byUptime.observe(snapshot(at, [], { uptime }));
  assert.equal(byUptime.estimate(), undefined);
  assert.match(freshnessLine(snapshot(1000, []), byUptime), /measuring…/);
  for (const [at, uptime] of [[2000, 105_000], [3000, 105_000], [7000, 110_000]] as const) byUptime.observe(snapshot(at, [], { uptime }));
  assert.equal(byUptime.estimate(), 5000);
  assert.match(freshnessLine(snapshot(7000, []), byUptime), /^RabbitMQ 3\.10\.8: statistics are collected every 5 s \(collect_statistics_interval, measured from node statistics\)/);
});

test('a queue\'s publish rate goes to its own bindings, to the default exchange only when it has none', () => {
  const stats = { publish: 10, publish_details: { rate: 4 }, deliver: 10, deliver_details: { rate: 3 } };
  const s = snapshot(0, [{ name: 'bound', message_stats: stats }, { name: 'plain', message_stats: stats }], {
    exchanges: [{ name: '', type: 'direct' }, { name: 'x', type: 'topic' }] as PageSnapshot['exchanges'],
    bindings: [
      { source: '', vhost: '/', destination: 'bound', destination_type: 'queue', routing_key: 'bound', arguments: {}, properties_key: 'bound' },
      { source: '', vhost: '/', destination: 'plain', destination_type: 'queue', routing_key: 'plain', arguments: {}, properties_key: 'plain' },
      { source: 'x', vhost: '/', destination: 'bound', destination_type: 'queue', routing_key: 'a.*', arguments: {}, properties_key: 'a.*' },
      { source: 'x', vhost: '/', destination: 'bound', destination_type: 'queue', routing_key: '#.b', arguments: {}, properties_key: '%23.b' },
    ],
  });
  const rateOf = (from: string, to: string): number[] => buildGraph(s).edges.filter((e) => e.from === from && e.to === to).map((e) => e.rate);
  assert.deepEqual(rateOf('x:x', 'q:bound'), [2, 2]);
  assert.deepEqual(rateOf('x:', 'q:bound'), [0]);
  assert.deepEqual(rateOf('x:', 'q:plain'), [4]);
  assert.deepEqual(rateOf('p:publishers', 'x:x'), [2], 'into an exchange without its own counts: at least its busiest binding');
});

test('broker-sim serves the page at / and its script and style under /web/, and the API as before', async () => {
  const sim = await startPrivateSim();
  try {
    const page = await fetch(`${sim.managementUrl}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const html = await page.text();
    assert.match(html, /<script type="module" src="web\/page.js">/);
    const js = await fetch(`${sim.managementUrl}/web/page.js`);
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.ok((await js.text()).length > 10_000, 'the bundle, dagre included');
    assert.equal((await fetch(`${sim.managementUrl}/web/page.css`)).status, 200);
    assert.equal((await fetch(`${sim.managementUrl}/web/nothing.js`)).status, 404);
    assert.equal((await fetch(`${sim.managementUrl}/web/../package.json`)).status, 404);
    // The page's requests say they are a script's: a refused login then comes without the browser's prompt header.
    const wrong = { authorization: `Basic ${btoa('guest:nope')}` };
    const plain = await fetch(`${sim.managementUrl}/api/whoami`, { headers: wrong });
    assert.equal(plain.status, 401);
    assert.equal(plain.headers.get('www-authenticate'), 'Basic realm="RabbitMQ Management"');
    const scripted = await fetch(`${sim.managementUrl}/api/whoami`, { headers: { ...wrong, 'x-requested-with': 'XMLHttpRequest' } });
    assert.equal(scripted.status, 401);
    assert.equal(scripted.headers.get('www-authenticate'), null);
    assert.deepEqual(await scripted.json(), { error: 'not_authorized', reason: 'Login failed' });
    const api = await fetch(`${sim.managementUrl}/api/overview`, { headers: { authorization: `Basic ${btoa('guest:guest')}` } });
    assert.equal(((await api.json()) as Overview).product_name, 'broker-sim');
  } finally {
    await sim.close();
  }
  assert.equal(await pageFile('/api/overview'), undefined, 'API paths are not the page\'s');
});

test('the page bundles in memory from its sources when no fresh build is in dist/', async () => {
  const files = await buildPage();
  assert.deepEqual([...files.keys()].filter((f) => !f.endsWith('.map')).sort(), ['index.html', 'page.css', 'page.js']);
  const js = Buffer.from(files.get('page.js')!).toString('utf8');
  assert.match(js, /login-form/, 'the page script');
  assert.doesNotMatch(js, /from\s*["']node:/, 'nothing of Node in the browser bundle');
});
