import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDiscovery } from '../../broker-sim/src/discovery.ts';
import { resolveManagement } from '../qtop/qtop-command.ts';
import { resolveAmqpUrl } from './connection-options.ts';
import { connectedLine, explainConnectError } from './connect.ts';

const noFile = { QUEUELAB_HOME: mkdtempSync(join(tmpdir(), 'ql-')) };

test('the lab sheet flags override the URL piece by piece', () => {
  const { url, source } = resolveAmqpUrl({ host: '10.0.0.5', vhost: 'alice', username: 'alice', password: '1Password', heartbeat: 3600 }, noFile);
  assert.equal(url, 'amqp://alice:1Password@10.0.0.5:5672/alice?heartbeat=3600');
  assert.equal(source, 'default');
});

test('--url wins over AMQP_URL, which wins over the default', () => {
  assert.equal(resolveAmqpUrl({ url: 'amqp://a:b@h:1', heartbeat: 60 }, { ...noFile, AMQP_URL: 'amqp://x:y@z:2' }).source, '--url');
  const env = resolveAmqpUrl({ heartbeat: 60 }, { ...noFile, AMQP_URL: 'amqp://x:y@z:2' });
  assert.equal(env.source, 'AMQP_URL');
  assert.equal(env.url, 'amqp://x:y@z:2?heartbeat=60');
});

test('with no flags, a tool finds the broker-sim that is running, whatever its port', () => {
  const home = mkdtempSync(join(tmpdir(), 'ql-'));
  writeDiscovery({ pid: process.pid, amqpUrl: 'amqp://guest:guest@127.0.0.1:5679', managementUrl: null, dbPath: ':memory:', startedAt: '' }, { QUEUELAB_HOME: home });
  const r = resolveAmqpUrl({ heartbeat: 60 }, { QUEUELAB_HOME: home });
  assert.equal(r.source, 'running broker-sim');
  assert.equal(r.url, 'amqp://guest:guest@127.0.0.1:5679?heartbeat=60');
});

test('a discovery file left by a broker-sim that is gone is ignored', () => {
  const home = mkdtempSync(join(tmpdir(), 'ql-'));
  writeDiscovery({ pid: 2 ** 22 + 12345, amqpUrl: 'amqp://guest:guest@127.0.0.1:5679', managementUrl: null, dbPath: ':memory:', startedAt: '' }, { QUEUELAB_HOME: home });
  assert.equal(resolveAmqpUrl({ heartbeat: 60 }, { QUEUELAB_HOME: home }).source, 'default');
});

/** A folder whose discovery file names a running broker-sim (this process) on AMQP 5679, management 15679. */
function runningSim(): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'ql-'));
  writeDiscovery({ pid: process.pid, amqpUrl: 'amqp://guest:guest@127.0.0.1:5679', managementUrl: 'http://127.0.0.1:15679', dbPath: ':memory:', startedAt: '' }, { QUEUELAB_HOME: home });
  return { QUEUELAB_HOME: home };
}

test('qtop finds the running broker-sim\'s management API, else RabbitMQ\'s default one', () => {
  assert.deepEqual(resolveManagement({ interval: 1 }, runningSim()), { url: 'http://127.0.0.1:15679', username: 'guest', password: 'guest' });
  assert.deepEqual(resolveManagement({ interval: 1 }, noFile), { url: 'http://localhost:15672', username: 'guest', password: 'guest' });
});

test('qtop --url names a broker: the running broker-sim\'s API on its port, else port 15672 of that host, as that user', () => {
  const env = runningSim();
  assert.equal(resolveManagement({ interval: 1, url: 'amqp://guest:guest@127.0.0.1:5679' }, env).url, 'http://127.0.0.1:15679');
  assert.deepEqual(resolveManagement({ interval: 1, url: 'amqp://bob:pw@class.example:5672/bob' }, env),
    { url: 'http://class.example:15672', username: 'bob', password: 'pw' });
  assert.equal(resolveManagement({ interval: 1 }, { ...env, AMQP_URL: 'amqp://bob:pw@class.example' }).url, 'http://class.example:15672');
});

