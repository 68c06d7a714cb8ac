/**
 * broker-sim driven by py-amqp and kombu, the transport Celery runs on: a publish and get with
 * acks, immediate=true refused with 540, a kombu round trip, and the way kombu reads the broker's
 * identity (it applies QoS as RabbitMQ ≥ 3.3 does only when `product` says RabbitMQ). They are
 * installed with pip into a virtualenv kept in .queuelab/ (this machine's package mirror serves
 * them); where that cannot be done the test is skipped with the reason printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { runClient } from './support/run-client.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const VENV = `${repo}.queuelab/venv-py-clients`;
const PYTHON = `${VENV}/bin/python`;
const SCRIPT = fileURLToPath(new URL('./support/py-clients.py', import.meta.url));

/** The reason the clients are missing, or undefined once the virtualenv has them. */
function provision(): string | undefined {
  const has = (): boolean => existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import amqp, kombu'], { encoding: 'utf8' }).status === 0;
  if (has()) return undefined;
  mkdirSync(`${repo}.queuelab`, { recursive: true });
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8', timeout: 60_000 });
  if (venv.status !== 0) return `no virtualenv: python3 -m venv failed (${(venv.stderr || venv.error?.message || '').trim().split('\n').pop()})`;
  const pip = spawnSync(`${VENV}/bin/pip`, ['install', '--quiet', 'kombu'], { encoding: 'utf8', timeout: 180_000 });
  if (pip.status !== 0) return `pip install kombu failed: ${(pip.stderr || pip.error?.message || '').trim().split('\n').pop()}`;
  return has() ? undefined : 'kombu and py-amqp did not import after pip install';
}

const missing = provision();
if (missing) console.log(`# py-amqp/kombu tests skipped: ${missing}`);

forEachBroker('py-amqp and kombu', (broker) => {
  test('publish, get, immediate=true refused, a kombu round trip, RabbitMQ\'s QoS semantics', async (t) => {
    if (missing) { t.skip(missing); return; }
    const r = await runClient(PYTHON, [SCRIPT, broker.url, broker.name('py')], 30_000);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), {
      product: 'RabbitMQ',
      got: 'from py-amqp',
      header: 'python',
      immediate: '540 NOT_IMPLEMENTED - immediate=true',
      kombu_qos_semantics_match_spec: false,
      kombu_got: { task: 'add', args: [2, 3] },
    });
  });
});
