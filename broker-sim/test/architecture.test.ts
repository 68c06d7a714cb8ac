/**
 * The folders of broker-sim/src are its architecture, and its imports must say so: protocol/
 * depends on nothing, core/ on protocol/ only (it declares the storage it needs; store/ provides
 * it), server/ and http/ on core/ and protocol/ (never on each other), store/ on core/'s types.
 * Read from the import lines of every file (test/support/import-lines.ts); a second test proves the
 * check finds a bad import.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importsOf, readSources, sourceFiles } from '../../test/support/import-lines.ts';

const root = new URL('../../', import.meta.url).pathname;
const SRC = 'broker-sim/src/';

/** The other layers each layer may import, besides its own folder. */
const MAY_IMPORT: Record<string, string[]> = {
  protocol: [],
  core: ['protocol'],
  store: ['core'],
  server: ['core', 'protocol'],
  http: ['core', 'protocol'],
};

/** The layer a path of broker-sim/src belongs to ('' for its top-level modules), or undefined outside it. */
function layerOf(path: string): string | undefined {
  if (!path.startsWith(SRC)) return undefined;
  const parts = path.slice(SRC.length).split('/');
  return parts.length > 1 ? parts[0]! : '';
}

/** The broken rules among these files: "file imports target". */
function violations(files: { path: string; source: string }[]): string[] {
  const out: string[] = [];
  for (const { path, source } of files) {
    const layer = layerOf(path);
    const allowed = layer === undefined ? undefined : MAY_IMPORT[layer];
    if (!allowed) continue;
    for (const target of importsOf(path, source)) {
      const into = layerOf(target);
      if (into !== layer && (into === undefined || !allowed.includes(into))) out.push(`${path} imports ${target}`);
    }
  }
  return out;
}

test('each layer of broker-sim imports only what its folder may: core nothing of server, http or store; http nothing of server', () => {
  const files = readSources(root, sourceFiles(root, 'broker-sim/src'));
  for (const layer of Object.keys(MAY_IMPORT)) assert.ok(files.some((f) => layerOf(f.path) === layer), `${layer}/ has files`);
  assert.deepEqual(violations(files), []);
});

test('the check finds what breaks the layers', () => {
  const bad = [
    { path: 'broker-sim/src/core/vhost.ts', source: "import type { Connection } from '../server/connection.ts';\nimport { Queue } from './queue.ts';" },
    { path: 'broker-sim/src/core/broker.ts', source: "import { SqliteStore } from '../store/sqlite-store.ts';" },
    { path: 'broker-sim/src/http/queues.ts', source: "import {\n  ServerChannel,\n} from '../server/channel.ts';\nimport { ok } from './api.ts';" },
    { path: 'broker-sim/src/http/snapshot.ts', source: "const { Connection } = await import('../server/connection.ts');" },
    { path: 'broker-sim/src/protocol/frame.ts', source: "export { errors } from '../core/errors.ts';" },
    { path: 'broker-sim/src/store/sqlite-store.ts', source: "import type { Storage } from '../core/storage.ts';\nimport { x } from '../http/api.ts';" },
    { path: 'broker-sim/src/server/channel.ts', source: "import { startBrokerSim } from '../index.ts';\nimport { y } from '../../../tools/qtop/attach.ts';" },
    { path: 'broker-sim/src/index.ts', source: "import { AmqpListener } from './server/listener.ts';" },
  ];
  assert.deepEqual(violations(bad), [
    'broker-sim/src/core/vhost.ts imports broker-sim/src/server/connection.ts',
    'broker-sim/src/core/broker.ts imports broker-sim/src/store/sqlite-store.ts',
    'broker-sim/src/http/queues.ts imports broker-sim/src/server/channel.ts',
    'broker-sim/src/http/snapshot.ts imports broker-sim/src/server/connection.ts',
    'broker-sim/src/protocol/frame.ts imports broker-sim/src/core/errors.ts',
    'broker-sim/src/store/sqlite-store.ts imports broker-sim/src/http/api.ts',
    'broker-sim/src/server/channel.ts imports broker-sim/src/index.ts',
    'broker-sim/src/server/channel.ts imports tools/qtop/attach.ts',
  ], 'the top-level modules (index.ts, the wiring) may import every layer');
});
