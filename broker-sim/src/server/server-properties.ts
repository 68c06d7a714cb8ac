/** What broker-sim announces in connection.start: RabbitMQ's capability names, for what it supports. */
import { readFileSync } from 'node:fs';

const pkg = kitPackage();

/** The kit's package.json, found upwards from this file (which may be bundled into dist/). */
function kitPackage(): { version: string } {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    try {
      const p = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version: string };
      if (p.name === 'queuelab') return p;
    } catch { /* not here */ }
    if (dir.pathname === '/') return { version: '0.0.0' };
  }
}

export const BROKER_VERSION = pkg.version;

export function serverProperties(): Record<string, unknown> {
  return {
    product: 'broker-sim',
    version: BROKER_VERSION,
    platform: `Node.js ${process.version}`,
    information: 'queuelab broker-sim: an AMQP 0-9-1 broker in SQLite, for teaching',
    copyright: 'queuelab',
    cluster_name: 'broker-sim',
    capabilities: {
      publisher_confirms: true,
      exchange_exchange_bindings: true,
      'basic.nack': true,
      consumer_cancel_notify: true,
      'connection.blocked': true,
      authentication_failure_close: true,
      per_consumer_qos: true,
    },
  };
}
