/**
 * The publish form's fields → the management API's publish properties, checked as the broker would
 * check them, so a typo is a one-line message on the page rather than a refused request.
 */
import type { PublishProperties } from './api-client.ts';

export interface PublishFields {
  persistent: boolean;
  contentType: string;
  correlationId: string;
  replyTo: string;
  messageId: string;
  expiration: string;
  priority: string;
  headers: string;
}

/** "name: value" lines → headers; blank lines are skipped. */
export function parseHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`headers line ${i + 1}: write it as name: value, got '${line}'`);
    out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  });
  return out;
}

/** The properties to publish with, or an Error saying which field is wrong. */
export function publishProperties(f: PublishFields): PublishProperties {
  const p: PublishProperties = {};
  if (f.persistent) p.delivery_mode = 2;
  if (f.contentType.trim()) p.content_type = f.contentType.trim();
  if (f.correlationId.trim()) p.correlation_id = f.correlationId.trim();
  if (f.replyTo.trim()) p.reply_to = f.replyTo.trim();
  if (f.messageId.trim()) p.message_id = f.messageId.trim();
  const expiration = f.expiration.trim();
  if (expiration) {
    if (!/^\d+$/.test(expiration)) throw new Error(`expiration is a whole number of milliseconds, got '${expiration}'`);
    p.expiration = expiration;
  }
  const priority = f.priority.trim();
  if (priority) {
    const n = Number(priority);
    if (!Number.isInteger(n) || n < 0 || n > 255) throw new Error(`priority is a whole number from 0 to 255, got '${priority}'`);
    p.priority = n;
  }
  const headers = parseHeaders(f.headers);
  if (Object.keys(headers).length > 0) p.headers = headers;
  return p;
}

/** What the page says after a publish: RabbitMQ's API answers only whether any queue got it. */
export function publishOutcome(routed: boolean, exchange: string, routingKey: string): string {
  const to = exchange === '' ? 'the default exchange' : `exchange ${exchange}`;
  return routed
    ? `published to ${to} with routing key '${routingKey}': routed to a queue`
    : `published to ${to} with routing key '${routingKey}', but no queue is bound to match it: the broker dropped the message`;
}
