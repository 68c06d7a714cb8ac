/**
 * RabbitMQ's own command-line admin tool, rabbitmqadmin, pointed at broker-sim: it lists, declares,
 * publishes, gets, purges and deletes. The script is downloaded from the local RabbitMQ's management
 * plugin at test time (RabbitMQ serves it at /cli/rabbitmqadmin); without it the tests are skipped.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrokerSim, type BrokerSim } from '../../src/index.ts';

const PYTHON = '/usr/bin/python3';
const SOURCE = `${process.env.RABBITMQ_MANAGEMENT_URL ?? 'http://127.0.0.1:15672'}/cli/rabbitmqadmin`;

/** Fetches the script into dir; returns why it cannot run, or undefined. */
async function download(dir: string): Promise<string | undefined> {
  if (!existsSync(PYTHON)) return `${PYTHON} is not installed`;
  try {
    const res = await fetch(SOURCE, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return `${SOURCE} answered HTTP ${res.status}`;
    writeFileSync(join(dir, 'rabbitmqadmin'), await res.text());
    return undefined;
  } catch (err) {
    return `cannot download ${SOURCE}: ${(err as Error).message}`;
  }
}

interface Run { code: number; stdout: string; stderr: string }

describe('rabbitmqadmin against broker-sim', () => {
  let sim: BrokerSim;
  let dir: string;
  let skip: string | undefined;

  /** Runs rabbitmqadmin asynchronously: broker-sim runs in this process and must keep answering. */
  function admin(args: string[], password = 'guest'): Promise<Run> {
    const port = new URL(sim.managementUrl!).port;
    return new Promise((resolve) => {
      execFile(PYTHON, [join(dir, 'rabbitmqadmin'), '-H', '127.0.0.1', '-P', port, '-u', 'guest', '-p', password, ...args],
        { timeout: 20_000 }, (err, stdout, stderr) => {
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
    });
  }

  async function ok(args: string[]): Promise<string> {
    const r = await admin(args);
    assert.equal(r.code, 0, `rabbitmqadmin ${args.join(' ')} failed: ${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'queuelab-rabbitmqadmin-'));
    skip = await download(dir);
    if (skip) console.log(`# rabbitmqadmin tests skipped: ${skip}`);
    sim = await startBrokerSim({ port: 0, httpPort: 0 });
  });

  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('declare, list, publish and get a queue', async (t) => {
    if (skip) return t.skip(skip);
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
    if (skip) return t.skip(skip);
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
    if (skip) return t.skip(skip);
    assert.match(await ok(['list', 'queues']), /logs-q\s+\|\s+1\s+\|/);
    assert.match(await ok(['purge', 'queue', 'name=logs-q']), /queue purged/);
    assert.match(await ok(['list', 'queues']), /logs-q\s+\|\s+0\s+\|/);
    assert.match(await ok(['delete', 'queue', 'name=logs-q']), /queue deleted/);
    assert.doesNotMatch(await ok(['list', 'queues']), /logs-q/);
  });

  test('a wrong password is refused', async (t) => {
    if (skip) return t.skip(skip);
    const r = await admin(['list', 'queues'], 'wrong');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Access refused/);
  });
});
