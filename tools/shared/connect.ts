/**
 * Connecting with one clear line on failure: what failed and what to try, never a stack trace.
 */
import amqp, { type ChannelModel } from 'amqplib';
import { redact } from './connection-options.ts';

/** A failure the tool reports as one line and a non-zero exit. */
export class ToolError extends Error {
  override name = 'ToolError';
}

/** Turns a connection failure into one line saying what failed and what to try. */
export function explainConnectError(err: unknown, url: string): string {
  const e = err as NodeJS.ErrnoException & { message: string };
  const u = new URL(url);
  const where = `${u.hostname}:${u.port || 5672}`;
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

export async function connectOrExplain(url: string, clientName = 'queuelab'): Promise<ChannelModel> {
  try {
    return await amqp.connect(url, { clientProperties: { connection_name: clientName } });
  } catch (err) {
    throw new ToolError(explainConnectError(err, url));
  }
}
