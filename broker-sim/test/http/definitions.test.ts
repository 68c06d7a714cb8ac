/**
 * /api/definitions: the topology as one document, exported and imported — on both brokers for a
 * vhost's policies, queues, exchanges and bindings; on broker-sim, RabbitMQ's own export of a whole
 * broker (fixtures/rabbitmq-definitions.json, taken from RabbitMQ 3.10.8) brings its users,
 * passwords, permissions, limits and policies along.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { forEachBroker, startPrivateSim, type BrokerUnderTest } from '../../../test/support/brokers.ts';
import type { LaunchedBroker } from '../../../tools/shared/brokers/index.ts';
import { channel, closeAll, refusal } from '../conformance/support/amqp.ts';
import { amqpUrl, api, ownVhost, type Api } from './admin-support.ts';
import { settled } from './support.ts';

const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/rabbitmq-definitions.json', import.meta.url), 'utf8'));

/** The fixture's policies, queues, exchanges and bindings, for a per-vhost import (the path names the vhost). */
function vhostPart(): Record<string, unknown> {
  const { queues, exchanges, bindings } = FIXTURE;
  const policies = FIXTURE.policies.map(({ vhost: _vhost, ...p }: { vhost: string }) => p);
  return { policies, queues, exchanges, bindings };
}

forEachBroker('management API: definitions of a vhost', (broker: BrokerUnderTest) => {
  const guest: Api = api(broker);
  const own = ownVhost(broker, 'hadmin-defs');
  const v = (): string => own.path;

  test("a vhost's policies, queues, exchanges and bindings imported (204) and exported again, fields as RabbitMQ's", async () => {
    assert.equal((await guest('POST', `/definitions/${v()}`, vhostPart())).status, 204);
    const got = await guest('GET', `/definitions/${v()}`);
    assert.equal(got.status, 200);
    assert.deepEqual(Object.keys(got.body).sort(), ['bindings', 'exchanges', 'parameters', 'policies', 'queues', 'rabbit_version']);
    assert.deepEqual(got.body.queues, [{ name: 'hq', durable: true, auto_delete: false, arguments: { 'x-max-length': 5 } }]);
    assert.deepEqual(got.body.policies,
      [{ vhost: own.name, name: 'hpol', pattern: '^hq$', 'apply-to': 'queues', definition: { 'message-ttl': 60000 }, priority: 1 }]);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    assert.deepEqual(got.body.exchanges.sort(byName), [
      { name: 'hx', type: 'fanout', durable: true, auto_delete: false, internal: false, arguments: {} },
      { name: 'hx2', type: 'topic', durable: true, auto_delete: false, internal: false, arguments: {} },
    ]);
    const key = (b: { destination: string }) => b.destination;
    assert.deepEqual(got.body.bindings.sort((a: { destination: string }, b: { destination: string }) => key(a).localeCompare(key(b))), [
      { source: 'hx', destination: 'hq', destination_type: 'queue', routing_key: 'k', arguments: {} },
      { source: 'hx', destination: 'hx2', destination_type: 'exchange', routing_key: '', arguments: {} },
    ]);
  });

  test('the whole export has RabbitMQ sections, and the vhost is in it', async () => {
    const all = await guest('GET', '/definitions');
    assert.equal(all.status, 200);
    for (const k of ['rabbit_version', 'users', 'vhosts', 'permissions', 'parameters', 'policies', 'queues', 'exchanges', 'bindings']) {
      assert.ok(k in all.body, `${k} in the export`);
    }
    assert.ok(all.body.vhosts.some((x: { name: string }) => x.name === own.name));
    const q = all.body.queues.find((x: { vhost: string; name: string }) => x.vhost === own.name && x.name === 'hq');
    assert.deepEqual(q, { name: 'hq', vhost: own.name, durable: true, auto_delete: false, arguments: { 'x-max-length': 5 } });
    const guestUser = all.body.users.find((u: { name: string }) => u.name === 'guest');
    assert.equal(guestUser.hashing_algorithm, 'rabbit_password_hashing_sha256');
  });

  test('a document that is not JSON is a 400; an unknown vhost a 404', async () => {
    assert.deepEqual(await guest('POST', `/definitions/${v()}`, 'nonsense'),
      { status: 400, body: { error: 'bad_request', reason: 'failed_to_parse_json' } });
    assert.deepEqual(await guest('POST', `/definitions/${broker.name('novhost')}`, {}),
      { status: 404, body: { error: 'not_found', reason: 'vhost_not_found' } });
  });
});

