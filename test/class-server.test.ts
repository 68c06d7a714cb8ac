/**
 * The class server's RabbitMQ (docker-compose.yml + docker/rabbitmq.conf): the conf is mounted, is
 * in rabbitmq.conf's `key = value` form, and its consumer_timeout is the one lab 11 runs broker-sim with.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;

test('docker-compose.yml mounts docker/rabbitmq.conf, whose consumer_timeout is lab 11\'s', () => {
  const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
  assert.match(compose, /^\s+- \.\/docker\/rabbitmq\.conf:\/etc\/rabbitmq\/rabbitmq\.conf:ro$/m);
  const settings = new Map<string, string>();
  for (const line of readFileSync(join(root, 'docker/rabbitmq.conf'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = /^([a-z_][a-z0-9_.]*) = (\S+)$/.exec(line);
    assert.ok(m, `not a rabbitmq.conf setting: ${line}`);
    settings.set(m[1]!, m[2]!);
  }
  const lab11 = readFileSync(join(root, 'labs/11-leases-and-at-most-once/README.md'), 'utf8');
  const seconds = Number(/--consumer-timeout (\d+)s/.exec(lab11)![1]);
  assert.equal(settings.get('consumer_timeout'), String(seconds * 1000));
  assert.equal(settings.get('collect_statistics_interval'), '1000');
});
