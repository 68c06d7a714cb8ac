/**
 * POST /api/exchanges/{vhost}/{name}/publish and POST /api/queues/{vhost}/{name}/get, as RabbitMQ
 * runs them: a publish answers whether the message was routed, once it is stored; a get takes up
 * to `count` messages on a channel of its own, then requeues or rejects them all (so a requeued
 * message is not fetched twice by one request), or takes them for good, as `ackmode` says.
 */
import { CoreChannel, type ChannelSink } from '../core/channel.ts';
import { publishHints } from '../core/content.ts';
import { AmqpError } from '../core/errors.ts';
import type { Message } from '../core/message.ts';
import { decodeProperties, encodeProperties, type BasicProperties } from '../protocol/index.ts';
import { afterCommit, ok, type ApiRequest, type ApiResult, type ApiRouter } from './api.ts';
import { fromChannel, httpErrors, HttpError } from './errors.ts';
import { propertiesFromJson, propertiesToJson } from './json.ts';

const ACKMODES = ['ack_requeue_true', 'ack_requeue_false', 'reject_requeue_true', 'reject_requeue_false'] as const;
type AckMode = typeof ACKMODES[number];

/** RabbitMQ names every missing key at once: [{key_missing,properties},{key_missing,payload_encoding}]. */
function requireKeys(body: Record<string, unknown>, keys: string[]): void {
  const missing = keys.filter((k) => body[k] === undefined);
  if (missing.length > 0) throw httpErrors.badRequest(`[${missing.map((k) => `{key_missing,${k}}`).join(',')}]`);
}

function payloadBytes(payload: unknown, encoding: unknown): Buffer {
  if (typeof payload !== 'string') throw httpErrors.badRequest('payload must be a string');
  if (encoding === 'string') return Buffer.from(payload, 'utf8');
  if (encoding === 'base64') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload.replace(/\s/g, ''))) throw httpErrors.badRequest('payload is not valid base64');
    return Buffer.from(payload, 'base64');
  }
  throw httpErrors.badRequest(`payload_encoding must be string or base64, got ${JSON.stringify(encoding)}`);
}

function encode(props: BasicProperties): Buffer {
  try {
    return encodeProperties(props);
  } catch (err) {
    throw httpErrors.badRequest(`properties cannot be encoded: ${(err as Error).message}`);
  }
}

function publish(req: ApiRequest): Promise<ApiResult> {
  const v = req.access.writable(req.params.vhost!);
  const exchange = req.params.name === 'amq.default' ? '' : req.params.name!;
  const body = req.body();
  requireKeys(body, ['routing_key', 'properties', 'payload', 'payload_encoding']);
  if (typeof body.routing_key !== 'string') throw httpErrors.badRequest('routing_key must be a string');
  const routingKey = body.routing_key;
  const content = payloadBytes(body.payload, body.payload_encoding);
  const props = propertiesFromJson(body.properties);
  const propertiesRaw = encode(props);
  const broker = req.ctx.broker;
  try {
    req.access.authorize(v.name, 'write', 'exchange', exchange);
    const x = v.exchange(exchange);
    if (x.internal) throw new AmqpError(403, `ACCESS_REFUSED - cannot publish to internal exchange '${exchange}' in vhost '${v.name}'`);
    if (broker.blocked) throw httpErrors.badRequest(`publishers are blocked: ${broker.blocked}`);
    const { expiration, priority } = publishHints(propertiesRaw);
    const queues = v.route(x, routingKey, () => props.headers ?? {});
    v.enqueue(queues, (): Message => ({
      id: broker.newMessageId(), exchange, routingKey, propertiesRaw, body: content,
      persistent: props.deliveryMode === 2, redelivered: false, stored: false, ...(priority === undefined ? {} : { priority }),
    }), expiration);
    return afterCommit(req, ok({ routed: queues.length > 0 }));
  } catch (err) {
    throw fromChannel(err);
  }
}

