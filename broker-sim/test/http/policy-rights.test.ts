/**
 * Who may list, show, set and clear policies — RabbitMQ 3.10's rules, measured on it: any
 * management user lists the policies of the vhosts they have permissions on; showing, setting and
 * clearing one needs the tag policymaker (and permissions on the vhost) or administrator (who needs
 * no permissions there). The users are made on broker-sim directly, so this runs on broker-sim only.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBrokerSim, type BrokerSim } from '../../src/index.ts';
import { ManagementClient } from '../../../tools/shared/management-client.ts';
import { failure } from './support.ts';

describe('management API: rights on policies', () => {
  let sim: BrokerSim;
  const as = (user: string): ManagementClient => new ManagementClient({ url: sim.managementUrl!, username: user, password: 'pw' });
  const definition = { 'max-length': 1 };

  before(async () => {
    sim = await startBrokerSim({ port: 0, httpPort: 0 });
    const b = sim.broker;
    b.addVhost('class');
    b.addVhost('other');
    for (const [user, tags, vhost] of [['pm', 'policymaker', 'class'], ['mg', 'management', 'class'], ['pm2', 'policymaker', undefined],
      ['admin', 'administrator', undefined]] as const) {
      b.addUser(user, 'pw', tags);
      if (vhost) b.setPermission({ user, vhost, configure: '.*', write: '.*', read: '.*' });
    }
    await as('admin').setPolicy('class', 'limit', { pattern: '^x', definition });
    await as('admin').setPolicy('other', 'elsewhere', { pattern: '^x', definition });
  });

  after(async () => { await sim.close(); });

  test('a policymaker with permissions on the vhost shows, sets and clears its policies, and lists only those', async () => {
    const pm = as('pm');
    assert.deepEqual((await pm.getPolicies()).map((p) => `${p.vhost}/${p.name}`), ['class/limit']);
    assert.equal((await pm.getPolicy('class', 'limit')).pattern, '^x');
    assert.equal(await pm.setPolicy('class', 'mine', { pattern: '^y', definition }), 'created');
    await pm.deletePolicy('class', 'mine');
    const elsewhere = await failure(pm.setPolicy('other', 'mine', { pattern: '^y', definition }));
    assert.deepEqual([elsewhere.status, elsewhere.reason], [401, 'User not authorised to access object']);
    const list = await failure(pm.getPolicies('other'));
    assert.deepEqual([list.status, list.reason], [401, 'User not authorised to access virtual host']);
  });

  test('a management user lists policies but may not show, set or clear one; a policymaker without permissions sees none', async () => {
    const mg = as('mg');
    assert.deepEqual((await mg.getPolicies('class')).map((p) => p.name), ['limit']);
    for (const call of [() => mg.getPolicy('class', 'limit'), () => mg.setPolicy('class', 'p', { pattern: 'y', definition }),
      () => mg.deletePolicy('class', 'limit')]) {
      const err = await failure(call());
      assert.deepEqual([err.status, err.reason], [401, 'User not authorised to access object']);
    }
    assert.deepEqual(await as('pm2').getPolicies(), []);
  });

  test('an administrator needs no permissions on the vhost', async () => {
    const admin = as('admin');
    assert.deepEqual((await admin.getPolicies()).map((p) => `${p.vhost}/${p.name}`), ['class/limit', 'other/elsewhere']);
    assert.equal(await admin.setPolicy('other', 'elsewhere', { pattern: '^z', definition }), 'updated');
    await admin.deletePolicy('other', 'elsewhere');
  });
});