describe("management API: RabbitMQ's own export imported into broker-sim", () => {
  let sim: LaunchedBroker;
  let guest: Api;
  const broker = (): BrokerUnderTest => ({ kind: 'sim', url: sim.url, managementUrl: sim.managementUrl!, name: (p) => p });

  before(async () => {
    sim = await startPrivateSim();
    guest = api(broker());
  });
  after(async () => {
    await closeAll();
    await sim.close();
  });

  test('a policy RabbitMQ would refuse is a 400 naming it, and nothing is imported', async () => {
    const policies = [{ ...FIXTURE.policies[0], definition: { 'max-length': 'a' } }];
    const r = await guest('POST', '/definitions', { ...FIXTURE, policies });
    assert.equal(r.status, 400);
    assert.match(r.body.reason, /^definitions: policy 'hpol': /);
    assert.equal((await guest('GET', '/users/h-hadmin-u1')).status, 404);
  });

  test('a malformed document is a 400 naming the fault, and changes nothing', async () => {
    const bad = { ...FIXTURE, queues: [{ name: 'q', vhost: 'h-hadmin', durable: 'sometimes' }] };
    assert.deepEqual(await guest('POST', '/definitions', bad),
      { status: 400, body: { error: 'bad_request', reason: "definitions: queue 'q' needs durable as true or false" } });
    assert.deepEqual(await guest('POST', '/definitions', { users: [{ name: 'x' }] }),
      { status: 400, body: { error: 'bad_request', reason: "definitions: user 'x': tags_not_present" } });
    assert.equal((await guest('POST', '/definitions', { queues: 5 })).status, 400);
    assert.deepEqual(await guest('POST', '/definitions', { ...FIXTURE, vhosts: [] }), { status: 400, body: { error: 'bad_request',
      reason: "definitions: vhost 'h-hadmin' does not exist and is not among the document's vhosts" } });
    assert.equal((await guest('GET', '/users/h-hadmin-u1')).status, 404, 'the users before the dangling vhost were not imported');
    assert.equal((await guest('GET', '/vhosts/h-hadmin')).status, 404);
  });

  test("users log in with the passwords RabbitMQ hashed; permissions, limits, policies, queues and bindings come along", async () => {
    assert.equal((await guest('POST', '/definitions', FIXTURE)).status, 204);
    assert.deepEqual((await guest('GET', '/policies/h-hadmin/hpol')).body,
      { vhost: 'h-hadmin', name: 'hpol', pattern: '^hq$', 'apply-to': 'queues', definition: { 'message-ttl': 60000 }, priority: 1 });
    const u1 = await guest('GET', '/users/h-hadmin-u1');
    assert.deepEqual(u1.body.tags, ['management']);
    assert.equal((await api(broker(), 'h-hadmin-u1', 'pw1')('GET', '/whoami')).status, 200);
    assert.deepEqual((await guest('GET', '/permissions/h-hadmin/h-hadmin-u1')).body,
      { user: 'h-hadmin-u1', vhost: 'h-hadmin', configure: '.*', write: '.*', read: '.*' });
    assert.deepEqual((await guest('GET', '/vhost-limits/h-hadmin')).body, [{ vhost: 'h-hadmin', value: { 'max-connections': 1, 'max-queues': 2 } }]);
    const { ch } = await channel(amqpUrl(broker(), 'h-hadmin-u1', 'pw1', 'h-hadmin'));
    ch.publish('hx', 'k', Buffer.from('through the imported binding'));
    await ch.close();
    const q = await settled('the message routed by the imported binding', () => guest('GET', '/queues/h-hadmin/hq'),
      (r) => r.body.messages === 1);
    assert.equal(q.body.arguments['x-max-length'], 5);
    assert.match(await refusal(amqpUrl(broker(), 'h-hadmin-u2', 'anything', 'h-hadmin')), /ACCESS_REFUSED|403/);
  });

  test("broker-sim's export imports into another broker-sim unchanged", async () => {
    const exported = (await guest('GET', '/definitions')).body;
    const other = await startPrivateSim();
    try {
      const otherApi = api({ kind: 'sim', url: other.url, managementUrl: other.managementUrl!, name: (p) => p });
      assert.equal((await otherApi('POST', '/definitions', exported)).status, 204);
      const again = (await otherApi('GET', '/definitions')).body;
      const sorted = (d: Record<string, unknown[]>) => Object.fromEntries(['users', 'vhosts', 'permissions', 'parameters', 'policies', 'queues', 'exchanges', 'bindings']
        .map((k) => [k, d[k]!.map((x) => JSON.stringify(x)).sort()]));
      assert.deepEqual(sorted(again), sorted(exported));
    } finally {
      await other.close();
    }
  });
});
