/** The bench's report: the table's verdicts and ranges, the noise line and the growth plot, from made-up results. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderPlot } from '../bench/plot.ts';
import { noise, renderTable, type Row } from '../bench/table.ts';

const growth: Row = {
  scenario: 'backlog', title: 'backlog', runs: 1,
  sim: [{ name: 'RSS with the backlog @ 10,000', value: 80, unit: 'MiB' }, { name: 'RSS with the backlog @ 1,000,000', value: 120, unit: 'MiB' }],
  other: [{ name: 'RSS with the backlog @ 10,000', value: 130, unit: 'MiB' }, { name: 'RSS with the backlog @ 1,000,000', value: 3000, unit: 'MiB' }],
};
const throughput: Row = {
  scenario: 'publish', title: 'publish', runs: 3,
  sim: [{ name: 'throughput', value: 300, min: 270, max: 330, unit: 'msg/s', minRatio: 2, target: '≥ 2× RabbitMQ' }],
  other: [{ name: 'throughput', value: 100, min: 90, max: 140, unit: 'msg/s', minRatio: 2, target: '≥ 2× RabbitMQ' }],
};

test('the table shows median with min–max, the ratio and whether the target is met', () => {
  const table = renderTable([throughput], 'RabbitMQ');
  assert.match(table, /300 msg\/s \(270–330\)/);
  assert.match(table, /3\.00×/);
  assert.match(table, /\| ✓/);
  const missed = renderTable([{ ...throughput, sim: [{ ...throughput.sim[0]!, value: 150 }] }], 'RabbitMQ');
  assert.match(missed, /1\.50×.*\| ✗/);
});

test('noise is the median spread of repeated runs, per broker', () => {
  assert.deepEqual(noise([throughput]), { sim: '20%', other: '50%' });
  assert.equal(noise([growth]).sim, '— (one run)');
});

test('the plot draws one line per broker through every size of a growth row', () => {
  const svg = renderPlot([growth, throughput])!;
  assert.equal((svg.match(/<path /g) ?? []).length, 2);
  assert.equal((svg.match(/<circle /g) ?? []).length, 4);
  assert.match(svg, /RSS with a backlog/);
  assert.equal(renderPlot([throughput]), undefined);
});

test('a full run replaces only what sits between README\'s bench markers', async () => {
  const { START, END, withBenchBlock } = await import('../bench/readme.ts');
  const before = `# intro\n${START}\nold table\n${END}\n## after\n`;
  const after = withBenchBlock(before, '| new | table |');
  assert.equal(after, `# intro\n${START}\n| new | table |\n${END}\n## after\n`);
  assert.throws(() => withBenchBlock('# no markers', 'x'), /no <!-- bench:start/);
});
