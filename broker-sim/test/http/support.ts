/** Helpers for the management API tests: a client for a broker under test, and a patient poll. */
import type { BrokerUnderTest } from '../../../test/support/brokers.ts';
import { ManagementClient, ManagementError } from '../../../tools/shared/management-client.ts';
import { sleep } from '../conformance/support/amqp.ts';

export function client(broker: BrokerUnderTest, username = 'guest', password = 'guest'): ManagementClient {
  if (!broker.managementUrl) throw new Error(`${broker.kind} has no management URL`);
  return new ManagementClient({ url: broker.managementUrl, username, password });
}

/**
 * Polls until `ok` accepts what `read` returns. RabbitMQ refreshes its management statistics every
 * 5 s (collect_statistics_interval), so counts there need a generous wait; broker-sim's are current.
 */
export async function settled<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}; last value ${JSON.stringify(v)}`);
    await sleep(250);
  }
}

/** The error a management call fails with; fails the test if it succeeds. */
export async function failure(p: Promise<unknown>): Promise<ManagementError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ManagementError) return err;
    throw err;
  }
  throw new Error('expected the management API to refuse the request');
}

/** Field names a test expects, missing from an object: [] when all are there. */
export function missing(obj: object, fields: string[]): string[] {
  return fields.filter((f) => !(f in obj));
}
