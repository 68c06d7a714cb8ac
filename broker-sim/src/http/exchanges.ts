/**
 * /api/exchanges… and /api/bindings…: list, declare and delete exchanges; list, create and delete
 * bindings. A binding is named in URLs by its `properties_key`: the routing key, URL-quoted as
 * RabbitMQ quotes it, plus "~" and a short hash of the arguments when there are any.
 */
import { createHash } from 'node:crypto';
import type { Binding, Exchange } from '../core/exchange.ts';
import type { Vhost } from '../core/vhost.ts';
import { afterCommit, created, noContent, ok, type ApiRequest, type ApiResult, type ApiRouter } from './api.ts';
import type { BindingInfo, ExchangeInfo } from './contract.ts';
import { fromAmqp, httpErrors } from './errors.ts';
import { readBoolean, readString, readTable, toJson } from './json.ts';

/** The default exchange is "" in AMQP and "amq.default" in URLs. */
const urlName = (name: string): string => (name === 'amq.default' ? '' : name);

export function exchangeJson(x: Exchange, detailed = false): ExchangeInfo {
  const out: ExchangeInfo = {
    arguments: toJson(x.args) as Record<string, unknown>, auto_delete: x.autoDelete, durable: x.durable, internal: x.internal,
    name: x.name, type: x.type, vhost: x.vhost,
  };
  if (x.policy) out.policy = x.policy.name;
  if (detailed) Object.assign(out, { incoming: [], outgoing: [] });
  return out;
}

/** Letters, digits, "." "-" "_" kept, space as "+", every other byte %XX: RabbitMQ's quote_binding. */
export function quoteBinding(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9._-]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * "a.%23" for key "a.#"; "~" for the empty key; "key~hash" with arguments. RabbitMQ hashes the
 * arguments with Erlang's phash2, broker-sim with SHA-256: the keys are opaque either way.
 */
export function propertiesKey(routingKey: string, args: Record<string, unknown>): string {
  if (Object.keys(args).length === 0) return routingKey === '' ? '~' : quoteBinding(routingKey);
  const hash = createHash('sha256').update(JSON.stringify(toJson(sortKeys(args)))).digest().subarray(0, 4).toString('base64url');
  return `${quoteBinding(routingKey)}~${quoteBinding(hash)}`;
}

function sortKeys(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
}

function bindingJson(vhost: string, b: Binding): BindingInfo {
  return {
    source: b.source, vhost, destination: b.destination, destination_type: b.destinationType,
    routing_key: b.routingKey, arguments: toJson(b.args) as Record<string, unknown>, properties_key: propertiesKey(b.routingKey, b.args),
  };
}

/** Every queue is bound to the default exchange by its name: RabbitMQ lists those bindings too. */
function defaultBinding(queue: string): Binding {
  return { source: '', destination: queue, destinationType: 'queue', routingKey: queue, args: {} };
}

function bindingsOf(v: Vhost, keep: (b: Binding) => boolean = () => true): BindingInfo[] {
  const implicit = [...v.queues.keys()].sort().map(defaultBinding);
  const explicit = [...v.exchanges.values()].flatMap((x) => x.bindings).sort((a, b) =>
    a.source.localeCompare(b.source) || a.destination.localeCompare(b.destination) || a.routingKey.localeCompare(b.routingKey));
  return [...implicit, ...explicit].filter(keep).map((b) => bindingJson(v.name, b));
}

function listExchanges(req: ApiRequest, vhost?: string): ExchangeInfo[] {
  const vhosts = vhost === undefined ? req.access.visibleVhosts() : [req.access.readable(vhost)];
  return vhosts.flatMap((v) => [...v.exchanges.values()].sort((a, b) => a.name.localeCompare(b.name)).map((x) => exchangeJson(x)));
}

function findExchange(v: Vhost, name: string): Exchange {
  const x = v.exchanges.get(urlName(name));
  if (!x) throw httpErrors.notFound();
  return x;
}

function declareExchange(req: ApiRequest): Promise<ApiResult> {
  const v = req.access.writable(req.params.vhost!);
  const name = urlName(req.params.name!);
  req.access.require(v.name, 'configure', 'exchange', name);
  const body = req.body();
  const existed = v.exchanges.has(name);
  try {
    v.declareExchange(name, readString(body, 'type'), false, readBoolean(body, 'durable', false),
      readBoolean(body, 'auto_delete', false), readBoolean(body, 'internal', false), readTable(body, 'arguments'));
  } catch (err) {
    throw fromAmqp(err);
  }
  return afterCommit(req, existed ? noContent() : created());
}

function deleteExchange(req: ApiRequest): Promise<ApiResult> {
  const v = req.access.writable(req.params.vhost!);
  const x = findExchange(v, req.params.name!);
  req.access.require(v.name, 'configure', 'exchange', x.name);
  try {
    v.deleteExchange(x.name, req.query.get('if-unused') === 'true');
  } catch (err) {
    throw fromAmqp(err);
  }
  return afterCommit(req, noContent());
}

