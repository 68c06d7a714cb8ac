/** `qlab grade --lab`: one lab, a list or a range, in the course's order; an unknown lab is an error. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LABS } from '../../labs/manifest.ts';
import { labsOf } from './grade-command.ts';

test('--lab takes one lab, a list or a range, each once, in the course order', () => {
  assert.deepEqual(labsOf('03').map((l) => l.id), ['03']);
  assert.deepEqual(labsOf('05,03,05').map((l) => l.id), ['03', '05']);
  assert.deepEqual(labsOf('01-13').map((l) => l.id).sort(), ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13']);
  const picked = labsOf('12-14,02').map((l) => l.id);
  assert.deepEqual([...picked].sort(), ['02', '12', '13', '14']);
  assert.deepEqual(picked, LABS.map((l) => l.id).filter((id) => picked.includes(id)), 'in the course order');
});

test('an unknown lab or an empty range is refused in one line', () => {
  assert.throws(() => labsOf('99'), /no lab '99'/);
  assert.throws(() => labsOf('40-50'), /no lab in '40-50'/);
});