test('the management chain: --management-url, then --url, then MANAGEMENT_URL, then AMQP_URL', () => {
  const env = { ...runningSim(), MANAGEMENT_URL: 'http://m.example:1', AMQP_URL: 'amqp://a.example' };
  assert.equal(resolveManagement({ interval: 1, managementUrl: 'http://flag.example:2', url: 'amqp://u.example' }, env).url, 'http://flag.example:2');
  assert.equal(resolveManagement({ interval: 1, url: 'amqp://u.example' }, env).url, 'http://u.example:15672');
  assert.equal(resolveManagement({ interval: 1 }, env).url, 'http://m.example:1');
  assert.equal(resolveManagement({ interval: 1 }, { ...env, MANAGEMENT_URL: '' }).url, 'http://a.example:15672');
});

test('connection failures read as one line saying what to try', () => {
  const url = 'amqp://bob:pw@broker.example:5672/bob';
  assert.match(explainConnectError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), url), /connection refused; is the broker running\?/);
  assert.match(explainConnectError(new Error('Handshake terminated by server: 403 (ACCESS-REFUSED)'), url), /login refused for user 'bob'/);
  assert.match(explainConnectError(new Error('Expected ConnectionOpenOk; got <ConnectionClose channel:0>'), url), /vhost 'bob' refused for user 'bob'/);
  assert.match(explainConnectError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), url), /cannot find host 'broker.example'/);
});

test('--host alone means port 5672 on that host, not the running broker-sim\'s port', () => {
  const r = resolveAmqpUrl({ host: '127.0.0.1', heartbeat: 60 }, runningSim());
  assert.equal(new URL(r.url).port, '5672');
  assert.equal(r.found, undefined, 'the running broker-sim is not what --host reaches');
  assert.equal(new URL(resolveAmqpUrl({ host: 'h', port: 5700, heartbeat: 60 }, runningSim()).url).port, '5700');
  assert.ok(resolveAmqpUrl({ heartbeat: 60 }, runningSim()).found, 'without flags the running broker-sim is the one');
});

test('the connected line names the broker from its server-properties, broker-sim however it presents itself', () => {
  const url = 'amqp://guest:guest@127.0.0.1:5673?heartbeat=60';
  assert.equal(connectedLine({ product: 'broker-sim', version: '0.1.0' }, url), 'connected to broker-sim at amqp://guest:***@127.0.0.1:5673');
  assert.equal(connectedLine({ product: 'RabbitMQ', version: '3.10.8', cluster_name: 'broker-sim' }, url), 'connected to broker-sim at amqp://guest:***@127.0.0.1:5673');
  assert.equal(connectedLine({ product: 'RabbitMQ', version: '3.10.8', cluster_name: 'x', information: 'queuelab broker-sim' }, url).split(' at ')[0], 'connected to broker-sim');
  assert.equal(connectedLine({ product: 'RabbitMQ', version: '3.10.8', cluster_name: 'rabbit@vm', information: 'Licensed under the MPL 2.0.' }, url),
    'connected to RabbitMQ 3.10.8 at amqp://guest:***@127.0.0.1:5673');
  const found = resolveAmqpUrl({ heartbeat: 60 }, runningSim());
  assert.match(connectedLine({ product: 'broker-sim' }, found), new RegExp(`\\(pid ${process.pid}, database :memory:: the only one running\\)$`));
});

test('a running broker-sim that does not answer is named in the error, not silently replaced', () => {
  const chosen = resolveAmqpUrl({ heartbeat: 60 }, runningSim());
  const line = explainConnectError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), chosen.url, chosen);
  assert.match(line, new RegExp(`the running broker-sim \\(pid ${process.pid}, database :memory:\\) does not answer at 127\\.0\\.0\\.1:5679`));
});
