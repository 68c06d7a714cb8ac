/**
 * The management API contract: the same client calls, with the same assertions on field names and
 * counts, against broker-sim and (with RABBITMQ_URL) RabbitMQ's management plugin.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConsumeMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import type { ManagementClient, QueueInfo } from '../../../tools/shared/management-client.ts';
import { channel, closeAll, collector, connect } from '../conformance/support/amqp.ts';
import { client, failure, missing, settled } from './support.ts';

const QUEUE_FIELDS = [
  'name', 'vhost', 'durable', 'auto_delete', 'exclusive', 'arguments', 'consumers', 'state', 'type', 'node', 'policy',
  'exclusive_consumer_tag', 'single_active_consumer_tag', 'messages', 'messages_details', 'messages_ready',
  'messages_ready_details', 'messages_unacknowledged', 'messages_unacknowledged_details', 'message_bytes',
  'message_bytes_ready', 'message_bytes_unacknowledged', 'message_stats', 'consumer_details',
];
const CONSUMER_FIELDS = ['ack_required', 'active', 'activity_status', 'arguments', 'channel_details', 'consumer_tag', 'exclusive', 'prefetch_count', 'queue'];
const CONNECTION_FIELDS = [
  'auth_mechanism', 'channel_max', 'channels', 'client_properties', 'connected_at', 'frame_max', 'host', 'name', 'node', 'peer_host',
  'peer_port', 'port', 'protocol', 'recv_oct', 'send_oct', 'ssl', 'state', 'timeout', 'type', 'user', 'vhost',
];
const CHANNEL_FIELDS = [
  'acks_uncommitted', 'confirm', 'connection_details', 'consumer_count', 'global_prefetch_count', 'messages_unacknowledged',
  'messages_uncommitted', 'messages_unconfirmed', 'name', 'node', 'number', 'prefetch_count', 'state', 'transactional', 'user', 'vhost',
];
const STATS = ['ack', 'deliver', 'deliver_get', 'deliver_no_ack', 'get', 'get_empty', 'get_no_ack', 'publish', 'redeliver'];
const STAT_FIELDS = STATS.flatMap((s) => [s, `${s}_details`]);

/** The counts a test checks, picked from a queue, so a failure shows them side by side. */
function counts(q: QueueInfo): Record<string, unknown> {
  const s = q.message_stats ?? {};
  return {
    messages: q.messages, ready: q.messages_ready, unacked: q.messages_unacknowledged, consumers: q.consumers,
    publish: s.publish, deliver: s.deliver, get: s.get, get_no_ack: s.get_no_ack, get_empty: s.get_empty, ack: s.ack,
    redeliver: s.redeliver, deliver_get: s.deliver_get,
  };
}

