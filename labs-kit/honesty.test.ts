/**
 * Graders are proven honest: each passes on its reference solution and fails on the untouched
 * starter, against broker-sim always and RabbitMQ when RABBITMQ_URL is set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { forEachBroker } from '../test/support/brokers.ts';
import { LABS } from '../labs/manifest.ts';
import { gradeLab } from './grade-lab.ts';

const root = new URL('../', import.meta.url).pathname;

forEachBroker('lab graders', (broker) => {
  for (const lab of LABS) {
    test(`the ${lab.dir} grader passes on its solution`, async () => {
      const r = await gradeLab(lab, join(root, 'solutions', lab.dir), broker);
      assert.ok(r.passed, JSON.stringify(r.steps, null, 2));
    });
    test(`the ${lab.dir} grader fails on the untouched starter`, async () => {
      const r = await gradeLab(lab, join(root, 'labs', lab.dir), broker);
      assert.equal(r.passed, false, `the starter passed every step: ${JSON.stringify(r.steps)}`);
      assert.ok(r.steps.some((s) => s.status === 'failed' && s.detail), 'a failed step says what was expected');
    });
  }
});
