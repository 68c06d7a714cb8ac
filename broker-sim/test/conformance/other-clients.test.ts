/**
 * broker-sim is driven by clients other than amqplib: amqp-tools' C client (librabbitmq) and
 * Python's pika, when installed (Debian: apt-get install amqp-tools python3-pika). A missing client
 * is skipped with the reason printed.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { GetMessage } from 'amqplib';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { channel, closeAll, eventually } from './support/amqp.ts';
import { runClient as run } from './support/run-client.ts';

const PYTHON = '/usr/bin/python3';
const hasAmqpTools = existsSync('/usr/bin/amqp-publish') && existsSync('/usr/bin/amqp-get');
const hasPika = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pika'], { encoding: 'utf8' }).status === 0;

const PIKA_SCRIPT = `
import sys, pika
params = pika.URLParameters(sys.argv[1])
conn = pika.BlockingConnection(params)
ch = conn.channel()
ch.queue_declare(queue=sys.argv[2], auto_delete=False)
ch.confirm_delivery()
ch.basic_publish(exchange='', routing_key=sys.argv[2], body=b'from pika',
                 properties=pika.BasicProperties(delivery_mode=2, headers={'lang': 'python'}))
method, props, body = ch.basic_get(queue=sys.argv[3], auto_ack=False)
print(body.decode() if body else 'EMPTY')
ch.basic_ack(method.delivery_tag)
conn.close()
`;

forEachBroker('other AMQP clients', (broker) => {
  after(closeAll);

  test('amqp-tools (librabbitmq) publishes and gets what amqplib reads and wrote', async (t) => {
    if (!hasAmqpTools) { t.skip('amqp-tools is not installed (apt-get install amqp-tools)'); return; }
    const { ch } = await channel(broker.url);
    const q = broker.name('c-client');
    await ch.assertQueue(q);
    const pub = await run('/usr/bin/amqp-publish', ['--url', broker.url, '-r', q, '-b', 'from librabbitmq', '-H', 'tool: amqp-publish']);
    assert.equal(pub.status, 0, pub.stderr);
    const m = (await eventually('the message', () => ch.get(q, { noAck: true }), (r) => r !== false)) as GetMessage;
    assert.equal(m.content.toString(), 'from librabbitmq');
    assert.equal(String(m.properties.headers?.tool), 'amqp-publish');
    ch.sendToQueue(q, Buffer.from('from amqplib'));
    await eventually('the reply', () => ch.checkQueue(q), (r) => r.messageCount === 1);
    const get = await run('/usr/bin/amqp-get', ['--url', broker.url, '-q', q]);
    assert.equal(get.status, 0, get.stderr);
    assert.equal(get.stdout.trim(), 'from amqplib');
    await ch.deleteQueue(q);
  });

  test('pika publishes with confirms and gets with acks, interoperating with amqplib', async (t) => {
    if (!hasPika) { t.skip(`pika is not installed for ${PYTHON} (apt-get install python3-pika)`); return; }
    const { ch } = await channel(broker.url);
    const fromPika = broker.name('pika-out');
    const toPika = broker.name('pika-in');
    await ch.assertQueue(toPika);
    ch.sendToQueue(toPika, Buffer.from('from amqplib'));
    await eventually('a message for pika', () => ch.checkQueue(toPika), (r) => r.messageCount === 1);
    const py = await run(PYTHON, ['-c', PIKA_SCRIPT, broker.url, fromPika, toPika]);
    assert.equal(py.status, 0, py.stderr);
    assert.equal(py.stdout.trim(), 'from amqplib');
    const m = (await eventually('pika\'s message', () => ch.get(fromPika, { noAck: true }), (r) => r !== false)) as GetMessage;
    assert.equal(m.content.toString(), 'from pika');
    assert.equal(m.properties.deliveryMode, 2);
    assert.equal(String(m.properties.headers?.lang), 'python');
    assert.equal((await ch.checkQueue(toPika)).messageCount, 0, 'pika acked what it got');
    await ch.deleteQueue(fromPika);
    await ch.deleteQueue(toPika);
  });
});
