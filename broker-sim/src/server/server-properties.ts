/** What broker-sim announces in connection.start. */
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

/** The RabbitMQ release whose semantics broker-sim implements, and which it presents itself as to clients. */
export const RABBITMQ_VERSION = '3.10.8';

/**
 * Clients choose behaviour by `product`, `version` and `capabilities` (kombu, hence Celery, uses
 * global QoS only with RabbitMQ), so those say RabbitMQ 3.10.8, whose semantics broker-sim
 * implements, with RabbitMQ 3.10.8's capabilities table. Where people look (`cluster_name`,
 * `information`) it says broker-sim.
 */
export function serverProperties(): Record<string, unknown> {
  return {
    product: 'RabbitMQ',
    version: RABBITMQ_VERSION,
    platform: `Node.js ${process.version}`,
    information: `queuelab broker-sim ${BROKER_VERSION}: an AMQP 0-9-1 broker in SQLite for teaching, with RabbitMQ ${RABBITMQ_VERSION}'s semantics`,
    copyright: 'queuelab',
    cluster_name: 'broker-sim',
    capabilities: {
      publisher_confirms: true,
      exchange_exchange_bindings: true,
      'basic.nack': true,
      consumer_cancel_notify: true,
      'connection.blocked': true,
      consumer_priorities: true,
      authentication_failure_close: true,
      per_consumer_qos: true,
      direct_reply_to: true,
    },
  };
}
