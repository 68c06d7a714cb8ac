/**
 * RabbitMQ's own command-line admin tool, rabbitmqadmin, pointed at broker-sim: it lists, declares,
 * publishes, gets, purges and deletes (rabbitmqadmin-support.ts fetches it; without it the tests are skipped).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { startBrokerSim, type BrokerSim } from '../../src/index.ts';
import { useRabbitmqadmin } from './rabbitmqadmin-support.ts';

describe('rabbitmqadmin against broker-sim', () => {
  let sim: BrokerSim;
  const rmq = useRabbitmqadmin(() => sim.managementUrl!);
  const ok = (args: string[]): Promise<string> => rmq.ok(...args);
  const admin = (args: string[], password = 'guest') => rmq.run(args, password);

  before(async () => { sim = await startBrokerSim({ port: 0, httpPort: 0 }); });
  after(() => sim.close());

  test('declare, list, publish and get a queue', async (t) => {
    if (rmq.skip) return t.skip(rmq.skip);
    assert.match(await ok(['declare', 'queue', 'name=tasks', 'durable=false']), /queue declared/);
    assert.match(await ok(['list', 'queues']), /\|\s+tasks\s+\|\s+0\s+\|/);
    assert.match(await ok(['publish', 'routing_key=tasks', 'payload=hello from rabbitmqadmin']), /Message published\n/);
    assert.match(await ok(['publish', 'routing_key=nowhere', 'payload=lost']), /Message published but NOT routed/);
    assert.match(await ok(['list', 'queues']), /\|\s+tasks\s+\|\s+1\s+\|/);
    const table = await ok(['get', 'queue=tasks']);
    assert.match(table, /hello from rabbitmqadmin/);
    const [m] = JSON.parse(await ok(['-f', 'raw_json', 'get', 'queue=tasks', 'ackmode=ack_requeue_false'])) as { payload: string; redelivered: boolean }[];
    assert.deepEqual([m!.payload, m!.redelivered], ['hello from rabbitmqadmin', true], 'the first get requeued it');
    assert.match(await ok(['list', 'queues', 'name', 'messages']), /\|\s+tasks\s+\|\s+0\s+\|/);
  });

  test('exchanges, bindings, the overview and vhosts', async (t) => {
    if (rmq.skip) return t.skip(rmq.skip);
    await ok(['declare', 'queue', 'name=logs-q', 'durable=true']);
    assert.match(await ok(['declare', 'exchange', 'name=logs', 'type=fanout']), /exchange declared/);
    assert.match(await ok(['declare', 'binding', 'source=logs', 'destination=logs-q']), /binding declared/);
    assert.match(await ok(['list', 'exchanges']), /\|\s+logs\s+\|\s+fanout\s+\|/);
    assert.match(await ok(['list', 'bindings']), /\|\s+logs\s+\|\s+logs-q\s+\|/);
    await ok(['publish', 'exchange=logs', 'routing_key=', 'payload=to everyone']);
    assert.match(await ok(['show', 'overview']), /\|\s+3\.10\.8\s+\|\s+broker-sim\s+\|\s+1\s+\|/);
    assert.match(await ok(['list', 'vhosts']), /\|\s+\/\s+\|\s+1\s+\|/);
    assert.match(await ok(['delete', 'binding', 'source=logs', 'destination_type=queue', 'destination=logs-q', 'properties_key=~']), /binding deleted/);
    assert.doesNotMatch(await ok(['list', 'bindings']), /\|\s+logs\s+\|/);
  });

  test('purge and delete a queue', async (t) => {
    if (rmq.skip) return t.skip(rmq.skip);
    assert.match(await ok(['list', 'queues']), /logs-q\s+\|\s+1\s+\|/);
    assert.match(await ok(['purge', 'queue', 'name=logs-q']), /queue purged/);
    assert.match(await ok(['list', 'queues']), /logs-q\s+\|\s+0\s+\|/);
    assert.match(await ok(['delete', 'queue', 'name=logs-q']), /queue deleted/);
    assert.doesNotMatch(await ok(['list', 'queues']), /logs-q/);
  });

  test('a wrong password is refused', async (t) => {
    if (rmq.skip) return t.skip(rmq.skip);
    const r = await admin(['list', 'queues'], 'wrong');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Access refused/);
  });

  test("export the whole broker and import it into another broker-sim: users log in there with their passwords", async (t) => {
    if (rmq.skip) return t.skip(rmq.skip);
    await ok(['declare', 'vhost', 'name=class']);
    await ok(['declare', 'user', 'name=ann', 'password=ann-pw', 'tags=management']);
    await ok(['declare', 'permission', 'vhost=class', 'user=ann', 'configure=.*', 'write=.*', 'read=.*']);
    await ok(['-V', 'class', 'declare', 'queue', 'name=homework', 'durable=true']);
    const file = join(tmpdir(), `queuelab-export-${process.pid}.json`);
    t.after(() => rmSync(file, { force: true }));
    await ok(['export', file]);
    const other = await startBrokerSim({ port: 0, httpPort: 0 });
    try {
      const before = sim;
      sim = other;
      try {
        await ok(['import', file]);
        assert.match(await ok(['-V', 'class', 'list', 'queues']), /\|\s+homework\s+\|/);
      } finally {
        sim = before;
      }
      const conn = await amqp.connect(`amqp://ann:ann-pw@127.0.0.1:${other.port}/class`);
      await conn.close();
    } finally {
      await other.close();
    }
  });
});
