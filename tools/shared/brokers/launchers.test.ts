/**
 * The broker launchers: broker-sim in-process and as a process (in the foreground and in the
 * background), RabbitMQ from the environment, and the one RabbitMQ image the kit names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import amqp from 'amqplib';
import { readDiscovery } from '../../../broker-sim/src/discovery.ts';
import { readSources, sourceFiles } from '../../../test/support/import-lines.ts';
import {
  dockerWorks, RABBITMQ_IMAGE, rabbitMqFromEnv, RabbitMqUnavailable, scratchDir, startInProcessSim, startRabbitMq,
  startSimInBackground, startSimProcess,
} from './index.ts';

const root = new URL('../../../', import.meta.url).pathname;

/** Opens a connection and a channel: the broker answers AMQP. */
async function answers(url: string): Promise<void> {
  const c = await amqp.connect(url);
  await c.createChannel();
  await c.close();
}

test('an in-process broker-sim has a free port, a management API and a database that close() removes', async () => {
  const a = await startInProcessSim();
  const b = await startInProcessSim({ httpPort: false });
  try {
    assert.notEqual(a.url, b.url);
    assert.match(a.managementUrl!, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(b.managementUrl, undefined);
    await answers(a.url);
    assert.ok(existsSync(a.dbPath));
  } finally {
    await a.close();
    await b.close();
  }
  assert.ok(!existsSync(dirname(a.dbPath)), 'the throw-away folder is gone');
});

test('broker-sim as a process comes back after kill -9 on the same database; a bad flag fails with its reason', async () => {
  const dir = scratchDir();
  try {
    const first = await startSimProcess(dir);
    const c = await amqp.connect(first.url);
    const ch = await c.createConfirmChannel();
    await ch.assertQueue('kept', { durable: true });
    ch.sendToQueue('kept', Buffer.from('x'), { persistent: true });
    await ch.waitForConfirms();
    c.on('error', () => {});
    await first.stop('SIGKILL');
    const again = await startSimProcess(dir);
    try {
      const c2 = await amqp.connect(again.url);
      assert.equal((await (await c2.createChannel()).checkQueue('kept')).messageCount, 1);
      await c2.close();
    } finally {
      await again.stop();
    }
    await assert.rejects(startSimProcess(dir, ['--bogus-flag']), /exited with 1 before listening: .*Unknown arguments?: bogus-flag/s);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('broker-sim started in the background is found through its discovery entry; a failed start says so', async () => {
  const home = scratchDir();
  const env = { ...process.env, QUEUELAB_HOME: home };
  try {
    const d = await startSimInBackground(['--port', '0', '--memory', '--no-http'], env);
    try {
      assert.deepEqual(readDiscovery(env), d);
      await answers(d.amqpUrl);
    } finally {
      process.kill(d.pid, 'SIGTERM');
    }
    await assert.rejects(startSimInBackground(['--memory', '--port', 'not-a-port'], env), /broker-sim exited with code 1; try `npx broker-sim --memory --port not-a-port`/);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('RabbitMQ comes from RABBITMQ_URL, with its management API on port 15672 of that host unless told', async () => {
  assert.equal(rabbitMqFromEnv({}), undefined);
  const r = rabbitMqFromEnv({ RABBITMQ_URL: 'amqp://u:p@rabbit.example:5673' })!;
  assert.deepEqual([r.kind, r.url, r.managementUrl, r.rabbitmqctl], ['rabbitmq', 'amqp://u:p@rabbit.example:5673', 'http://rabbit.example:15672', undefined]);
  assert.equal(rabbitMqFromEnv({ RABBITMQ_URL: 'amqp://h', RABBITMQ_MANAGEMENT_URL: 'http://h:1' })!.managementUrl, 'http://h:1');
  if (!dockerWorks()) await assert.rejects(startRabbitMq({}), (e) => e instanceof RabbitMqUnavailable && /RABBITMQ_URL/.test(e.message));
});

test('one RabbitMQ image, 3.10.8 (the version the suite runs against) with management: docker-compose.yml runs it and nothing else names another', () => {
  assert.equal(RABBITMQ_IMAGE, 'rabbitmq:3.10.8-management');
  assert.match(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), new RegExp(`^\\s+image: ${RABBITMQ_IMAGE}$`, 'm'));
  const tags = readSources(root, sourceFiles(root)).filter((f) => !f.path.endsWith('.test.ts'))
    .flatMap((f) => [...f.source.matchAll(/['"`]rabbitmq:[\w.-]+['"`]/g)].map((m) => `${f.path}: ${m[0]}`));
  assert.deepEqual(tags, [`tools/shared/brokers/rabbitmq.ts: '${RABBITMQ_IMAGE}'`]);
});
