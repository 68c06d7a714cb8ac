/**
 * The labs' broker helpers, labs/broker.ts and labs/broker.py, choose the broker exactly as the
 * kit's tools do (broker-sim/src/discovery.ts), from the same discovery entries, and name the broker
 * that answered in the same line: run as a student runs them, as programs in a folder.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDiscovery } from '../broker-sim/src/discovery.ts';
import { forEachBroker } from '../test/support/brokers.ts';
import { findPython, pythonMissing } from './python.ts';

const root = new URL('../', import.meta.url).pathname;
const skip = findPython() ? false : pythonMissing();

const TS = "import { brokerUrl, managementUrl, connect } from '" + join(root, 'labs/broker.ts') + "';"
  + "console.log(brokerUrl() + ' ' + managementUrl()); if (process.env.CONNECT) { const c = await connect(); await c.close(); }";
const PY = `import os, sys; sys.path.insert(0, ${JSON.stringify(join(root, 'labs'))}); from broker import *
print(broker_url() + ' ' + management_url())
if os.environ.get('CONNECT'): connect().close()`;

/** What each helper says (stdout: URL and management URL; stderr: the connected line), run in `cwd`. */
async function both(cwd: string, env: Record<string, string>): Promise<{ ts: string[]; py: string[] }> {
  const run = (cmd: string, args: string[]): Promise<string[]> => new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, env: { ...process.env, AMQP_URL: '', MANAGEMENT_URL: '', ...env }, timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message} ${stderr}`)); else resolve([stdout.trim(), stderr.trim()]);
    });
  });
  // tsx by its path: the folder the program runs in may be outside the kit.
  const [ts, py] = await Promise.all([run(process.execPath, ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', TS]),
    run(findPython()!, ['-c', PY])]);
  return { ts: ts!, py: py! };
}

describe('the labs\' broker helpers, TypeScript and Python', { skip }, () => {
  test('choose the same broker: AMQP_URL, else this folder\'s broker-sim, else the only one, else localhost:5672', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ql-helper-'));
    const kit = join(home, 'kit');
    mkdirSync(join(kit, 'labs'), { recursive: true });
    mkdirSync(join(home, 'other'));
    const env = { QUEUELAB_HOME: home };
    try {
      assert.deepEqual((await both(kit, env)).ts, ['amqp://guest:guest@localhost:5672 http://localhost:15672', '']);
      assert.deepEqual((await both(kit, env)).py[0], 'amqp://guest:guest@localhost:5672 http://localhost:15672');
      // Two live pids: this process and its parent.
      writeDiscovery({ pid: process.pid, amqpUrl: 'amqp://guest:guest@127.0.0.1:5801', managementUrl: 'http://127.0.0.1:15801', dbPath: join(kit, 'queuelab.db'), startedAt: '2026-01-01T00:00:00Z' }, env);
      const one = await both(join(kit, 'labs'), env);
      assert.equal(one.ts[0], 'amqp://guest:guest@127.0.0.1:5801 http://127.0.0.1:15801');
      assert.equal(one.py[0], one.ts[0]);
      writeDiscovery({ pid: process.ppid, amqpUrl: 'amqp://guest:guest@127.0.0.1:5802', managementUrl: 'http://127.0.0.1:15802', dbPath: join(home, 'other', 'q.db'), startedAt: '2026-01-02T00:00:00Z' }, env);
      for (const [cwd, port] of [[join(kit, 'labs'), 5801], [join(home, 'other'), 5802], [home, 5802]] as const) {
        const r = await both(cwd, env);
        assert.equal(r.ts[0], `amqp://guest:guest@127.0.0.1:${port} http://127.0.0.1:1${port}`, `from ${cwd}`);
        assert.equal(r.py[0], r.ts[0], `from ${cwd}`);
      }
      const given = await both(kit, { ...env, AMQP_URL: 'amqp://bob:pw@class.example:5672/bob' });
      assert.equal(given.ts[0], 'amqp://bob:pw@class.example:5672/bob http://class.example:15672');
      assert.equal(given.py[0], given.ts[0]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('connected_to names the user and vhost connected with, also on the default broker\'s host and port', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ql-helper-'));
    const script = `import sys; sys.path.insert(0, ${JSON.stringify(join(root, 'labs'))}); import pika, broker, types
p = broker.broker_parameters(); p.virtual_host = 'alice'; p.credentials = pika.PlainCredentials('alice', '1Password')
c = types.SimpleNamespace(_impl=types.SimpleNamespace(server_properties={'product': 'RabbitMQ', 'version': '3.10.8'}))
print(broker.connected_to(c, p)); print(broker.connected_to(c, broker.broker_parameters()))`;
    try {
      const out = await new Promise<string>((resolve, reject) => {
        execFile(findPython()!, ['-c', script], { env: { ...process.env, AMQP_URL: '', QUEUELAB_HOME: home } }, (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout)));
      });
      assert.deepEqual(out.trim().split('\n'), ['connected to RabbitMQ 3.10.8 at amqp://alice:***@localhost:5672/alice',
        'connected to RabbitMQ 3.10.8 at amqp://guest:***@localhost:5672']);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  forEachBroker('connect()', (broker) => {
    test('names the broker that answered, the same in both languages', async () => {
      const home = mkdtempSync(join(tmpdir(), 'ql-helper-'));
      try {
        const r = await both(root, { QUEUELAB_HOME: home, AMQP_URL: broker.url, CONNECT: '1' });
        assert.match(r.ts[1]!, broker.kind === 'sim' ? /^connected to broker-sim at amqp:\/\// : /^connected to RabbitMQ \d+\.\d+\.\d+ at amqp:\/\//);
        assert.equal(r.py[1], r.ts[1]);
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });
  });
});
