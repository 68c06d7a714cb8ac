/**
 * broker-sim in this process, on a free port with a throw-away database: what a test or a grading
 * run uses, so many run side by side without seeing each other's queues.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrokerSim, BrokerSimOptions } from '../../../broker-sim/src/index.ts';

export interface InProcessSim {
  kind: 'sim';
  /** AMQP URL with credentials, e.g. amqp://guest:guest@127.0.0.1:40123 */
  url: string;
  /** The management API (http://127.0.0.1:PORT), unless options turned it off. */
  managementUrl?: string;
  /** The database file, in a folder of its own that close() removes. */
  dbPath: string;
  sim: BrokerSim;
  close(): Promise<void>;
}

/**
 * Starts broker-sim on 127.0.0.1, a free AMQP port and a free management port, with a database in
 * a fresh temporary folder. Options override any of that (e.g. a short consumer timeout).
 */
export async function startInProcessSim(options: BrokerSimOptions = {}): Promise<InProcessSim> {
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-sim-'));
  const dbPath = join(dir, 'broker.db');
  // Loaded on first use, so a caller that needs only RabbitMQ does not load the broker.
  const { startBrokerSim } = await import('../../../broker-sim/src/index.ts');
  let sim: BrokerSim;
  try {
    sim = await startBrokerSim({ port: 0, host: '127.0.0.1', dbPath, httpPort: 0, ...options });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    kind: 'sim',
    url: sim.url,
    ...(sim.managementUrl ? { managementUrl: sim.managementUrl } : {}),
    dbPath,
    sim,
    close: async () => {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
