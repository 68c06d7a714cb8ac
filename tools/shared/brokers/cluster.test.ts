/** The cluster launcher says why it cannot start where RabbitMQ's scripts are missing (lab 16 is then skipped with it). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterUnavailable, startRabbitCluster } from './cluster.ts';

test('without rabbitmq-server the cluster is unavailable, with a reason that says what to install', async () => {
  const saved = process.env.RABBITMQ_SCRIPTS_DIR;
  process.env.RABBITMQ_SCRIPTS_DIR = mkdtempSync(join(tmpdir(), 'no-rabbitmq-'));
  try {
    assert.match(clusterUnavailable() ?? '', /needs rabbitmq-server and rabbitmqctl/);
    await assert.rejects(startRabbitCluster(), /needs rabbitmq-server/);
  } finally {
    if (saved === undefined) delete process.env.RABBITMQ_SCRIPTS_DIR; else process.env.RABBITMQ_SCRIPTS_DIR = saved;
  }
});
