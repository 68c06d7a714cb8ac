/**
 * The brokers a conformance or lab test runs against: broker-sim always (in-process, free port,
 * throw-away database), real RabbitMQ whenever RABBITMQ_URL is set. A test is written once and
 * registered for each with `forEachBroker`, so the same assertions prove both. The brokers are
 * started by the kit's launchers (tools/shared/brokers/).
 */
import { after, before, describe } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { BrokerSimOptions } from '../../broker-sim/src/index.ts';
import { rabbitMqFromEnv, startBroker, startInProcessSim, type BrokerKind, type LaunchedBroker } from '../../tools/shared/brokers/index.ts';

export type { BrokerKind };

export interface BrokerUnderTest {
  kind: BrokerKind;
  /** AMQP URL with credentials, e.g. amqp://guest:guest@127.0.0.1:5672 */
  url: string;
  /** Management HTTP API base URL (http://host:port), when the broker serves one. */
  managementUrl?: string;
  /** A queue/exchange name no other test (or earlier run on a shared RabbitMQ) uses. */
  name(prefix: string): string;
}

/** A private broker-sim on a free port with a temporary database file. */
export const startPrivateSim = startInProcessSim;

function uniqueNamer(kind: BrokerKind): (prefix: string) => string {
  const run = randomBytes(3).toString('hex');
  let n = 0;
  return (prefix) => `${prefix}.${kind}.${run}.${++n}`;
}

/** The brokers available to this run, in order: sim first. */
export function availableBrokers(): BrokerKind[] {
  return rabbitMqFromEnv() ? ['sim', 'rabbitmq'] : ['sim'];
}

/**
 * Registers `body` once per available broker inside a describe block named after it. simOptions go
 * to broker-sim (e.g. a short consumer timeout, where RabbitMQ is set up by the test itself).
 * The broker is started before the block's tests and stopped after them.
 */
export function forEachBroker(title: string, body: (broker: BrokerUnderTest) => void,
  simOptions: BrokerSimOptions = {}): void {
  for (const kind of availableBrokers()) {
    describe(`${title} [${kind}]`, () => {
      let launched: LaunchedBroker | undefined;
      const broker: BrokerUnderTest = { kind, url: '', name: uniqueNamer(kind) };
      before(async () => {
        launched = await startBroker(kind, simOptions);
        broker.url = launched.url;
        if (launched.managementUrl) broker.managementUrl = launched.managementUrl;
      });
      body(broker);
      // Registered after the body's hooks, so the tests' own clean-up runs while the broker is still up.
      after(async () => {
        await launched?.close();
      });
    });
  }
}
