/**
 * The broker a lab program talks to: the same one as the kit's tools (qsend, qprocessor, qtop) —
 * $AMQP_URL, else the broker-sim running for this folder (`npm start`, whatever port it took), else
 * amqp://guest:guest@localhost:5672. `connect()` is `amqp.connect(brokerUrl())` that also prints
 * which broker answered, so a program never talks to another broker unseen.
 */
import amqp from 'amqplib';
import { chooseAmqpUrl, chooseManagementUrl } from '../broker-sim/src/discovery.ts';
import { connectedTo } from '../tools/shared/connect.ts';

/** The AMQP URL to connect to. */
export function brokerUrl(): string {
  return chooseAmqpUrl().url;
}

/** The management API (http://…) of that broker: broker-sim's own port, or RabbitMQ's 15672. */
export function managementUrl(): string {
  return chooseManagementUrl().url;
}

/** amqp.connect to the broker (or to `url`), with one line on stderr naming the broker that answered. */
export async function connect(url?: string): Promise<amqp.ChannelModel> {
  const chosen = chooseAmqpUrl();
  const target = url ?? chosen.url;
  const connection = await amqp.connect(target);
  console.error(connectedTo(connection, sameAddress(target, chosen.url) ? { ...chosen, url: target } : target));
  return connection;
}

/** Host and port alike: `url` is the chosen broker with other settings (e.g. ?heartbeat=5). */
function sameAddress(a: string, b: string): boolean {
  return new URL(a).host === new URL(b).host;
}
