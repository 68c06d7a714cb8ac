/**
 * /api/definitions and /api/definitions/{vhost}: the broker's topology as one JSON document, in
 * RabbitMQ's format, and back. GET exports users (with RabbitMQ's password hashes), vhosts,
 * permissions, vhost limits (as vhost-limits parameters), policies, queues, exchanges and bindings; POST
 * imports such a document — RabbitMQ's own export included. A document is checked whole before
 * anything is applied: a malformed one gets one 400 naming the first fault and changes nothing.
 * Administrators only, as RabbitMQ.
 */
import type { Exchange } from '../core/exchange.ts';
import { PolicyError, readPolicy, type PolicyRecord } from '../core/policies.ts';
import type { Queue } from '../core/queue.ts';
import type { Vhost } from '../core/vhost.ts';
import { afterCommit, noContent, ok, type ApiRequest, type ApiResult, type ApiRouter } from './api.ts';
import type {
  DefinitionBinding, DefinitionExchange, DefinitionParameter, DefinitionPolicy, DefinitionQueue, Definitions,
} from './contract.ts';
import { fromAmqp, HttpError, httpErrors } from './errors.ts';
import { isObject } from './json.ts';
import { API_VERSION } from './overview.ts';
import { allPermissions, putPermission } from './permissions.ts';
import { putUser, userJson } from './users.ts';
import { limitsJson, readLimit } from './vhost-limits.ts';

// ---- export ----

/** Queues a definitions export lists: RabbitMQ leaves out exclusive ones (they die with their connection). */
function exportedQueues(v: Vhost): Queue[] {
  return [...v.queues.values()].filter((q) => q.owner === null);
}

/** Exchanges a client declared: not the default one and not the predeclared amq.* ones. */
function exportedExchanges(v: Vhost): Exchange[] {
  return [...v.exchanges.values()].filter((x) => x.name !== '' && !x.name.startsWith('amq.'));
}

function vhostObjects(v: Vhost, withVhost: boolean) {
  const tag = withVhost ? { vhost: v.name } : {};
  const queues = exportedQueues(v).map((q): DefinitionQueue => ({
    name: q.name, ...tag, durable: q.durable, auto_delete: q.autoDelete, arguments: q.args }));
  const exchanges = exportedExchanges(v).map((x): DefinitionExchange => ({
    name: x.name, ...tag, type: x.type, durable: x.durable, auto_delete: x.autoDelete, internal: x.internal, arguments: x.args }));
  const bindings = [...v.exchanges.values()].filter((x) => x.name !== '').flatMap((x) => x.bindings.map((b): DefinitionBinding => ({
    source: x.name, ...tag, destination: b.destination, destination_type: b.destinationType, routing_key: b.routingKey, arguments: b.args })));
  const parameters = limitsJson(v).map((l): DefinitionParameter => ({ value: l.value, vhost: v.name, component: 'vhost-limits', name: 'limits' }));
  // As RabbitMQ: a policy keeps its vhost field even in a vhost's own export.
  const policies = [...v.policies.values()].map((p): DefinitionPolicy => ({
    vhost: v.name, name: p.name, pattern: p.pattern, 'apply-to': p.applyTo, definition: p.definition, priority: p.priority }));
  return { parameters, policies, queues, exchanges, bindings };
}

function exportAll(req: ApiRequest): Definitions {
  const { broker, productVersion } = req.ctx;
  const vhosts = [...broker.vhosts.values()];
  const per = vhosts.map((v) => vhostObjects(v, true));
  return {
    rabbit_version: API_VERSION, rabbitmq_version: API_VERSION, product_name: 'broker-sim', product_version: productVersion,
    users: [...broker.users.values()].map((u) => {
      const { name, password_hash, hashing_algorithm, tags, limits } = userJson(u);
      return { name, password_hash: password_hash ?? '', ...(hashing_algorithm ? { hashing_algorithm } : {}), tags, limits };
    }),
    vhosts: vhosts.map((v) => ({ name: v.name })),
    permissions: allPermissions(req),
    topic_permissions: [],
    parameters: per.flatMap((p) => p.parameters),
    global_parameters: [],
    policies: per.flatMap((p) => p.policies),
    queues: per.flatMap((p) => p.queues),
    exchanges: per.flatMap((p) => p.exchanges),
    bindings: per.flatMap((p) => p.bindings),
  };
}

function exportVhost(v: Vhost): Definitions {
  return { rabbit_version: API_VERSION, ...vhostObjects(v, false) };
}

// ---- import ----

type Entry = Record<string, unknown>;

/** The entries of one section: absent is none; anything but a list of objects is a 400. */
function section(doc: Entry, key: string): Entry[] {
  const v = doc[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every(isObject)) throw httpErrors.badRequest(`definitions: ${key} must be a list of objects`);
  return v;
}

