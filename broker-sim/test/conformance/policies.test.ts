/**
 * Policies through the management API (/api/policies…), as RabbitMQ 3.10 keeps and applies them:
 * the JSON and status codes, its validation texts, the highest priority winning alone, apply-to,
 * queue arguments against policy values (the lower wins for limits and TTLs, the argument for
 * dead-lettering and a classic queue's overflow), alternate exchanges by policy, and changes that
 * reach existing queues at once. Each policy's pattern matches only this run's names, and every
 * policy is removed after. Same assertions on both brokers.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Channel, GetMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import type { ManagementClient } from '../../../tools/shared/management-client.ts';
import { client, failure, settled } from '../http/support.ts';
import { body, channel, closeAll, connect, eventually, getOne } from './support/amqp.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

forEachBroker('policies', (broker) => {
  const made: string[] = [];
  after(async () => {
    const api = client(broker);
    for (const name of made) await api.deletePolicy('/', name).catch(() => {});
    await closeAll();
  });

  /** A policy on "/" whose pattern matches names starting with `prefix` only; removed after the tests. */
  async function policy(api: ManagementClient, prefix: string, definition: Record<string, unknown>,
    more: { priority?: number; 'apply-to'?: 'queues' | 'exchanges' | 'all' } = {}): Promise<string> {
    const name = broker.name('pol');
    made.push(name);
    await api.setPolicy('/', name, { pattern: `^${esc(prefix)}`, definition, ...more });
    return name;
  }

  const count = async (ch: Channel, q: string) => (await ch.checkQueue(q)).messageCount;

  /**
   * Publishes probes until one reaches `q`: a policy reaches RabbitMQ's queues and exchanges a
   * moment after the API answered. The probes are purged from `q` after.
   */
  async function untilInEffect(ch: Channel, what: string, publish: () => void, q: string): Promise<void> {
    await eventually(what, async () => { publish(); return count(ch, q); }, (n) => n > 0, 10_000);
    await ch.purgeQueue(q);
  }

  test('PUT creates (201) and replaces (204); GET shows RabbitMQ\'s JSON; DELETE removes (204), then 404', async () => {
    const api = client(broker);
    const name = broker.name('pol');
    made.push(name);
    assert.equal(await api.setPolicy('/', name, { pattern: '^nothing-here$', definition: { 'max-length': 5 } }), 'created');
    assert.deepEqual(await api.getPolicy('/', name),
      { vhost: '/', name, pattern: '^nothing-here$', 'apply-to': 'all', definition: { 'max-length': 5 }, priority: 0 });
    assert.equal(await api.setPolicy('/', name, { pattern: '^nothing-here$', definition: { expires: 1000 }, priority: 2, 'apply-to': 'queues' }), 'updated');
    const shown = { vhost: '/', name, pattern: '^nothing-here$', 'apply-to': 'queues', definition: { expires: 1000 }, priority: 2 };
    assert.deepEqual((await api.getPolicies('/')).find((p) => p.name === name), shown);
    assert.deepEqual((await api.getPolicies()).find((p) => p.name === name), shown);
    await api.deletePolicy('/', name);
    assert.equal((await failure(api.getPolicy('/', name))).status, 404);
    assert.equal((await failure(api.deletePolicy('/', name))).status, 404);
    const noVhost = await failure(api.setPolicy(broker.name('no-vhost'), 'p', { pattern: 'x', definition: { 'max-length': 1 } }));
    assert.deepEqual([noVhost.status, noVhost.error, noVhost.reason], [404, 'not_found', 'vhost_not_found']);
  });

  test('a bad policy is 400 with RabbitMQ\'s reason', async () => {
    const api = client(broker);
    const bad: [Record<string, unknown>, string][] = [
      [{ definition: { 'max-length': 1 } }, '[{key_missing,pattern}]'],
      [{ pattern: 'x' }, '[{key_missing,definition}]'],
      [{ pattern: 'x', definition: {} }, 'no policy provided'],
      [{ pattern: 'x', definition: { 'max-length': 'a' } }, '&lt;&lt;"a"&gt;&gt; is not a valid maximum length'],
      [{ pattern: 'x', definition: { 'max-length': -1 } }, '-1 is not a valid maximum length'],
      [{ pattern: 'x', definition: { 'max-length-bytes': 'a' } }, '&lt;&lt;"a"&gt;&gt; is not a valid maximum length in bytes'],
      [{ pattern: 'x', definition: { 'message-ttl': 1.5 } }, '1.5 is not a valid message TTL'],
      [{ pattern: 'x', definition: { expires: 0 } }, '0 is not a valid queue expiry'],
      [{ pattern: 'x', definition: { overflow: 'bad' } }, '&lt;&lt;"bad"&gt;&gt; is not a valid overflow value'],
      [{ pattern: 'x', definition: { 'dead-letter-exchange': 5 } }, '5 is not a valid dead letter exchange name'],
      [{ pattern: 'x', definition: { 'dead-letter-routing-key': 5 } }, '5 is not a valid dead letter routing key'],
      [{ pattern: 'x', definition: { 'delivery-limit': -1 } }, '-1 is not a valid delivery limit'],
      [{ pattern: 'x', definition: { 'alternate-exchange': 1 } }, '1 is not a valid alternate exchange name'],
      [{ pattern: 'x', definition: { 'max-length': 1, foo: 2, bar: 'b' } },
        '[{&lt;&lt;"bar"&gt;&gt;,&lt;&lt;"b"&gt;&gt;},{&lt;&lt;"foo"&gt;&gt;,2}] are not recognised policy settings'],
      [{ pattern: 'x', definition: { 'max-length': 1 }, 'apply-to': 'foo' }, "apply-to 'foo' unrecognised; should be 'queues', 'exchanges' or 'all'"],
      [{ pattern: 'x', definition: { 'max-length': 1 }, priority: '5' }, 'priority should be a number, actually was &lt;&lt;"5"&gt;&gt;'],
    ];
    for (const [policyBody, reason] of bad) {
      const name = broker.name('pol-bad');
      const err = await failure(api.setPolicy('/', name, policyBody as never));
      const want = reason.startsWith('[{key_missing') ? reason : `Validation failed\n\n${reason}\n`;
      assert.deepEqual([err.status, err.error, err.reason], [400, 'bad_request', want], JSON.stringify(policyBody));
    }
  });

  test('a policy applies to existing queues at once; with an x-max-length too, the lower limit wins; removed, it stops', async () => {
    const api = client(broker);
    const { ch } = await channel(broker.url);
    const prefix = broker.name('pol-len');
    const [plain, longer, shorter] = [`${prefix}.plain`, `${prefix}.longer`, `${prefix}.shorter`];
    await ch.assertQueue(plain, { durable: false });
    await ch.assertQueue(longer, { durable: false, arguments: { 'x-max-length': 4 } });
    await ch.assertQueue(shorter, { durable: false, arguments: { 'x-max-length': 1 } });
    for (const q of [plain, longer, shorter]) for (let i = 1; i <= 6; i++) ch.sendToQueue(q, Buffer.from(`m${i}`));
    await eventually('the queues filled', async () => [await count(ch, plain), await count(ch, longer), await count(ch, shorter)],
      (c) => c.join() === '6,4,1');
    const name = await policy(api, prefix, { 'max-length': 3 });
    await eventually('the policy\'s limit applied', async () => [await count(ch, plain), await count(ch, longer), await count(ch, shorter)],
      (c) => c.join() === '3,3,1');
    assert.equal(body((await getOne(ch, plain))), 'm4', 'drop-head dropped the oldest');
    const shown = await settled('the queue showing its policy', () => api.getQueue('/', longer), (q) => q.policy === name);
    assert.deepEqual(shown.effective_policy_definition, { 'max-length': 3 });
    await api.deletePolicy('/', name);
    // Under the policy each publish leaves 3; once it is gone from the queue, the queue's own 4.
    await eventually('back to its own x-max-length', async () => {
      ch.sendToQueue(longer, Buffer.from('more'));
      return count(ch, longer);
    }, (n) => n === 4, 10_000);
    for (const q of [plain, longer, shorter]) await ch.deleteQueue(q);
  });

  test('of two matching policies the higher priority is in effect alone; apply-to exchanges leaves queues alone', async () => {
    const api = client(broker);
    const { ch } = await channel(broker.url);
    const prefix = broker.name('pol-prio');
    const q = `${prefix}.q`;
    await policy(api, prefix, { 'max-length': 1, 'message-ttl': 60000 }, { priority: 1 });
    const high = await policy(api, prefix, { 'max-length': 2 }, { priority: 5 });
    await policy(api, prefix, { 'max-length': 0 }, { priority: 9, 'apply-to': 'exchanges' });
    await ch.assertQueue(q, { durable: false });
    for (let i = 1; i <= 4; i++) ch.sendToQueue(q, Buffer.from(`m${i}`));
    await eventually('two kept', () => count(ch, q), (n) => n === 2);
    const shown = await settled('the queue showing the winner', () => api.getQueue('/', q), (x) => x.policy === high);
    assert.deepEqual(shown.effective_policy_definition, { 'max-length': 2 });
    await api.deletePolicy('/', high);
    await eventually('the lower one takes over', () => count(ch, q), (n) => n === 1);
    await ch.deleteQueue(q);
  });

  test('dead-lettering and TTL by policy; the queue\'s own x-dead-letter-exchange wins over the policy\'s', async () => {
    const api = client(broker);
    const { ch } = await channel(broker.url);
    const prefix = broker.name('pol-dlx');
    const [byPolicy, byArg, dlqPolicy, dlqArg] = [`${prefix}.a`, `${prefix}.b`, broker.name('pol-dlq-p'), broker.name('pol-dlq-a')];
    const [dlxPolicy, dlxArg] = [broker.name('pol-dlx-p'), broker.name('pol-dlx-a')];
    for (const [x, dlq] of [[dlxPolicy, dlqPolicy], [dlxArg, dlqArg]] as const) {
      await ch.assertExchange(x, 'fanout', { durable: false });
      await ch.assertQueue(dlq, { durable: false });
      await ch.bindQueue(dlq, x, '');
    }
    await ch.assertQueue(byPolicy, { durable: false });
    await ch.assertQueue(byArg, { durable: false, arguments: { 'x-dead-letter-exchange': dlxArg } });
    await policy(api, prefix, { 'message-ttl': 50, 'dead-letter-exchange': dlxPolicy });
    // A message's TTL is fixed as it arrives: probes until the policy is on both queues.
    await untilInEffect(ch, 'the policy on the first queue', () => ch.sendToQueue(byPolicy, Buffer.from('probe')), dlqPolicy);
    await untilInEffect(ch, 'the policy on the second queue', () => ch.sendToQueue(byArg, Buffer.from('probe')), dlqArg);
    ch.sendToQueue(byArg, Buffer.from('to the argument\'s'));
    // Late probes may come first; the message itself must reach the argument's dead-letter queue.
    let m: GetMessage | false = false;
    await eventually('the message in the argument\'s dead-letter queue', async () => {
      m = await ch.get(dlqArg, { noAck: true });
      return m && body(m);
    }, (b) => b === 'to the argument\'s', 10_000);
    assert.ok(m);
    const death = (m as GetMessage).properties.headers?.['x-death']?.[0];
    assert.equal(death?.reason, 'expired');
    assert.equal(death?.queue, byArg);
    for (const q of [byPolicy, byArg, dlqPolicy, dlqArg]) await ch.deleteQueue(q);
    for (const x of [dlxPolicy, dlxArg]) await ch.deleteExchange(x);
  });

  test('an alternate exchange by policy; the exchange\'s own argument wins; the exchange JSON names its policy', async () => {
    const api = client(broker);
    const { ch } = await channel(broker.url);
    const prefix = broker.name('pol-ae');
    const [x, xArg, aePolicy, aeArg] = [`${prefix}.x`, `${prefix}.xa`, broker.name('pol-ae-p'), broker.name('pol-ae-a')];
    const [qPolicy, qArg] = [broker.name('pol-aeq-p'), broker.name('pol-aeq-a')];
    for (const [ae, q] of [[aePolicy, qPolicy], [aeArg, qArg]] as const) {
      await ch.assertExchange(ae, 'fanout', { durable: false });
      await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(q, ae, '');
    }
    await ch.assertExchange(x, 'direct', { durable: false });
    await ch.assertExchange(xArg, 'direct', { durable: false, arguments: { 'alternate-exchange': aeArg } });
    const name = await policy(api, prefix, { 'alternate-exchange': aePolicy }, { 'apply-to': 'exchanges' });
    await untilInEffect(ch, 'the policy on the exchange', () => ch.publish(x, 'nowhere', Buffer.from('probe')), qPolicy);
    ch.publish(xArg, 'nowhere', Buffer.from('by argument'));
    assert.equal(body(await getOne(ch, qArg)), 'by argument');
    assert.equal(await count(ch, qPolicy), 0);
    assert.equal((await api.getExchange('/', x)).policy, name);
    assert.equal((await api.getExchange('/', aePolicy)).policy, undefined);
    for (const q of [qPolicy, qArg]) await ch.deleteQueue(q);
    for (const e of [x, xArg, aePolicy, aeArg]) await ch.deleteExchange(e);
  });

  test('overflow: a classic queue\'s own x-overflow wins over the policy\'s', async () => {
    const api = client(broker);
    const conn = await connect(broker.url);
    const ch = await conn.createConfirmChannel();
    const prefix = broker.name('pol-ovf');
    const q = `${prefix}.q`;
    await ch.assertQueue(q, { durable: false, arguments: { 'x-overflow': 'reject-publish' } });
    await policy(api, prefix, { 'max-length': 1, overflow: 'drop-head' });
    const confirm = (text: string) => new Promise<boolean>((resolve) => ch.sendToQueue(q, Buffer.from(text), {}, (err) => resolve(!err)));
    await eventually('the policy\'s limit on the queue', async () => {
      await ch.purgeQueue(q);
      return [await confirm('first'), await confirm('second')];
    }, (r) => r.join() === 'true,false', 10_000);
    assert.equal(body(await getOne(ch, q)), 'first', 'reject-publish kept the first');
    await ch.deleteQueue(q);
  });

  test('a quorum queue: the policy\'s overflow wins over x-overflow, and a policy sets its delivery limit', async () => {
    const api = client(broker);
    const conn = await connect(broker.url);
    const ch = await conn.createConfirmChannel();
    const prefix = broker.name('pol-qq');
    const [q, limited] = [`${prefix}.q`, `${prefix}.limited`];
    await ch.assertQueue(q, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-overflow': 'reject-publish' } });
    await ch.assertQueue(limited, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await policy(api, prefix, { 'max-length': 1, overflow: 'drop-head', 'delivery-limit': 0 });
    const confirm = (text: string) => new Promise<boolean>((resolve) => ch.sendToQueue(q, Buffer.from(text), {}, (err) => resolve(!err)));
    await eventually('the policy\'s limit on the queue', async () => {
      await ch.purgeQueue(q);
      const confirmed = [await confirm('first'), await confirm('second')];
      return [...confirmed, await count(ch, q)];
    }, (r) => r.join() === 'true,true,1', 10_000);
    assert.equal(body(await getOne(ch, q)), 'second', 'drop-head made room for the second');
    // Delivery limit 0: a message given back once is dropped (no dead-letter exchange), not redelivered.
    ch.sendToQueue(limited, Buffer.from('once'));
    await ch.waitForConfirms();
    const m = await getOne(ch, limited);
    ch.nack(m, false, true);
    ch.sendToQueue(limited, Buffer.from('after'));
    await ch.waitForConfirms();
    assert.equal(body(await getOne(ch, limited)), 'after', 'the message given back is gone');
    assert.equal(await count(ch, limited), 0);
    for (const x of [q, limited]) await ch.deleteQueue(x);
  });
});
