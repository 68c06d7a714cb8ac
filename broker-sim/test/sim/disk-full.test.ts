/**
 * When the database cannot be written (here: the size limit of --max-db-size, SQLite's "database or
 * disk is full"), broker-sim accepts nothing it could lose: confirms wait, publishers get
 * connection.blocked at their next publish and are not read; when consumers make room it carries on. Every confirmed
 * message arrives.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPrivateSim } from '../../../test/support/brokers.ts';
import { ManagementClient } from '../../../tools/shared/management-client.ts';
import { closeAll, connect, eventually, within } from '../conformance/support/amqp.ts';

after(closeAll);

test('a full database blocks publishers until consumers make room, and loses no confirmed message', async () => {
  const logs: string[] = [];
  const sim = await startPrivateSim({ maxDbBytes: 512 * 1024, log: (l: string) => logs.push(l) });
  try {
    const pubConn = await connect(sim.url);
    const events: string[] = [];
    pubConn.on('blocked', (reason: string) => events.push(`blocked: ${reason}`));
    pubConn.on('unblocked', () => events.push('unblocked'));
    const pub = await pubConn.createConfirmChannel();
    await pub.assertQueue('big', { durable: true });
    const confirmed = new Set<number>();
    const body = Buffer.alloc(16 * 1024, 'x');
    let total = 0;
    const send = (): void => {
      const i = total++;
      pub.sendToQueue('big', Buffer.concat([Buffer.from(`${i}:`), body]), { persistent: true }, (err) => { if (!err) confirmed.add(i); });
    };
    while (total < 80) send(); // ~1.3 MB: far more than the database may hold
    // As RabbitMQ, a publisher is blocked at its first publish while the alarm is in effect.
    await eventually('the publisher to be blocked', async () => { if (events.length === 0) send(); return events.length; }, (n) => n >= 1, 10_000);
    assert.match(events[0]!, /^blocked: the database cannot be written \(database or disk is full\)/);
    assert.ok(confirmed.size < total, `only what fits is confirmed (${confirmed.size} of ${total})`);
    assert.ok(logs.some((l) => /store: commit failed, publishers blocked/.test(l)), 'the log says why');
    const api = new ManagementClient({ url: sim.managementUrl! });
    const states = async () => (await api.getConnections()).map((c) => c.state).sort();
    assert.deepEqual(await states(), ['blocked'], 'the management API reports the publisher blocked');

    const consConn = await connect(sim.url);
    const cons = await consConn.createChannel();
    await cons.prefetch(10);
    const received = new Set<number>();
    await cons.consume('big', (m) => {
      if (!m) return;
      received.add(Number(m.content.toString('utf8', 0, 8).split(':')[0]));
      cons.ack(m);
    });
    await eventually('every message to be confirmed', async () => confirmed.size, (n) => n === total, 20_000);
    await eventually('every message to arrive', async () => received.size, (n) => n === total, 20_000);
    assert.ok(events.includes('unblocked'), `publishers were unblocked: ${events.join(', ')}`);
    assert.deepEqual(await states(), ['running', 'running']);
    for (const i of confirmed) assert.ok(received.has(i), `confirmed message ${i} arrived`);
    await within(5000, 'the publisher to wait for its confirms', pub.waitForConfirms());
  } finally {
    await sim.close();
  }
});
