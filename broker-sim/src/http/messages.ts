/**
 * POST /api/exchanges/{vhost}/{name}/publish and POST /api/queues/{vhost}/{name}/get, as RabbitMQ
 * runs them, on a channel of their own: a publish goes through core's one publish path and answers
 * whether the message was routed once it is stored (a queue that refuses it is a 400, as RabbitMQ's
 * nack); a get takes up to `count` messages, then requeues or rejects them all (so a requeued
 * message is not fetched twice by one request), or takes them for good, as `ackmode` says.
 */
import type { ChannelSink, CoreChannel, Outgoing } from '../core/channel.ts';
import { CoreConnection } from '../core/connection.ts';
import { AmqpError } from '../core/errors.ts';
import type { Vhost } from '../core/vhost.ts';
import { decodeProperties, encodeProperties, type BasicProperties } from '../protocol/index.ts';
import { ok, type ApiRequest, type ApiResult, type ApiRouter } from './api.ts';
import type { AckMode, GotMessage, PublishResult } from './contract.ts';
import { fromChannel, httpErrors, HttpError } from './errors.ts';
import { propertiesFromJson, propertiesToJson } from './json.ts';

const ACKMODES: readonly AckMode[] = ['ack_requeue_true', 'ack_requeue_false', 'reject_requeue_true', 'reject_requeue_false'];

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

/** A request's own channel sends nothing anywhere; a get collects its get-oks. */
export const IGNORE: ChannelSink = { deliver() {}, getOk() {}, getEmpty() {}, consumerCancelled() {}, closed() {}, canDeliver: () => true };

/**
 * Runs `use` on a channel of the request's own, on a connection of its own (number 0: no AMQP
 * connection has it), closed once every change made on it is committed.
 */
export function onOwnChannel<T>(req: ApiRequest, v: Vhost, sink: ChannelSink, use: (ch: CoreChannel) => T): Promise<T> {
  const conn = new CoreConnection(req.ctx.broker, 0, v, false);
  const ch = conn.openChannel(0, sink);
  let result: T;
  try {
    result = use(ch);
  } catch (err) {
    conn.close();
    throw fromChannel(err);
  }
  return new Promise((resolve) => ch.afterCommit(() => {
    conn.close();
    resolve(result);
  }));
}

async function publish(req: ApiRequest): Promise<ApiResult> {
  const v = req.access.writable(req.params.vhost!);
  const exchange = req.params.name === 'amq.default' ? '' : req.params.name!;
  const body = req.body();
  requireKeys(body, ['routing_key', 'properties', 'payload', 'payload_encoding']);
  if (typeof body.routing_key !== 'string') throw httpErrors.badRequest('routing_key must be a string');
  const routingKey = body.routing_key;
  const content = payloadBytes(body.payload, body.payload_encoding);
  const propertiesRaw = encode(propertiesFromJson(body.properties));
  const broker = req.ctx.broker;
  try {
    req.access.authorize(v.name, 'write', 'exchange', exchange);
    v.exchangeForPublish(exchange);
  } catch (err) {
    throw fromChannel(err);
  }
  if (broker.blocked) throw httpErrors.badRequest(`publishers are blocked: ${broker.blocked}`);
  // RabbitMQ publishes with mandatory set and reads a basic.return as routed: false.
  const outcome = await onOwnChannel(req, v, IGNORE,
    (ch) => ch.publish({ exchange, routingKey, propertiesRaw, body: content, mandatory: true }));
  if (outcome.rejected) throw httpErrors.badRequest('rejected Unable to publish message. Check queue limits.');
  const result: PublishResult = { routed: outcome.routed };
  return ok(result);
}

interface Got { d: Outgoing; remaining: number }

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

async function get(req: ApiRequest): Promise<ApiResult> {
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
  const sink: ChannelSink = { ...IGNORE, getOk: (d, remaining) => got.push({ d, remaining }) };
  await onOwnChannel(req, v, sink, (ch) => {
    // As RabbitMQ: ack_requeue_false is a no-ack get (counted as get_no_ack); the others take
    // with acks and settle at the end. It stops once the queue says it has no more (no get_empty).
    const noAck = r.ackmode === 'ack_requeue_false';
    for (let i = 0; i < r.count; i++) {
      if (!ch.get(q.name, noAck) || q.messageCount === 0) break;
    }
    if (ch.unackedCount > 0) ch.nack(0, true, r.ackmode !== 'reject_requeue_false');
  });
  return ok(got.map((g) => gotJson(g, r.encoding, r.truncate)));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function gotJson(g: Got, encoding: 'auto' | 'base64', truncate: number | undefined): GotMessage {
  const m = g.d;
  const shown = truncate === undefined ? m.body : m.body.subarray(0, truncate);
  let payload: string | undefined;
  if (encoding === 'auto') {
    try { payload = utf8.decode(shown); } catch { payload = undefined; }
  }
  return {
    payload_bytes: m.body.length,
    redelivered: m.redelivered,
    exchange: m.exchange,
    routing_key: m.routingKey,
    message_count: g.remaining,
    properties: propertiesToJson(decodeProperties(m.propertiesRaw)),
    payload: payload ?? shown.toString('base64'),
    payload_encoding: payload === undefined ? 'base64' : 'string',
  };
}

export function registerMessageRoutes(r: ApiRouter): void {
  r.add('/api/exchanges/:vhost/:name/publish', { POST: publish });
  r.add('/api/queues/:vhost/:name/get', { POST: get });
}