function text(e: Entry, key: string, where: string, dflt?: string): string {
  const v = e[key] ?? dflt;
  if (typeof v !== 'string') throw httpErrors.badRequest(`definitions: ${where} needs ${key} as a string, got ${JSON.stringify(e[key])}`);
  return v;
}

function flag(e: Entry, key: string, where: string): boolean {
  const v = e[key] ?? false;
  if (typeof v !== 'boolean' && v !== 'true' && v !== 'false') throw httpErrors.badRequest(`definitions: ${where} needs ${key} as true or false`);
  return v === true || v === 'true';
}

function table(e: Entry, key: string, where: string): Record<string, unknown> {
  const v = e[key] ?? {};
  if (Array.isArray(v) && v.length === 0) return {};
  if (!isObject(v)) throw httpErrors.badRequest(`definitions: ${where} needs ${key} as an object`);
  return v;
}

/** One checked document, ready to apply: every name, flag and table read. */
interface Plan {
  users: Entry[];
  vhosts: string[];
  permissions: { vhost: string; user: string; entry: Entry }[];
  limits: { vhost: string; limits: [string, unknown][] }[];
  policies: PolicyRecord[];
  queues: { vhost: string; name: string; durable: boolean; autoDelete: boolean; args: Record<string, unknown> }[];
  exchanges: { vhost: string; name: string; type: string; durable: boolean; autoDelete: boolean; internal: boolean; args: Record<string, unknown> }[];
  bindings: { vhost: string; source: string; destination: string; destinationType: 'queue' | 'exchange'; routingKey: string; args: Record<string, unknown> }[];
}

/**
 * Reads a document; `vhost` is the one of /api/definitions/{vhost}, whose objects carry no vhost
 * field (and whose users, vhosts and permissions RabbitMQ ignores).
 */
function plan(doc: Entry, vhost?: string): Plan {
  const vh = (e: Entry, where: string): string => vhost ?? text(e, 'vhost', where);
  const users = vhost === undefined ? section(doc, 'users') : [];
  for (const u of users) {
    const name = text(u, 'name', 'a user');
    if (u.tags === undefined) throw httpErrors.badRequest(`definitions: user '${name}': tags_not_present`);
    if (isObject(u.limits) && Object.keys(u.limits).length > 0) {
      throw httpErrors.badRequest(`definitions: user '${name}' has limits, which broker-sim does not support`);
    }
  }
  if (section(doc, 'topic_permissions').length > 0) {
    throw httpErrors.badRequest('definitions: topic_permissions are not supported by broker-sim; remove them to import the rest');
  }
  const vhosts = (vhost === undefined ? section(doc, 'vhosts') : []).map((v) => text(v, 'name', 'a vhost'));
  const permissions = (vhost === undefined ? section(doc, 'permissions') : []).map((p) =>
    ({ vhost: text(p, 'vhost', 'a permission'), user: text(p, 'user', 'a permission'), entry: p }));
  const limits = section(doc, 'parameters').map((p) => {
    const where = `parameter '${String(p.name)}'`;
    if (text(p, 'component', where) !== 'vhost-limits') {
      throw httpErrors.badRequest(`definitions: ${where} of component '${String(p.component)}': broker-sim keeps only vhost-limits parameters`);
    }
    if (!isObject(p.value)) throw httpErrors.badRequest(`definitions: ${where} needs value as an object`);
    const entries = Object.entries(p.value);
    for (const [k, x] of entries) readLimit(k, x);
    return { vhost: vh(p, where), limits: entries };
  });
  const policies = section(doc, 'policies').map((p) => {
    const name = text(p, 'name', 'a policy');
    try {
      return readPolicy(vh(p, `policy '${name}'`), name, p);
    } catch (err) {
      if (err instanceof PolicyError) throw httpErrors.badRequest(`definitions: policy '${name}': ${err.message.replace(/^Validation failed\s*/, '').trim()}`);
      throw err;
    }
  });
  const queues = section(doc, 'queues').map((q) => {
    const where = `queue '${String(q.name)}'`;
    return { vhost: vh(q, where), name: text(q, 'name', 'a queue'), durable: flag(q, 'durable', where),
      autoDelete: flag(q, 'auto_delete', where), args: table(q, 'arguments', where) };
  });
  const exchanges = section(doc, 'exchanges').map((x) => {
    const where = `exchange '${String(x.name)}'`;
    return { vhost: vh(x, where), name: text(x, 'name', 'an exchange'), type: text(x, 'type', where), durable: flag(x, 'durable', where),
      autoDelete: flag(x, 'auto_delete', where), internal: flag(x, 'internal', where), args: table(x, 'arguments', where) };
  });
  const bindings = section(doc, 'bindings').map((b) => {
    const where = `binding of '${String(b.source)}' to '${String(b.destination)}'`;
    const destinationType = text(b, 'destination_type', where);
    if (destinationType !== 'queue' && destinationType !== 'exchange') {
      throw httpErrors.badRequest(`definitions: ${where} needs destination_type queue or exchange`);
    }
    return { vhost: vh(b, where), source: text(b, 'source', where), destination: text(b, 'destination', where), destinationType,
      routingKey: text(b, 'routing_key', where, ''), args: table(b, 'arguments', where) } as Plan['bindings'][number];
  });
  return { users, vhosts, permissions, limits, policies, queues, exchanges, bindings };
}