/** A channel that never has consumers, so nothing is ever delivered through it. */
const NO_SINK: ChannelSink = { deliver() {}, consumerCancelled() {}, leaseExpired() {}, canDeliver: () => true };

interface Got { message: Message; propertiesRaw: Buffer; redelivered: boolean; remaining: number }

function readGetRequest(body: Record<string, unknown>): { count: number; ackmode: AckMode; encoding: 'auto' | 'base64'; truncate?: number } {
  requireKeys(body, ['count', 'ackmode', 'encoding']);
  const count = Number(body.count);
  if (!Number.isInteger(count) || count < 0) throw httpErrors.badRequest(`count must be a whole number, got ${JSON.stringify(body.count)}`);
  if (!ACKMODES.includes(body.ackmode as AckMode)) throw httpErrors.badRequest(`ackmode must be one of ${ACKMODES.join(', ')}`);
  if (body.encoding !== 'auto' && body.encoding !== 'base64') throw httpErrors.badRequest('encoding must be auto or base64');
  const out = { count, ackmode: body.ackmode as AckMode, encoding: body.encoding as 'auto' | 'base64' } as ReturnType<typeof readGetRequest>;
  if (body.truncate !== undefined && body.truncate !== '') {
    const t = Number(body.truncate);
    if (!Number.isInteger(t) || t < 0) throw httpErrors.badRequest(`truncate must be a whole number, got ${JSON.stringify(body.truncate)}`);
    out.truncate = t;
  }
  return out;
}

function get(req: ApiRequest): Promise<ApiResult> {
  const v = req.access.writable(req.params.vhost!);
  const q = v.queues.get(req.params.name!);
  if (!q) throw httpErrors.notFound();
  const r = readGetRequest(req.body());
  try {
    req.access.authorize(v.name, 'read', 'queue', q.name);
  } catch (err) {
    if (err instanceof AmqpError) throw new HttpError(401, 'not_authorised', err.text);
    throw err;
  }
  const got: Got[] = [];
  const ch = new CoreChannel(0, 0, req.ctx.broker, NO_SINK);
  try {
    v.checkExclusive(q, 0);
    // As RabbitMQ: ack_requeue_false is a no-ack get (counted as get_no_ack); the others take
    // with acks and settle at the end. It stops once the queue says it has no more (no get_empty).
    const noAck = r.ackmode === 'ack_requeue_false';
    for (let i = 0; i < r.count; i++) {
      const one = ch.get(q, noAck);
      if (!one) break;
      got.push({ message: one.message, propertiesRaw: one.propertiesRaw, redelivered: one.message.redelivered, remaining: q.messageCount });
      if (q.messageCount === 0) break;
    }
    if (got.length > 0 && !noAck) ch.nack(0, true, r.ackmode !== 'reject_requeue_false');
  } catch (err) {
    throw fromChannel(err);
  } finally {
    ch.close();
  }
  return afterCommit(req, ok(got.map((g) => gotJson(g, r.encoding, r.truncate))));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function gotJson(g: Got, encoding: 'auto' | 'base64', truncate: number | undefined): Record<string, unknown> {
  const m = g.message;
  const shown = truncate === undefined ? m.body : m.body.subarray(0, truncate);
  let payload: string | undefined;
  if (encoding === 'auto') {
    try { payload = utf8.decode(shown); } catch { payload = undefined; }
  }
  return {
    payload_bytes: m.body.length,
    redelivered: g.redelivered,
    exchange: m.exchange,
    routing_key: m.routingKey,
    message_count: g.remaining,
    properties: propertiesToJson(decodeProperties(g.propertiesRaw)),
    payload: payload ?? shown.toString('base64'),
    payload_encoding: payload === undefined ? 'base64' : 'string',
  };
}

export function registerMessageRoutes(r: ApiRouter): void {
  r.add('/api/exchanges/:vhost/:name/publish', { POST: publish });
  r.add('/api/queues/:vhost/:name/get', { POST: get });
}
