/**
 * Graders are proven honest, in every language: each passes on its reference solution and fails
 * on the untouched starter at the step its first TODO concerns (not by a crash or a syntax error),
 * against broker-sim
 * always and RabbitMQ when RABBITMQ_URL is set. The languages are graded at the same time on the
 * same broker: every grading run names its queues and exchanges for itself. The starters are the
 * committed ones (labs-kit/starters.ts), not the student's labs/: a student who has done labs can
 * still run the suite.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { forEachBroker } from '../test/support/brokers.ts';
import { LABS } from '../labs/manifest.ts';
import { BEHIND, gradeLab } from './grade-lab.ts';
import { LANGUAGE_NAME, LANGUAGES, type Language } from './language.ts';
import { findPython, pythonMissing } from './python.ts';
import { pristineLab } from './starters.ts';

const root = new URL('../', import.meta.url).pathname;

/** A starter that fails this way fails by a broken program, not by the missing change. */
const CRASH = /Traceback \(most recent call last\)|SyntaxError|syntax error|ReferenceError|TypeError|NameError|Cannot find module|crashed \(exit code|missing file/;

/** A grader whose every step needs what this machine lacks (a RabbitMQ cluster) proves nothing here. */
function allSkipped(r: { steps: { status: string }[] }): boolean {
  return r.steps.length > 0 && r.steps.every((s) => s.status === 'skipped');
}

function skipReason(language: Language): string | false {
  return language === 'python' && !findPython() ? pythonMissing() : false;
}

forEachBroker('lab graders', (broker) => {
  describe('in every language at once', { concurrency: true }, () => {
    for (const language of LANGUAGES) {
      // One lab at a time within a language (a suite's concurrency is inherited unless set).
      describe(LANGUAGE_NAME[language], { concurrency: 1 }, () => {
        const skip = skipReason(language);
        for (const lab of LABS) {
          test(`the ${lab.dir} grader passes on its ${LANGUAGE_NAME[language]} solution`, { skip }, async (t) => {
            const r = await gradeLab(lab, join(root, 'solutions', lab.dir), broker, language);
            if (allSkipped(r)) return t.skip(r.steps[0]!.detail);
            assert.ok(r.passed, JSON.stringify(r.steps, null, 2));
          });
          test(`the ${lab.dir} grader fails on the untouched ${LANGUAGE_NAME[language]} starter at step ${lab.todoStep}`, { skip }, async (t) => {
            const starter = pristineLab(lab);
            t.after(starter.cleanup);
            if (starter.missing.length > 0) { t.skip(`${starter.missing.join(', ')} changed in labs/, and no git to get the starters from`); return; }
            const r = await gradeLab(lab, starter.dir, broker, language);
            if (allSkipped(r)) return t.skip(r.steps[0]!.detail);
            assert.equal(r.passed, false, `the starter passed every step: ${JSON.stringify(r.steps)}`);
            const failed = r.steps.findIndex((s) => s.status === 'failed');
            const step = r.steps[failed]!;
            assert.equal(failed + 1, lab.todoStep, `the starter failed at step ${failed + 1} ("${step.step}"), not at its TODO's step ${lab.todoStep}: ${step.detail}`);
            assert.ok(step.detail, 'a failed step says what was expected');
            // What the step itself saw; behind it another program may crash because of the TODO (a server given no reply-to).
            assert.doesNotMatch(step.detail.split(BEHIND)[0]!, CRASH, 'the starter fails by its TODO, not by a crash');
          });
        }
      });
    }
  });
});
