/**
 * Connecting with one clear line on failure: what failed and what to try, never a stack trace; and
 * one line on success naming the broker that answered, so no program talks to another one unseen.
 */
import amqp, { type ChannelModel } from 'amqplib';
import type { ChosenUrl } from '../../broker-sim/src/discovery.ts';
import { redact } from './connection-options.ts';

/** A failure the tool reports as one line and a non-zero exit. */
export class ToolError extends Error {
  override name = 'ToolError';
}

/**
 * The broker's name from its connection.start server-properties: broker-sim (which may present
 * itself as the RabbitMQ it imitates, but says broker-sim in cluster_name or information), else the
 * product and its version, e.g. "RabbitMQ 3.10.8".
 */
export function brokerName(props: Record<string, unknown> | undefined): string {
  const text = (k: string): string => String(props?.[k] ?? '');
  if ([text('product'), text('cluster_name'), text('information')].some((v) => v.includes('broker-sim'))) return 'broker-sim';
  return [text('product') || 'an AMQP broker', text('version')].filter(Boolean).join(' ');
}

/** The URL as shown: no password, no query. */
function shown(url: string): string {
  const u = new URL(redact(url));
  u.search = '';
  if (u.pathname === '/') u.pathname = '';
  return u.toString();
}

/**
 * The line a program prints once connected: `connected to broker-sim at amqp://…` (with the
 * running broker-sim's pid and database when that is how it was found) or `connected to RabbitMQ 3.10.8 at …`.
 */
export function connectedLine(serverProperties: Record<string, unknown> | undefined, chosen: ChosenUrl | string): string {
  const c = typeof chosen === 'string' ? { url: chosen } : chosen;
  const found = 'found' in c && c.found ? ` (pid ${c.found.broker.pid}, database ${c.found.broker.dbPath}: ${c.found.why})` : '';
  return `connected to ${brokerName(serverProperties)} at ${shown(c.url)}${found}`;
}

/** connectedLine for an open amqplib connection. */
export function connectedTo(conn: ChannelModel, chosen: ChosenUrl | string): string {
  const props = (conn.connection as unknown as { serverProperties?: Record<string, unknown> }).serverProperties;
  return connectedLine(props, chosen);
}

/** Turns a connection failure into one line saying what failed and what to try. */
export function explainConnectError(err: unknown, url: string, chosen?: ChosenUrl): string {
  const e = err as NodeJS.ErrnoException & { message: string };
  const u = new URL(url);
  const where = `${u.hostname}:${u.port || 5672}`;
  const sim = chosen?.found?.broker;
  if (sim && /ECONNREFUSED|ETIMEDOUT|ECONNRESET/.test(String(e.code))) {
    return `the running broker-sim (pid ${sim.pid}, database ${sim.dbPath}) does not answer at ${where}; restart it (\`npm start\`), or give --url / AMQP_URL`;
  }
  const vhost = decodeURIComponent(u.pathname.slice(1)) || '/';
  const user = decodeURIComponent(u.username) || 'guest';
  if (e.code === 'ECONNREFUSED') return `cannot connect to ${where}: connection refused; is the broker running? (start one with \`npm start\`, or give --url / AMQP_URL)`;
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `cannot find host '${u.hostname}'; check --host or --url`;
  if (e.code === 'ETIMEDOUT') return `connecting to ${where} timed out; check the address and that the port is open`;
  if (/ACCESS_REFUSED|ACCESS-REFUSED|403/.test(e.message)) return `login refused for user '${user}' at ${where}; check --username and --password`;
  if (/ConnectionOpenOk|NOT_ALLOWED|530/.test(e.message)) return `vhost '${vhost}' refused for user '${user}' at ${where}; check --vhost (on a class server it is your username)`;
  if (/ECONNRESET|socket closed|Socket closed/i.test(e.message)) return `the connection to ${where} was closed during the handshake; is it an AMQP broker? (${redact(url)})`;
  return `cannot connect to ${redact(url)}: ${String(e.message).split('\n')[0]}`;
}

/** Connects to the chosen broker (a URL, or resolveAmqpUrl's choice), or throws one line saying why not. */
export async function connectOrExplain(chosen: ChosenUrl | string, clientName = 'queuelab'): Promise<ChannelModel> {
  const c = typeof chosen === 'string' ? { url: chosen, source: '--url' as const } : chosen;
  try {
    return await amqp.connect(c.url, { clientProperties: { connection_name: clientName } });
  } catch (err) {
    throw new ToolError(explainConnectError(err, c.url, c));
  }
}
