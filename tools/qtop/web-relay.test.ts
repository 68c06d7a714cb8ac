/**
 * `qtop --web`'s relay, with real HTTP on both sides: the page's files, the management API relayed
 * with the browser's own login (broker-sim behind it here; RabbitMQ in the browser test), RabbitMQ's
 * login prompt header dropped, a one-line 502 when the broker's API is down, and the flags.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPrivateSim } from '../../test/support/brokers.ts';
import { buildCli, DEFAULT_WEB_PORT, webVhost, type QtopArgs } from './qtop-command.ts';
import { pageAddress, startWebRelay, type WebRelay } from './web-relay.ts';

const auth = (user: string, password: string) => ({ authorization: `Basic ${btoa(`${user}:${password}`)}` });

let sim: Awaited<ReturnType<typeof startPrivateSim>>;
let relay: WebRelay;
before(async () => {
  sim = await startPrivateSim();
  relay = await startWebRelay({ managementUrl: `${sim.managementUrl}/api`, host: '127.0.0.1', port: 0 });
});
after(async () => {
  await relay?.close();
  await sim?.close();
});

test('the relay serves the page and passes API calls through with the browser\'s login', async () => {
  const page = await fetch(`${relay.url}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>queuelab: broker view<\/title>/);
  assert.equal((await fetch(`${relay.url}/web/page.js`)).status, 200);
  assert.equal((await fetch(`${relay.url}/elsewhere`)).status, 404);

  const overview = await fetch(`${relay.url}/api/overview`, { headers: auth('guest', 'guest') });
  assert.equal(overview.status, 200);
  assert.equal(((await overview.json()) as { product_name: string }).product_name, 'broker-sim');
  const put = await fetch(`${relay.url}/api/queues/%2F/relayed`, { method: 'PUT', headers: { ...auth('guest', 'guest'), 'content-type': 'application/json' }, body: '{"durable":false}' });
  assert.equal(put.status, 201, 'a body and its content type go through');
  const published = await fetch(`${relay.url}/api/exchanges/%2F/amq.default/publish`, {
    method: 'POST', headers: { ...auth('guest', 'guest'), 'content-type': 'application/json' },
    body: JSON.stringify({ properties: {}, routing_key: 'relayed', payload: 'via the relay', payload_encoding: 'string' }),
  });
  assert.deepEqual(await published.json(), { routed: true });
  const del = await fetch(`${relay.url}/api/queues/%2F/relayed`, { method: 'DELETE', headers: auth('guest', 'guest') });
  assert.equal(del.status, 204);
});

test('a wrong password comes back as the API\'s 401, without the header that opens the browser\'s login prompt', async () => {
  const direct = await fetch(`${sim.managementUrl}/api/whoami`, { headers: auth('guest', 'nope') });
  assert.equal(direct.status, 401);
  assert.ok(direct.headers.get('www-authenticate'), 'the API itself asks for basic auth');
  const relayed = await fetch(`${relay.url}/api/whoami`, { headers: auth('guest', 'nope') });
  assert.equal(relayed.status, 401);
  assert.equal(relayed.headers.get('www-authenticate'), null);
  assert.deepEqual(await relayed.json(), { error: 'not_authorized', reason: 'Login failed' });
  assert.equal((await fetch(`${relay.url}/api/whoami`)).status, 401, 'no login of its own is added');
});

test('when the broker\'s API is down the relay answers 502 with one line saying where it looked', async () => {
  const gone = await startPrivateSim();
  const url = gone.managementUrl!;
  await gone.close();
  const dead = await startWebRelay({ managementUrl: url, host: '127.0.0.1', port: 0 });
  try {
    const res = await fetch(`${dead.url}/api/overview`, { headers: auth('guest', 'guest') });
    assert.equal(res.status, 502);
    const body = (await res.json()) as { reason: string };
    assert.equal(body.reason, `cannot reach the management API at ${url}: ECONNREFUSED`);
  } finally {
    await dead.close();
  }
});

test('a taken web port moves on to the next free one', async () => {
  const second = await startWebRelay({ managementUrl: sim.managementUrl!, host: '127.0.0.1', port: relay.port });
  try {
    assert.ok(second.port > relay.port, `${second.port} after ${relay.port}`);
  } finally {
    await second.close();
  }
});

test('qtop --web takes its port and host flags, and opens the page on the URL\'s user and vhost', async () => {
  const parse = (argv: string[]) => buildCli(argv).exitProcess(false).parseSync() as unknown as QtopArgs;
  const a = parse(['--web', '--url', 'amqp://alice:pw@class.example:5672/alice']);
  assert.equal(a.web, true);
  assert.equal(a.webPort, DEFAULT_WEB_PORT);
  assert.equal(a.webHost, '127.0.0.1');
  assert.equal(webVhost(a, {}), 'alice');
  assert.equal(webVhost(parse(['--web', '--url', 'amqp://h/']), {}), undefined);
  assert.equal(webVhost(parse(['--web', '--vhost', 'v 1']), {}), 'v 1');
  assert.throws(() => buildCli(['--web-port', '70000']).exitProcess(false).fail((m) => { throw new Error(m); }).parseSync(), /--web-port must be a port number from 0 to 65535, got 70000/);
  assert.equal(pageAddress('http://127.0.0.1:15670', { username: 'alice', vhost: 'a/b' }), 'http://127.0.0.1:15670/?user=alice&vhost=a%2Fb');
  assert.equal(pageAddress('http://127.0.0.1:15670', {}), 'http://127.0.0.1:15670/');
});
