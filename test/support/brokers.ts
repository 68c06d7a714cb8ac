/**
 * The brokers a conformance or lab test runs against: broker-sim always (in-process, free port,
 * throw-away database), real RabbitMQ whenever RABBITMQ_URL is set. A test is written once and
 * registered for each with `forEachBroker`, so the same assertions prove both.
 */
import { after, before, describe } from 'node:test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BrokerKind = 'sim' | 'rabbitmq';

export interface BrokerUnderTest {
  kind: BrokerKind;
  /** AMQP URL with credentials, e.g. amqp://guest:guest@127.0.0.1:5672 */
  url: string;
  /** Management HTTP API base URL (http://host:port), when the broker serves one. */
  managementUrl?: string;
  /** A queue/exchange name no other test (or earlier run on a shared RabbitMQ) uses. */
  name(prefix: string): string;
}

interface SimHandle {
  url: string;
  managementUrl?: string;
  close(): Promise<void>;
}

/** Starts a private broker-sim on a free port with a temporary database file. */
export async function startPrivateSim(options: Record<string, unknown> = {}): Promise<SimHandle & { dbPath: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-test-'));
  const dbPath = join(dir, 'broker.db');
  const { startBrokerSim } = await import('../../broker-sim/src/index.ts');
  const sim = await startBrokerSim({ port: 0, host: '127.0.0.1', dbPath, httpPort: 0, ...options });
  return {
    url: sim.url,
    managementUrl: sim.managementUrl,
    dbPath,
    close: async () => {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function uniqueNamer(kind: BrokerKind): (prefix: string) => string {
  const run = randomBytes(3).toString('hex');
  let n = 0;
  return (prefix) => `${prefix}.${kind}.${run}.${++n}`;
}

/** The brokers available to this run, in order: sim first. */
export function availableBrokers(): BrokerKind[] {
  return process.env.RABBITMQ_URL ? ['sim', 'rabbitmq'] : ['sim'];
}

/**
 * Registers `body` once per available broker inside a describe block named after it. simOptions go
 * to broker-sim (e.g. a short consumer timeout, where RabbitMQ is set up by the test itself).
 * The broker is started before the block's tests and stopped after them.
 */
export function forEachBroker(title: string, body: (broker: BrokerUnderTest) => void,
  simOptions: Record<string, unknown> = {}): void {
  for (const kind of availableBrokers()) {
    describe(`${title} [${kind}]`, () => {
      let sim: SimHandle | undefined;
      const broker: BrokerUnderTest = { kind, url: '', name: uniqueNamer(kind) };
      before(async () => {
        if (kind === 'sim') {
          sim = await startPrivateSim(simOptions);
          broker.url = sim.url;
          broker.managementUrl = sim.managementUrl;
        } else {
          broker.url = process.env.RABBITMQ_URL!;
          broker.managementUrl = process.env.RABBITMQ_MANAGEMENT_URL ?? 'http://127.0.0.1:15672';
        }
      });
      body(broker);
      // Registered after the body's hooks, so the tests' own clean-up runs while the broker is still up.
      after(async () => {
        await sim?.close();
      });
    });
  }
}
