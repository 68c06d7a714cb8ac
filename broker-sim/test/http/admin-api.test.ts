/**
 * The management API's administration paths, as instructors and tools script them — users,
 * permissions, vhost limits, health checks, feature flags, nodes — written once and run against
 * broker-sim and RabbitMQ: the same status codes, the same JSON fields, the same refusals.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachBroker, type BrokerUnderTest } from '../../../test/support/brokers.ts';
import { connect, refusal, within } from '../conformance/support/amqp.ts';
import { api, amqpUrl, ownVhost, type Api } from './admin-support.ts';

/** RabbitMQ's rabbit_password_hashing_sha256 hash of "pw1", as its own export carries it. */
const RABBIT_HASH_OF_PW1 = 'vAt2L9Omc8ioCTpik8AfyQ82KglmUPMMi0Z1PEsfzHUdN8mI';

forEachBroker('management API: administration', (broker: BrokerUnderTest) => {
  const guest: Api = api(broker);
  const own = ownVhost(broker, 'hadmin-vh');
  let vhost: string;
  before(() => { vhost = own.name; });
  const users: string[] = [];
  const user = (prefix: string): string => {
    const name = broker.name(prefix);
    users.push(name);
    return name;
  };
  after(async () => {
    for (const u of users) await guest('DELETE', `/users/${encodeURIComponent(u)}`);
  });
  const v = (): string => own.path;

  test('PUT /api/users: 201 for a new user, 204 for a change; GET shows the hash, its algorithm and the tags', async () => {
    const name = user('hadmin-u');
    assert.equal((await guest('PUT', `/users/${name}`, { password: 'pw', tags: 'management' })).status, 201);
    assert.equal((await guest('PUT', `/users/${name}`, { password: 'pw', tags: 'management,monitoring' })).status, 204);
    const got = await guest('GET', `/users/${name}`);
    assert.equal(got.status, 200);
    assert.deepEqual(Object.keys(got.body).sort(), ['hashing_algorithm', 'limits', 'name', 'password_hash', 'tags']);
    assert.deepEqual({ ...got.body, password_hash: typeof got.body.password_hash },
      { name, password_hash: 'string', hashing_algorithm: 'rabbit_password_hashing_sha256', tags: ['management', 'monitoring'], limits: {} });
    const list = await guest('GET', '/users');
    assert.ok((list.body as { name: string }[]).some((u) => u.name === name));
  });

  test("PUT /api/users with RabbitMQ's password_hash: the user logs in with the password it hashes", async () => {
    const name = user('hadmin-hash');
    assert.equal((await guest('PUT', `/users/${name}`, { password_hash: RABBIT_HASH_OF_PW1, tags: 'management' })).status, 201);
    assert.equal((await guest('GET', `/users/${name}`)).body.password_hash, RABBIT_HASH_OF_PW1);
    assert.equal((await api(broker, name, 'pw1')('GET', '/whoami')).status, 200);
    assert.equal((await api(broker, name, 'pw2')('GET', '/whoami')).status, 401);
  });

  test('PUT /api/users refusals: no tags, both password and hash, a hash that is not base64', async () => {
    const name = user('hadmin-bad');
    assert.deepEqual(await guest('PUT', `/users/${name}`, { password: 'x' }),
      { status: 400, body: { error: 'bad_request', reason: 'tags_not_present' } });
    assert.deepEqual(await guest('PUT', `/users/${name}`, { password: 'x', password_hash: '', tags: '' }),
      { status: 400, body: { error: 'bad_request', reason: 'both_password_and_password_hash_are_provided' } });
    assert.equal((await guest('PUT', `/users/${name}`, { password_hash: '!!!', tags: '' })).status, 400);
    assert.equal((await guest('GET', `/users/${name}`)).status, 404);
  });

  test('DELETE /api/users: 204, then 404; the user can no longer log in', async () => {
    const name = user('hadmin-del');
    await guest('PUT', `/users/${name}`, { password: 'pw', tags: 'management' });
    assert.equal((await guest('DELETE', `/users/${name}`)).status, 204);
    assert.equal((await guest('DELETE', `/users/${name}`)).status, 404);
    assert.deepEqual(await guest('GET', `/users/${name}`), { status: 404, body: { error: 'Object Not Found', reason: 'Not Found' } });
    assert.equal((await api(broker, name, 'pw')('GET', '/whoami')).status, 401);
  });

  test("a deleted user's open connection is closed: 320 CONNECTION_FORCED", async () => {
    const name = user('hadmin-conn');
    await guest('PUT', `/users/${name}`, { password: 'pw', tags: '' });
    await guest('PUT', `/permissions/${v()}/${name}`, { configure: '.*', write: '.*', read: '.*' });
    const conn = await connect(amqpUrl(broker, name, 'pw', vhost));
    const closed = within(5000, 'the connection to be closed', new Promise<Error>((resolve) => conn.once('close', resolve)));
    assert.equal((await guest('DELETE', `/users/${name}`)).status, 204);
    const err = await closed;
    assert.match(String(err), new RegExp(`CONNECTION_FORCED - user '${name}' is deleted`));
  });

  test('user administration is for administrators: 401 Not administrator user', async () => {
    const name = user('hadmin-mgmt');
    await guest('PUT', `/users/${name}`, { password: 'pw', tags: 'management' });
    const as = api(broker, name, 'pw');
    const refused = { status: 401, body: { error: 'not_authorised', reason: 'Not administrator user' } };
    assert.deepEqual(await as('GET', '/users'), refused);
    assert.deepEqual(await as('PUT', '/users/someone', { password: 'x', tags: '' }), refused);
    assert.deepEqual(await as('PUT', `/permissions/${v()}/${name}`, { configure: '.*', write: '.*', read: '.*' }), refused);
    assert.deepEqual(await as('GET', `/vhosts/${v()}/permissions`), refused);
    assert.deepEqual(await as('GET', '/definitions'), refused);
    assert.deepEqual(await as('GET', '/feature-flags'), refused);
    assert.deepEqual(await as('PUT', `/vhost-limits/${v()}/max-queues`, { value: 1 }), refused);
  });

  test('permissions: PUT 201 then 204, read back three ways, DELETE 204 then 404', async () => {
    const name = user('hadmin-perm');
    await guest('PUT', `/users/${name}`, { password: 'pw', tags: '' });
    const rights = { configure: '^a', write: '^b', read: '^c' };
    assert.equal((await guest('PUT', `/permissions/${v()}/${name}`, rights)).status, 201);
    assert.equal((await guest('PUT', `/permissions/${v()}/${name}`, rights)).status, 204);
    const one = { user: name, vhost, ...rights };
    assert.deepEqual(await guest('GET', `/permissions/${v()}/${name}`), { status: 200, body: one });
    assert.deepEqual((await guest('GET', `/users/${name}/permissions`)).body, [one]);
    assert.deepEqual((await guest('GET', `/vhosts/${v()}/permissions`)).body.filter((p: { user: string }) => p.user === name), [one]);
    assert.equal(await refusal(amqpUrl(broker, name, 'pw', vhost)), 'connected');
    assert.equal((await guest('DELETE', `/permissions/${v()}/${name}`)).status, 204);
    assert.equal((await guest('DELETE', `/permissions/${v()}/${name}`)).status, 404);
    assert.match(await refusal(amqpUrl(broker, name, 'pw', vhost)), /ConnectionClose/);
  });

  test('permissions refusals: missing regexes, unknown user or vhost', async () => {
    const name = user('hadmin-perm2');
    await guest('PUT', `/users/${name}`, { password: 'pw', tags: '' });
    assert.deepEqual(await guest('PUT', `/permissions/${v()}/${name}`, { configure: '.*' }),
      { status: 400, body: { error: 'bad_request', reason: '[{key_missing,write},{key_missing,read}]' } });
    const all = { configure: '.*', write: '.*', read: '.*' };
    const notFound = { status: 400, body: { error: 'bad_request', reason: 'vhost_or_user_not_found' } };
    assert.deepEqual(await guest('PUT', `/permissions/${v()}/${broker.name('nobody')}`, all), notFound);
    assert.deepEqual(await guest('PUT', `/permissions/${broker.name('novhost')}/${name}`, all), notFound);
    assert.equal((await guest('GET', `/permissions/${v()}/${name}`)).status, 404);
    assert.equal((await guest('GET', `/users/${broker.name('nobody')}/permissions`)).status, 404);
    assert.equal((await guest('GET', `/vhosts/${broker.name('novhost')}/permissions`)).status, 404);
  });

  test('PUT /api/vhosts is 201 for a new vhost and 204 for one that exists', async () => {
    const name = broker.name('hadmin-vh2');
    assert.equal((await guest('PUT', `/vhosts/${name}`)).status, 201);
    assert.equal((await guest('PUT', `/vhosts/${name}`)).status, 204);
    assert.equal((await guest('DELETE', `/vhosts/${name}`)).status, 204);
  });

  test("health checks: aliveness through a vhost, a port's listener, the vhosts, the node", async () => {
    const ok = { status: 200, body: { status: 'ok' } };
    assert.deepEqual(await guest('GET', `/aliveness-test/${v()}`), ok);
    assert.equal((await guest('GET', `/aliveness-test/${broker.name('novhost')}`)).status, 404);
    assert.deepEqual(await guest('GET', '/health/checks/virtual-hosts'), ok);
    assert.deepEqual(await guest('GET', '/healthchecks/node'), ok);
    const amqpPort = Number(new URL(broker.url).port);
    assert.deepEqual(await guest('GET', `/health/checks/port-listener/${amqpPort}`), { status: 200, body: { status: 'ok', port: amqpPort } });
    const missing = await guest('GET', '/health/checks/port-listener/1');
    assert.equal(missing.status, 503);
    assert.deepEqual({ ...missing.body, ports: missing.body.ports.includes(amqpPort) },
      { status: 'failed', reason: 'No active listener', missing: 1, ports: true });
    assert.deepEqual(await guest('GET', '/health/checks/port-listener/abc'), { status: 400, body: { error: 'bad_request', reason: 'Invalid port' } });
  });

  test('aliveness-test needs permissions on the vhost: 401', async () => {
    const name = user('hadmin-alive');
    await guest('PUT', `/users/${name}`, { password: 'pw', tags: 'management' });
    assert.deepEqual(await api(broker, name, 'pw')('GET', `/aliveness-test/${v()}`),
      { status: 401, body: { error: 'not_authorised', reason: 'User not authorised to access virtual host' } });
  });

  test('feature flags list RabbitMQ 3.10 flags with their state; extensions is a list', async () => {
    const flags = await guest('GET', '/feature-flags');
    assert.equal(flags.status, 200);
    const quorum = (flags.body as { name: string }[]).find((f) => f.name === 'quorum_queue');
    assert.deepEqual(quorum && Object.keys(quorum).sort(), ['desc', 'doc_url', 'name', 'provided_by', 'stability', 'state']);
    assert.equal((quorum as { state?: string } | undefined)?.state, 'enabled');
    const ext = await guest('GET', '/extensions');
    assert.equal(ext.status, 200);
    assert.ok(Array.isArray(ext.body));
  });

  test('/api/nodes: operating-system details for monitoring and administrator users only', async () => {
    const mgmt = user('hadmin-nodes-m');
    const mon = user('hadmin-nodes-mon');
    await guest('PUT', `/users/${mgmt}`, { password: 'pw', tags: 'management' });
    await guest('PUT', `/users/${mon}`, { password: 'pw', tags: 'monitoring' });
    const refused = { status: 401, body: { error: 'not_authorised', reason: 'Not monitor user' } };
    assert.deepEqual(await api(broker, mgmt, 'pw')('GET', '/nodes'), refused);
    const node = (await guest('GET', '/nodes')).body[0].name as string;
    assert.deepEqual(await api(broker, mgmt, 'pw')('GET', `/nodes/${encodeURIComponent(node)}`), refused);
    const seen = await api(broker, mon, 'pw')('GET', '/nodes');
    assert.equal(seen.status, 200);
    assert.equal(typeof seen.body[0].os_pid, 'string');
    assert.equal(typeof seen.body[0].processors, 'number');
  });
});
