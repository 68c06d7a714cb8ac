/**
 * rabbitmqadmin's administration — declare vhost, user, permission and vhost_limit, export and
 * import a vhost's definitions — against broker-sim and RabbitMQ alike, with the same assertions.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { forEachBroker, type BrokerUnderTest } from '../../../test/support/brokers.ts';
import { amqpUrl, api } from './admin-support.ts';
import { useRabbitmqadmin } from './rabbitmqadmin-support.ts';

forEachBroker('rabbitmqadmin: users, permissions, limits, export and import', (broker: BrokerUnderTest) => {
  const rmq = useRabbitmqadmin(() => broker.managementUrl!);
  const ok = rmq.ok;
  let vhost: string;
  let user: string;

  before(() => {
    vhost = broker.name('hadmin-rmqadmin');
    user = broker.name('hadmin-rmqadmin-user');
  });

  after(async () => {
    await api(broker)('DELETE', `/users/${encodeURIComponent(user)}`);
    await api(broker)('DELETE', `/vhosts/${encodeURIComponent(vhost)}`);
  });

  test('declare vhost, user and permission: the user logs in to the vhost', async (t) => {
    if (rmq.skip) return t.skip(rmq.skip);
    assert.match(await ok('declare', 'vhost', `name=${vhost}`), /vhost declared/);
    assert.match(await ok('declare', 'user', `name=${user}`, 'password=pw', 'tags=management'), /user declared/);
    assert.match(await ok('declare', 'permission', `vhost=${vhost}`, `user=${user}`, 'configure=.*', 'write=.*', 'read=^x'), /permission declared/);
    assert.match(await ok('list', 'users', 'name', 'tags'), new RegExp(`\\|\\s+${user.replace(/\./g, '\\.')}\\s+\\|\\s+management\\s+\\|`));
    assert.ok((await ok('list', 'permissions')).includes(user));
    const c = await amqp.connect(amqpUrl(broker, user, 'pw', vhost));
    await c.close();
  });

  test('declare vhost_limit: listed with the vhost', async (t) => {
    if (rmq.skip) return t.skip(rmq.skip);
    assert.match(await ok('declare', 'vhost_limit', `vhost=${vhost}`, 'name=max-queues', 'value=5'), /vhost_limit declared/);
    const [limits] = JSON.parse(await ok('-f', 'raw_json', 'list', 'vhost_limits')).filter((l: { vhost: string }) => l.vhost === vhost);
    assert.deepEqual(limits, { vhost, value: { 'max-queues': 5 } });
  });

  test("export a vhost's definitions to a file and import them back after deleting its queue and exchange", async (t) => {
    if (rmq.skip) return t.skip(rmq.skip);
    await ok('-V', vhost, 'declare', 'queue', 'name=jobs', 'durable=true', 'arguments={"x-max-length":7}');
    await ok('-V', vhost, 'declare', 'exchange', 'name=jobs-x', 'type=direct');
    await ok('-V', vhost, 'declare', 'binding', 'source=jobs-x', 'destination=jobs', 'routing_key=new');
    const file = join(tmpdir(), `${vhost}.json`);
    await ok('-V', vhost, 'export', file);
    const defs = JSON.parse(readFileSync(file, 'utf8'));
    t.after(() => rmSync(file, { force: true }));
    assert.deepEqual(defs.queues, [{ name: 'jobs', durable: true, auto_delete: false, arguments: { 'x-max-length': 7 } }]);
    await ok('-V', vhost, 'delete', 'queue', 'name=jobs');
    await ok('-V', vhost, 'delete', 'exchange', 'name=jobs-x');
    assert.doesNotMatch(await ok('-V', vhost, 'list', 'queues'), /jobs/);
    await ok('-V', vhost, 'import', file);
    assert.match(await ok('-V', vhost, 'list', 'queues'), /\|\s+jobs\s+\|/);
    assert.match(await ok('-V', vhost, 'list', 'bindings', 'source', 'destination', 'routing_key'), /\|\s+jobs-x\s+\|\s+jobs\s+\|\s+new\s+\|/);
  });
});
