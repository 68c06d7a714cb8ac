/** Which broker answers at a URL, in words for the table's header: from its connection.start server properties. */
import { open } from './measure.ts';

export async function brokerIdentity(url: string): Promise<string> {
  const c = await open(url);
  const p = (c.connection as unknown as { serverProperties: Record<string, unknown> }).serverProperties;
  await c.close();
  const at = url.replace(/\/\/[^@]*@/, '//');
  // broker-sim presents itself to clients as the RabbitMQ it imitates; its own version is in `information`.
  const own = /broker-sim (\S+):/.exec(String(p.information ?? ''));
  if (own) return `broker-sim ${own[1]} (presenting RabbitMQ ${String(p.version)}) at ${at}`;
  return `${String(p.product)} ${String(p.version)} at ${at}`;
}