forEachBroker('management API', (broker) => {
  let api: ManagementClient;
  const queues: string[] = [];
  const exchanges: string[] = [];
  const queueName = (prefix: string): string => {
    const q = broker.name(prefix);
    queues.push(q);
    return q;
  };

  before(() => { api = client(broker); });
  after(async () => {
    await closeAll();
    for (const q of queues) await api.deleteQueue('/', q).catch(() => {});
    for (const x of exchanges) await api.deleteExchange('/', x).catch(() => {});
  });

  test('whoami names the user and its tags', async () => {
    assert.deepEqual(await api.whoami(), { name: 'guest', tags: ['administrator'] });
  });

  test('the overview has the fields a dashboard reads, and lists the AMQP port', async () => {
    const o = await api.getOverview();
    assert.deepEqual(missing(o, ['management_version', 'rabbitmq_version', 'cluster_name', 'node', 'object_totals', 'queue_totals', 'listeners', 'exchange_types']), []);
    assert.deepEqual(missing(o.object_totals, ['connections', 'channels', 'exchanges', 'queues', 'consumers']), []);
    assert.deepEqual(missing(o.queue_totals!, ['messages', 'messages_ready', 'messages_unacknowledged', 'messages_details']), []);
    const amqpPort = Number(new URL(broker.url).port);
    assert.ok(o.listeners!.some((l) => l.protocol === 'amqp' && l.port === amqpPort), JSON.stringify(o.listeners));
  });

  test('vhosts lists / with its message counts', async () => {
    const root = await settled('vhost / with counts', async () => (await api.getVhosts()).find((x) => x.name === '/'),
      (x) => x !== undefined && x.messages !== undefined);
    assert.deepEqual(missing(root!, ['name', 'tracing', 'messages', 'messages_ready', 'messages_unacknowledged']), []);
  });

  test('a queue shows the counts of what was published, delivered and acked, and its consumer', async () => {
    const conn = await connect(broker.url);
    const ch = await conn.createConfirmChannel();
    const q = queueName('mgmt-counts');
    await ch.assertQueue(q);
    for (let i = 1; i <= 5; i++) ch.sendToQueue(q, Buffer.from(`m${i}`));
    await ch.waitForConfirms();
    await ch.prefetch(2);
    const c = collector(3, 'three deliveries');
    let first: ConsumeMessage | undefined;
    const { consumerTag } = await ch.consume(q, (m) => {
      c.add(m!);
      if (!first) { first = m!; ch.ack(m!); }
    });
    await c.done;
    // Now: 5 published, 3 delivered, 1 acked; 2 unacked (prefetch 2), 2 ready.
    const info = await settled(`counts of ${q}`, () => api.getQueue('/', q), (x) => JSON.stringify(counts(x)) === JSON.stringify({
      messages: 4, ready: 2, unacked: 2, consumers: 1, publish: 5, deliver: 3, get: 0, get_no_ack: 0, get_empty: 0, ack: 1,
      redeliver: 0, deliver_get: 3,
    }));
    assert.deepEqual(missing(info, QUEUE_FIELDS), []);
    assert.deepEqual(missing(info.message_stats!, STAT_FIELDS), []);
    assert.equal(typeof info.message_stats!.publish_details!.rate, 'number');
    assert.equal(info.message_bytes, 8, 'four messages of two bytes');

    const consumer = (await api.getConsumers('/')).find((x) => x.consumer_tag === consumerTag);
    assert.ok(consumer, 'the consumer is listed');
    assert.deepEqual({ ack: consumer.ack_required, prefetch: consumer.prefetch_count, exclusive: consumer.exclusive, queue: consumer.queue },
      { ack: true, prefetch: 2, exclusive: false, queue: { name: q, vhost: '/' } });
    assert.deepEqual(info.consumer_details!.map((x) => x.consumer_tag), [consumerTag]);

    const connection = await settled('the connection with its channel', async () => (await api.getConnections()).find((x) => x.name === consumer.channel_details.connection_name),
      (x) => x !== undefined && x.channels === 1);
    assert.deepEqual(missing(consumer, CONSUMER_FIELDS), []);
    assert.deepEqual(missing(connection!, CONNECTION_FIELDS), []);
    const c2 = connection as unknown as Record<string, unknown>;
    assert.deepEqual([c2.user, c2.vhost, c2.auth_mechanism, c2.protocol, c2.channel_max, c2.frame_max, c2.timeout, c2.channels, c2.state],
      ['guest', '/', 'PLAIN', 'AMQP 0-9-1', 2047, 131072, 60, 1, 'running']);
    assert.equal(connection!.client_properties.product, 'amqplib');
    const chan = await settled('the channel with two unacked', async () => (await api.getChannels()).find((x) => x.name === consumer.channel_details.name),
      (x) => x !== undefined && x.messages_unacknowledged === 2);
    assert.deepEqual(missing(chan!, CHANNEL_FIELDS), []);
    assert.deepEqual({ consumers: chan!.consumer_count, prefetch: chan!.prefetch_count, confirm: chan!.confirm, number: chan!.number },
      { consumers: 1, prefetch: 2, confirm: true, number: consumer.channel_details.number });
  });

  test('a channel reports what its open transaction holds: publishes and acks not yet committed', async () => {
    const q = queueName('mgmt-tx');
    await api.declareQueue('/', q);
    await api.publish('/', '', q, 'to ack');
    const { ch: tx, conn } = await channel(broker.url);
    // amqplib has no tx API on its channel model: tx.select and tx.rollback through its rpc.
    const rpc = (id: number) => (tx as unknown as { rpc(m: number, f: object, e: number): Promise<unknown> }).rpc(id, {}, id + 1);
    await rpc((90 << 16) | 10);
    const m = await tx.get(q, { noAck: false });
    assert.ok(m, 'the message to ack');
    tx.ack(m);
    tx.sendToQueue(q, Buffer.from('held 1'));
    tx.sendToQueue(q, Buffer.from('held 2'));
    const port = (conn as unknown as { connection: { stream: { localPort: number } } }).connection.stream.localPort;
    const mine = (c: { connection_details: { peer_port: number } }): boolean => c.connection_details.peer_port === port;
    const held = await settled('the transaction\'s figures', async () => (await api.getChannels()).find(mine),
      (c) => c !== undefined && c.messages_uncommitted === 2 && c.acks_uncommitted === 1);
    assert.deepEqual([held!.transactional, held!.confirm, held!.messages_unconfirmed], [true, false, 0]);
    await rpc((90 << 16) | 30);
    await settled('the rolled-back figures', async () => (await api.getChannels()).find(mine),
      (c) => c !== undefined && c.messages_uncommitted === 0 && c.acks_uncommitted === 0);
  });

  test('a consumer shows its arguments, a queue its head message\'s timestamp', async () => {
    const q = queueName('mgmt-real');
    const { ch } = await channel(broker.url);
    await ch.assertQueue(q);
    const { consumerTag } = await ch.consume(q, () => {}, { arguments: { 'x-priority': 5 } });
    const consumer = await settled('the consumer', async () => (await api.getConsumers('/')).find((c) => c.consumer_tag === consumerTag),
      (c) => c !== undefined);
    assert.deepEqual(consumer!.arguments, { 'x-priority': 5 });
    await ch.cancel(consumerTag);
    assert.equal((await api.getQueue('/', q)).head_message_timestamp ?? null, null, 'no head message, no timestamp');
    await api.publish('/', '', q, 'stamped', { timestamp: 1_700_000_000 });
    await api.publish('/', '', q, 'later', { timestamp: 1_800_000_000 });
    await settled(`the head timestamp of ${q}`, () => api.getQueue('/', q), (x) => x.head_message_timestamp === 1_700_000_000);
  });

  test('get with ack_requeue_true peeks, ack_requeue_false takes (a no-ack get), reject_requeue_false drops', async () => {
    const { ch } = await channel(broker.url);
    const q = queueName('mgmt-get');
    await ch.assertQueue(q);
    for (const p of ['m1', 'm2', 'm3']) {
      assert.deepEqual(await api.publish('/', '', q, p, { delivery_mode: 2, headers: { n: 1 } }), { routed: true });
    }
    const [peeked] = await api.getMessages('/', q, { ackmode: 'ack_requeue_true' });
    assert.deepEqual(peeked, {
      payload: 'm1', payload_encoding: 'string', payload_bytes: 2, redelivered: false, exchange: '', routing_key: q,
      message_count: 2, properties: { delivery_mode: 2, headers: { n: 1 } },
    });
    const taken = await api.getMessages('/', q, { ackmode: 'ack_requeue_false' });
    assert.deepEqual(taken.map((m) => [m.payload, m.redelivered, m.message_count]), [['m1', true, 2]]);
    const dropped = await api.getMessages('/', q, { ackmode: 'reject_requeue_false' });
    assert.deepEqual(dropped.map((m) => [m.payload, m.redelivered, m.message_count]), [['m2', false, 1]]);
    const requeued = await api.getMessages('/', q, { count: 2, ackmode: 'reject_requeue_true' });
    assert.deepEqual(requeued.map((m) => [m.payload, m.message_count]), [['m3', 0]], 'one message for a count of two');
    assert.equal((await ch.checkQueue(q)).messageCount, 1, 'm3 is back');
    const expected = {
      messages: 1, ready: 1, unacked: 0, consumers: 0, publish: 3, deliver: 0, get: 3, get_no_ack: 1, get_empty: 0, ack: 0,
      redeliver: 1, deliver_get: 4,
    };
    const info = await settled(`counts of ${q}`, () => api.getQueue('/', q), (x) => JSON.stringify(counts(x)) === JSON.stringify(expected));
    assert.deepEqual(counts(info), expected);
  });

  test('publish through the API says whether the message was routed; binary payloads come back base64', async () => {
    const { ch } = await channel(broker.url);
    const q = queueName('mgmt-publish');
    await ch.assertQueue(q);
    assert.deepEqual(await api.publish('/', '', q, Buffer.from([0xff, 0x00, 0x41])), { routed: true });
    assert.deepEqual(await api.publish('/', '', broker.name('nowhere'), 'lost'), { routed: false });
    const err = await failure(api.publish('/', broker.name('no-such-exchange'), 'k', 'x'));
    assert.equal(err.status, 400);
    assert.match(err.reason!, /^404 NOT_FOUND - no exchange/);
    const [m] = await api.getMessages('/', q, { ackmode: 'ack_requeue_false' });
    assert.deepEqual([m!.payload, m!.payload_encoding, m!.payload_bytes, m!.properties], ['/wBB', 'base64', 3, []]);
  });

  test('publish through the API is refused by a full reject-publish queue, and by reply_to amq.rabbitmq.reply-to', async () => {
    const q = queueName('mgmt-reject');
    await api.declareQueue('/', q, { arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } });
    assert.deepEqual(await api.publish('/', '', q, 'fits'), { routed: true });
    const full = await failure(api.publish('/', '', q, 'refused'));
    assert.deepEqual([full.status, full.reason], [400, 'rejected Unable to publish message. Check queue limits.']);
    const noReplyConsumer = await failure(api.publish('/', '', q, 'ask', { reply_to: 'amq.rabbitmq.reply-to' }));
    assert.deepEqual([noReplyConsumer.status, noReplyConsumer.reason], [400, '406 PRECONDITION_FAILED - fast reply consumer does not exist']);
    const [kept] = await api.getMessages('/', q, { ackmode: 'ack_requeue_false' });
    assert.equal(kept!.payload, 'fits');
  });

  test('publish through the API reaches a direct reply-to consumer, which RabbitMQ counts as routed to no queue', async () => {
    const { ch } = await channel(broker.url);
    const q = queueName('mgmt-rpc');
    await ch.assertQueue(q);
    const replies: string[] = [];
    await ch.consume('amq.rabbitmq.reply-to', (m) => { if (m) replies.push(m.content.toString()); }, { noAck: true });
    ch.sendToQueue(q, Buffer.from('ask'), { replyTo: 'amq.rabbitmq.reply-to' });
    const request = await settled('the request', async () => (await api.getMessages('/', q, { ackmode: 'ack_requeue_false' }))[0],
      (m) => m !== undefined);
    const replyKey = (request!.properties as Record<string, unknown>).reply_to as string;
    assert.match(replyKey, /^amq\.rabbitmq\.reply-to\..+/);
    assert.deepEqual(await api.publish('/', '', replyKey, 'answer'), { routed: false });
    await settled('the reply', async () => replies, (r) => r.length > 0);
    assert.deepEqual(replies, ['answer']);
  });

  test('purge empties a queue; delete with if-empty refuses a full one, plain delete removes it', async () => {
    const q = queueName('mgmt-purge');
    assert.equal(await api.declareQueue('/', q), 'created');
    for (const p of ['a', 'b']) await api.publish('/', '', q, p);
    const { ch } = await channel(broker.url);
    assert.equal((await ch.checkQueue(q)).messageCount, 2);
    await api.purgeQueue('/', q);
    assert.equal((await ch.checkQueue(q)).messageCount, 0);
    await api.publish('/', '', q, 'c');
    const refused = await failure(api.deleteQueue('/', q, { ifEmpty: true }));
    assert.deepEqual([refused.status, refused.reason], [400, `queue '${q}' in vhost '/' not empty`]);
    await api.deleteQueue('/', q);
    assert.equal((await failure(api.getQueue('/', q))).status, 404);
    const { ch: again } = await channel(broker.url);
    await assert.rejects(again.checkQueue(q), /404/);
  });

  test('PUT declares a queue with durable and arguments; an equivalent PUT is 204, a different one 400', async () => {
    const q = queueName('mgmt-put');
    assert.equal(await api.declareQueue('/', q, { durable: true, arguments: { 'x-max-length': 10 } }), 'created');
    assert.equal(await api.declareQueue('/', q, { durable: true, arguments: { 'x-max-length': 10 } }), 'exists');
    const err = await failure(api.declareQueue('/', q, { durable: false }));
    assert.deepEqual([err.status, err.error, err.reason],
      [400, 'bad_request', `inequivalent arg 'durable' for queue '${q}' in vhost '/': received 'false' but current is 'true'`]);
    const info = await api.getQueue('/', q);
    assert.deepEqual({ durable: info.durable, auto_delete: info.auto_delete, exclusive: info.exclusive, arguments: info.arguments, type: info.type },
      { durable: true, auto_delete: false, exclusive: false, arguments: { 'x-max-length': 10 }, type: 'classic' });
    const { ch } = await channel(broker.url);
    assert.equal((await ch.checkQueue(q)).queue, q, 'AMQP clients see it');
  });

  test('bindings: the default one and those made through the API, keyed by properties_key', async () => {
    const x = broker.name('mgmt-topic');
    exchanges.push(x);
    const q = queueName('mgmt-bound');
    assert.equal(await api.declareExchange('/', x, 'topic'), 'created');
    assert.equal(await api.declareExchange('/', x, 'topic'), 'exists');
    await api.declareQueue('/', q);
    await api.bindQueue('/', x, q, 'a.#');
    await api.bindQueue('/', x, q, 'a.#', { k: 'v' });
    const bindings = await api.getQueueBindings('/', q);
    assert.deepEqual(bindings.map((b) => [b.source, b.destination, b.destination_type, b.routing_key, b.arguments]), [
      ['', q, 'queue', q, {}], [x, q, 'queue', 'a.#', {}], [x, q, 'queue', 'a.#', { k: 'v' }],
    ]);
    assert.equal(bindings[0]!.properties_key, q);
    assert.equal(bindings[1]!.properties_key, 'a.%23');
    assert.match(bindings[2]!.properties_key, /^a\.%23~\S+$/);
    assert.deepEqual(await api.publish('/', x, 'a.b', 'hit'), { routed: true });
    assert.deepEqual(await api.publish('/', x, 'b.a', 'miss'), { routed: false });
    await api.unbindQueue('/', x, q, bindings[2]!.properties_key);
    assert.deepEqual((await api.getQueueBindings('/', q)).map((b) => b.properties_key), [q, 'a.%23']);
    assert.ok((await api.getBindings('/')).some((b) => b.source === x && b.destination === q));
    const info = await api.getExchange('/', x);
    assert.deepEqual({ type: info.type, durable: info.durable, internal: info.internal }, { type: 'topic', durable: false, internal: false });
  });

  test('an exchange bound to an exchange routes through it', async () => {
    const front = broker.name('mgmt-front');
    const back = broker.name('mgmt-back');
    exchanges.push(front, back);
    const q = queueName('mgmt-behind');
    await api.declareExchange('/', front, 'fanout');
    await api.declareExchange('/', back, 'direct', { durable: true });
    await api.declareQueue('/', q);
    await api.bindExchange('/', front, back);
    await api.bindQueue('/', back, q, 'k');
    assert.deepEqual(await api.publish('/', front, 'k', 'through'), { routed: true });
    assert.deepEqual(await api.publish('/', front, 'other', 'nowhere'), { routed: false });
    const toBack = (await api.getBindings('/')).filter((b) => b.source === front);
    assert.deepEqual(toBack.map((b) => [b.destination, b.destination_type, b.properties_key]), [[back, 'exchange', '~']]);
    assert.equal((await api.getExchange('/', back)).durable, true);
    assert.equal((await api.getExchange('/', '')).type, 'direct', 'the default exchange is amq.default in URLs');
  });

  test("errors are RabbitMQ's: a missing queue is 404, a wrong password 401", async () => {
    const notFound = await failure(api.getQueue('/', broker.name('missing')));
    assert.deepEqual([notFound.status, notFound.error, notFound.reason], [404, 'Object Not Found', 'Not Found']);
    const badLogin = await failure(client(broker, 'guest', 'wrong').getOverview());
    assert.deepEqual([badLogin.status, badLogin.error, badLogin.reason], [401, 'not_authorized', 'Login failed']);
    assert.match(badLogin.message, /check the username and password/);
  });
});
