/** Finding the Python that runs the labs' .py programs, and the one line when there is none. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPython, firstWithPika, pythonCandidates, pythonMissing } from './python.ts';

test('QUEUELAB_PYTHON is tried first, then Debian\'s /usr/bin/python3, then python3 and python on PATH', () => {
  assert.deepEqual(pythonCandidates({ QUEUELAB_PYTHON: '/opt/py/bin/python' }), ['/opt/py/bin/python', '/usr/bin/python3', 'python3', 'python']);
  assert.deepEqual(pythonCandidates({}), ['/usr/bin/python3', 'python3', 'python']);
});

test('a Python that cannot import pika, or that does not exist, is passed over', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qlab-python-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const noPika = join(dir, 'python');
  writeFileSync(noPika, '#!/bin/sh\necho "ModuleNotFoundError: No module named \'pika\'" >&2\nexit 1\n');
  chmodSync(noPika, 0o755);
  assert.equal(firstWithPika([join(dir, 'missing'), noPika]), undefined);
  const real = findPython();
  if (!real) { t.diagnostic(pythonMissing()); return; }
  assert.equal(firstWithPika([join(dir, 'missing'), noPika, real]), real);
});

test('without a Python that has pika, one line says how to install it', () => {
  const line = pythonMissing();
  assert.doesNotMatch(line, /\n/);
  assert.match(line, /^no Python with pika found \(tried .*\/usr\/bin\/python3.*\): install it with `pip install pika` \(or Debian's `apt-get install python3-pika`\), or set QUEUELAB_PYTHON/);
});
