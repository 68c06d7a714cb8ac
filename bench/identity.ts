/** Which broker answers at a URL, in words for the table's header: from its connection.start server properties. */
import { open } from './measure.ts';

export async function brokerIdentity(url: string): Promise<string> {
  const c = await open(url);
  const p = (c.connection as unknown as { serverProperties: Record<string, unknown> }).serverProperties;
  await c.close();
  const said = [p.cluster_name, p.information].map(String).join(' ');
  const name = /broker-sim/.test(said) || p.product === 'broker-sim' ? 'broker-sim' : String(p.product);
  return `${name} ${String(p.version)} at ${url.replace(/\/\/[^@]*@/, '//')}`;
}
