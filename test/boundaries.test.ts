/** The kit's package boundaries hold in every file, and the check would catch each one crossed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOUNDARIES, importsOf, readSources, sourceFiles, violations } from './support/import-lines.ts';

const root = new URL('../', import.meta.url).pathname;

test('no file crosses a package boundary', () => {
  const files = sourceFiles(root);
  assert.ok(files.includes('broker-sim/src/cli/serve-command.ts') && files.includes('tools/qlab/verify-command.ts'), 'the kit\'s files are read');
  const found = violations(readSources(root, files));
  assert.deepEqual(found.map((v) => `${v.file} imports ${v.target}: ${v.rule}`), []);
});

test('import lines are read in every form: multi-line, re-export, side effect, dynamic', () => {
  const source = [
    "import {\n  a,\n  b,\n} from '../x/one.ts';",
    "export { c } from './two.ts';",
    "import './three.ts';",
    "const m = await import('../../four.ts');",
    "import { d } from 'yargs';",
    "// import { e } from '../commented.ts';",
  ].join('\n');
  assert.deepEqual(importsOf('tools/qlab/f.ts', source).sort(), ['four.ts', 'tools/qlab/three.ts', 'tools/qlab/two.ts', 'tools/x/one.ts']);
});

test('each boundary is caught when crossed, and only then', () => {
  const crossing = [
    { path: 'tools/qlab/broker-choice.ts', source: "import { startPrivateSim } from '../../test/support/brokers.ts';" },
    { path: 'labs-kit/graders/06-durability.ts', source: "import { scratchDir } from '../../broker-sim/test/http/support.ts';" },
    { path: 'scripts/torture.ts', source: "import { runTorture } from '../tools/qsend/qsend.test.ts';" },
    { path: 'broker-sim/src/cli/serve-command.ts', source: "const { attachDashboard } = await import('../../../tools/qtop/attach.ts');" },
    { path: 'tools/shared/connection-options.ts', source: "import { readDiscovery } from '../../broker-sim/src/cli/discovery.ts';" },
  ];
  const found = violations(crossing);
  assert.deepEqual(found.map((v) => v.file), crossing.map((c) => c.path));
  assert.deepEqual(new Set(found.map((v) => v.rule)), new Set(BOUNDARIES.map((b) => b.rule)), 'every boundary is tried');
  const allowed = [
    { path: 'test/torture.test.ts', source: "import { runTorture } from '../bench/torture.ts';" },
    { path: 'broker-sim/test/http/support.ts', source: "import type { BrokerUnderTest } from '../../../test/support/brokers.ts';" },
    { path: 'tools/qtop/qtop.e2e.test.ts', source: "import { hasTmux } from '../../test/support/tmux.ts';" },
    { path: 'tools/shared/connection-options.ts', source: "import { chooseAmqpUrl } from '../../broker-sim/src/discovery.ts';" },
    { path: 'broker-sim/src/cli/requeue-command.ts', source: "import { chooseAmqpUrl } from '../discovery.ts';" },
  ];
  assert.deepEqual(violations(allowed), []);
});
