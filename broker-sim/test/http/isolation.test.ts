/**
 * A class server through the management API: each student sees and touches only their own vhost,
 * monitoring users see everything but change nothing without permissions, and users without a
 * management tag are refused — RabbitMQ's rules, on broker-sim.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel } from 'amqplib';
import { startBrokerSim, type BrokerSim } from '../../src/index.ts';
import { authenticate } from '../../src/http/auth.ts';
import { HttpError } from '../../src/http/errors.ts';
import { ManagementClient } from '../../../tools/shared/management-client.ts';
import { closeAll, collector, connect } from '../conformance/support/amqp.ts';
import { failure } from './support.ts';

describe('management API: one vhost per student', () => {
  let sim: BrokerSim;
  let port: number;
  const as = (user: string): ManagementClient => new ManagementClient({ url: sim.managementUrl!, username: user, password: `${user}-pw` });

  /** A student's vhost with a queue holding `ready` messages and one delivery held unacked. */
  async function setUpStudent(user: string, ready: string[]): Promise<Channel> {
    const conn = await connect(`amqp://${user}:${user}-pw@127.0.0.1:${port}/${user}`);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue(`${user}-q`);
    await ch.assertQueue(`${user}-q.failed`);
    for (const body of ['held', ...ready]) ch.sendToQueue(`${user}-q`, Buffer.from(body));
    ch.sendToQueue(`${user}-q.failed`, Buffer.from(`${user} failed task`));
    await ch.waitForConfirms();
    await ch.prefetch(1);
    const held = collector(1, `${user}'s held delivery`);
    await ch.consume(`${user}-q`, (m) => held.add(m!), { consumerTag: `${user}-worker` });
    await held.done;
    return ch;
  }

  before(async () => {
    sim = await startBrokerSim({ port: 0, httpPort: 0 });
    port = sim.port;
    const b = sim.broker;
    for (const [user, tags] of [['alice', 'management'], ['bob', 'management'], ['carol', '']] as const) {
      b.addUser(user, `${user}-pw`, tags);
      b.addVhost(user === 'carol' ? 'alice' : user);
      b.setPermission({ user, vhost: user === 'carol' ? 'alice' : user, configure: '.*', write: '.*', read: '.*' });
    }
    b.addUser('mon', 'mon-pw', 'monitoring');
    b.addUser('dave', 'dave-pw', 'management');
    b.setPermission({ user: 'dave', vhost: 'alice', configure: '^dave-.*', write: '^dave-.*', read: '^dave-.*' });
    await setUpStudent('alice', ['a1']);
    await setUpStudent('bob', ['bob secret 1', 'bob secret 2']);
  });

  after(async () => {
    await closeAll();
    await sim.close();
  });

  test("a student lists only their own vhost's queues, exchanges, bindings, consumers and totals", async () => {
    const alice = as('alice');
    assert.deepEqual((await alice.getQueues()).map((q) => `${q.vhost}:${q.name}`), ['alice:alice-q', 'alice:alice-q.failed']);
    assert.deepEqual((await alice.getVhosts()).map((v) => v.name), ['alice']);
    assert.deepEqual([...new Set((await alice.getExchanges()).map((x) => x.vhost))], ['alice']);
    assert.deepEqual([...new Set((await alice.getBindings()).map((x) => x.vhost))], ['alice']);
    assert.deepEqual((await alice.getConsumers()).map((c) => c.consumer_tag), ['alice-worker']);
    const o = await alice.getOverview();
    assert.deepEqual({ queues: o.object_totals.queues, connections: o.object_totals.connections, messages: o.queue_totals?.messages },
      { queues: 2, connections: 1, messages: 3 });
  });

  test('a student sees only their own connections and channels', async () => {
    const alice = as('alice');
    assert.deepEqual((await alice.getConnections()).map((c) => [c.user, c.vhost]), [['alice', 'alice']]);
    assert.deepEqual((await alice.getChannels()).map((c) => c.user), ['alice']);
    const bobs = (await as('bob').getConnections())[0]!;
    assert.equal((await failure(alice.closeConnection(bobs.name))).status, 404);
  });

  test("another student's vhost is refused with RabbitMQ's 401, for reading and for changing", async () => {
    const alice = as('alice');
    for (const call of [
      () => alice.getQueues('bob'), () => alice.getQueue('bob', 'bob-q'), () => alice.getConsumers('bob'),
      () => alice.getQueueBindings('bob', 'bob-q'), () => alice.getMessages('bob', 'bob-q', { ackmode: 'ack_requeue_false', count: 5 }),
      () => alice.publish('bob', '', 'bob-q', 'spam'), () => alice.purgeQueue('bob', 'bob-q'), () => alice.deleteQueue('bob', 'bob-q'),
      () => alice.declareQueue('bob', 'intruder'), () => alice.getUnacked('bob'), () => alice.getEvents({ vhost: 'bob' }),
    ]) {
      const err = await failure(call());
      assert.deepEqual([err.status, err.error, err.reason], [401, 'not_authorised', 'User not authorised to access virtual host']);
    }
    const bobQueue = await as('bob').getQueue('bob', 'bob-q');
    assert.deepEqual([bobQueue.messages_ready, bobQueue.messages_unacknowledged], [2, 1], "bob's messages are untouched");
    assert.equal((await as('bob').getQueues()).some((q) => q.name === 'intruder'), false);
  });

  test("a student never sees another student's messages in the extras: unacked, leases, events, failed", async () => {
    const alice = as('alice');
    assert.deepEqual((await alice.getUnacked()).map((d) => [d.vhost, d.queue, d.consumer_tag]), [['alice', 'alice-q', 'alice-worker']]);
    assert.deepEqual((await alice.getLeases()).map((d) => d.vhost), ['alice']);
    const events = await alice.getEvents();
    assert.ok(events.length > 0, 'alice has events of her own');
    assert.deepEqual([...new Set(events.map((e) => e.vhost))], ['alice']);
    const failed = await alice.getFailed();
    assert.deepEqual(failed.map((f) => [f.vhost, f.queue, f.items.map((i) => i.payload)]), [['alice', 'alice-q.failed', ['alice failed task']]]);
    assert.equal(JSON.stringify(await alice.getQueues()).includes('bob'), false);
  });

  test('changes need the right permission: configure to declare, as over AMQP', async () => {
    const dave = as('dave');
    assert.equal(await dave.declareQueue('alice', 'dave-q'), 'created');
    const err = await failure(dave.declareQueue('alice', 'other-q'));
    assert.deepEqual([err.status, err.reason], [401, 'Access refused.']);
    const getErr = await failure(dave.getMessages('alice', 'alice-q'));
    assert.equal(getErr.status, 401);
    assert.match(getErr.reason!, /ACCESS_REFUSED - access to queue 'alice-q' in vhost 'alice' refused for user 'dave'/);
  });

  test('a monitoring user sees every vhost but may change nothing without permissions', async () => {
    const mon = as('mon');
    assert.deepEqual([...new Set((await mon.getQueues()).map((q) => q.vhost))], ['alice', 'bob']);
    assert.equal((await mon.getConnections()).length, 2);
    const err = await failure(mon.purgeQueue('bob', 'bob-q'));
    assert.deepEqual([err.status, err.reason], [401, 'Access refused.']);
    assert.equal((await failure(mon.getMessages('alice', 'alice-q'))).status, 401);
  });

  test('users without a management tag, and administrator-only paths, are refused', async () => {
    const carol = await failure(as('carol').getOverview());
    assert.deepEqual([carol.status, carol.reason], [401, 'Not management user']);
    assert.match(carol.message, /management tag/);
    const res = await fetch(`${sim.managementUrl}/api/users`, { headers: { authorization: 'Basic ' + Buffer.from('alice:alice-pw').toString('base64') } });
    assert.deepEqual([res.status, await res.json()], [401, { error: 'not_authorised', reason: 'Not administrator user' }]);
  });

  test('guest logs in from this machine only, as over AMQP', async () => {
    const header = 'Basic ' + Buffer.from('guest:guest').toString('base64');
    assert.equal((await authenticate(sim.broker, header, true)).user.name, 'guest');
    await assert.rejects(authenticate(sim.broker, header, false), (e: unknown) => e instanceof HttpError && e.status === 401 && e.reason === 'Login failed');
  });

  test('guest, an administrator, sees both students', async () => {
    assert.equal((await failure(as('nobody').getOverview())).reason, 'Login failed');
    const guest = new ManagementClient({ url: sim.managementUrl!, username: 'guest', password: 'guest' });
    assert.deepEqual((await guest.getVhosts()).map((v) => v.name), ['/', 'alice', 'bob']);
    assert.equal((await guest.getUnacked()).length, 2);
  });
});