/**
 * Every vhost and user the document's objects name must exist or be made by the document: checked
 * before anything is applied, so a dangling name changes nothing.
 */
function checkReferences(req: ApiRequest, p: Plan): void {
  const { broker } = req.ctx;
  const vhosts = new Set([...broker.vhosts.keys(), ...p.vhosts]);
  const users = new Set([...broker.users.keys(), ...p.users.map((u) => u.name as string)]);
  const named = [...p.permissions, ...p.limits, ...p.policies, ...p.queues, ...p.exchanges, ...p.bindings].map((o) => o.vhost);
  const vhost = named.find((v) => !vhosts.has(v));
  if (vhost !== undefined) throw httpErrors.badRequest(`definitions: vhost '${vhost}' does not exist and is not among the document's vhosts`);
  const user = p.permissions.find((x) => !users.has(x.user))?.user;
  if (user !== undefined) throw httpErrors.badRequest(`definitions: permission for user '${user}', who does not exist and is not among the document's users`);
}

/** A vhost named by the document: created by it, or already there. */
function target(req: ApiRequest, name: string): Vhost {
  const v = req.ctx.broker.vhost(name);
  if (!v) throw httpErrors.badRequest(`definitions: vhost '${name}' does not exist and is not among the document's vhosts`);
  return v;
}

/** Applies a checked plan in RabbitMQ's order: users, vhosts, permissions, limits, policies, exchanges, queues, bindings. */
function apply(req: ApiRequest, p: Plan): void {
  const { broker } = req.ctx;
  for (const u of p.users) putUser(req, u.name as string, u);
  for (const name of p.vhosts) broker.addVhost(name);
  for (const { vhost, user, entry } of p.permissions) {
    try {
      putPermission(req, vhost, user, entry);
    } catch (err) {
      if (err instanceof HttpError) throw httpErrors.badRequest(`definitions: permission of '${user}' on '${vhost}': ${err.reason}`);
      throw err;
    }
  }
  for (const { vhost, limits } of p.limits) {
    const v = target(req, vhost);
    for (const [k, x] of limits) broker.setVhostLimit(v, ...readLimit(k, x));
  }
  for (const policy of p.policies) broker.setPolicy(policy);
  try {
    for (const x of p.exchanges) target(req, x.vhost).declareExchange(x.name, x.type, false, x.durable, x.autoDelete, x.internal, x.args);
    for (const q of p.queues) {
      target(req, q.vhost).declareQueue({ queue: q.name, passive: false, durable: q.durable, exclusive: false, autoDelete: q.autoDelete, arguments: q.args }, null);
    }
    for (const b of p.bindings) {
      const v = target(req, b.vhost);
      // As RabbitMQ: a binding whose source or destination is missing is skipped.
      const there = v.exchanges.has(b.source) && (b.destinationType === 'queue' ? v.queues.has(b.destination) : v.exchanges.has(b.destination));
      if (there) v.bind({ source: b.source, destination: b.destination, destinationType: b.destinationType, routingKey: b.routingKey, args: b.args });
    }
  } catch (err) {
    throw fromAmqp(err);
  }
}

/** RabbitMQ's word for a body that is not a JSON object. */
function document(req: ApiRequest): Entry {
  try {
    return req.body();
  } catch (err) {
    if (err instanceof HttpError) throw httpErrors.badRequest('failed_to_parse_json');
    throw err;
  }
}

function importDocument(req: ApiRequest, vhost?: string): Promise<ApiResult> {
  req.access.requireAdmin();
  if (vhost !== undefined && !req.ctx.broker.vhost(vhost)) throw new HttpError(404, 'not_found', 'vhost_not_found');
  const p = plan(document(req), vhost);
  checkReferences(req, p);
  apply(req, p);
  return afterCommit(req, noContent());
}

export function registerDefinitionRoutes(r: ApiRouter): void {
  r.add('/api/definitions', {
    GET: (req) => {
      req.access.requireAdmin();
      return ok(exportAll(req));
    },
    POST: (req) => importDocument(req),
  });
  r.add('/api/definitions/:vhost', {
    GET: (req) => {
      req.access.requireAdmin();
      const v = req.ctx.broker.vhost(req.params.vhost!);
      if (!v) throw httpErrors.notFound();
      return ok(exportVhost(v));
    },
    POST: (req) => importDocument(req, req.params.vhost!),
  });
}