type DestinationType = 'queue' | 'exchange';

/** The bindings between one source and one destination, after checking both exist. */
function between(req: ApiRequest, type: DestinationType): { v: Vhost; source: string; destination: string; list: Binding[] } {
  const v = req.access.readable(req.params.vhost!);
  const source = urlName(req.params.source!);
  const destination = type === 'exchange' ? urlName(req.params.destination!) : req.params.destination!;
  if (!v.exchanges.has(source)) throw httpErrors.notFound();
  if (type === 'queue' ? !v.queues.has(destination) : !v.exchanges.has(destination)) throw httpErrors.notFound();
  const list = source === '' && type === 'queue' ? [defaultBinding(destination)]
    : v.exchanges.get(source)!.bindings.filter((b) => b.destinationType === type && b.destination === destination);
  return { v, source, destination, list };
}

function bind(req: ApiRequest, type: DestinationType): Promise<ApiResult> {
  const { v, source, destination } = between(req, type);
  req.access.writable(v.name);
  req.access.require(v.name, 'write', type, destination);
  req.access.require(v.name, 'read', 'exchange', source);
  const body = req.body();
  const b: Binding = { source, destination, destinationType: type, routingKey: readString(body, 'routing_key', ''), args: readTable(body, 'arguments') };
  try {
    v.bind(b);
  } catch (err) {
    throw fromAmqp(err);
  }
  return afterCommit(req, created(`${encodeURIComponent(destination)}/${propertiesKey(b.routingKey, b.args)}`));
}

function oneBinding(req: ApiRequest, type: DestinationType): { v: Vhost; b: Binding } {
  const { v, list } = between(req, type);
  const b = list.find((x) => propertiesKey(x.routingKey, x.args) === req.params.props);
  if (!b) throw httpErrors.notFound();
  return { v, b };
}

function unbind(req: ApiRequest, type: DestinationType): Promise<ApiResult> {
  const { v, b } = oneBinding(req, type);
  req.access.writable(v.name);
  req.access.require(v.name, 'write', type, b.destination);
  req.access.require(v.name, 'read', 'exchange', b.source);
  try {
    v.unbind(b);
  } catch (err) {
    throw fromAmqp(err);
  }
  return afterCommit(req, noContent());
}

export function registerExchangeRoutes(r: ApiRouter): void {
  r.add('/api/exchanges', { GET: (req) => ok(listExchanges(req)) });
  r.add('/api/exchanges/:vhost', { GET: (req) => ok(listExchanges(req, req.params.vhost!)) });
  r.add('/api/exchanges/:vhost/:name', {
    GET: (req) => ok(exchangeJson(findExchange(req.access.readable(req.params.vhost!), req.params.name!), true)),
    PUT: declareExchange,
    DELETE: deleteExchange,
  });
  r.add('/api/exchanges/:vhost/:name/bindings/source', {
    GET: (req) => {
      const v = req.access.readable(req.params.vhost!);
      const x = findExchange(v, req.params.name!);
      return ok(bindingsOf(v, (b) => b.source === x.name));
    },
  });
  r.add('/api/exchanges/:vhost/:name/bindings/destination', {
    GET: (req) => {
      const v = req.access.readable(req.params.vhost!);
      const x = findExchange(v, req.params.name!);
      return ok(bindingsOf(v, (b) => b.destinationType === 'exchange' && b.destination === x.name));
    },
  });
  r.add('/api/bindings', { GET: (req) => ok(req.access.visibleVhosts().flatMap((v) => bindingsOf(v))) });
  r.add('/api/bindings/:vhost', { GET: (req) => ok(bindingsOf(req.access.readable(req.params.vhost!))) });
  for (const [letter, type] of [['q', 'queue'], ['e', 'exchange']] as const) {
    r.add(`/api/bindings/:vhost/e/:source/${letter}/:destination`, {
      GET: (req) => {
        const { v, list } = between(req, type);
        return ok(list.map((b) => bindingJson(v.name, b)));
      },
      POST: (req) => bind(req, type),
    });
    r.add(`/api/bindings/:vhost/e/:source/${letter}/:destination/:props`, {
      GET: (req) => {
        const { v, b } = oneBinding(req, type);
        return ok(bindingJson(v.name, b));
      },
      DELETE: (req) => unbind(req, type),
    });
  }
  r.add('/api/queues/:vhost/:name/bindings', {
    GET: (req) => {
      const v = req.access.readable(req.params.vhost!);
      const name = req.params.name!;
      if (!v.queues.has(name)) throw httpErrors.notFound();
      return ok(bindingsOf(v, (b) => b.destinationType === 'queue' && b.destination === name));
    },
  });
}
