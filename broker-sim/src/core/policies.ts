/**
 * Policies as RabbitMQ 3.10 has them: a named pattern (an unanchored regex on names), what it
 * applies to (queues, exchanges or all) and a priority; of the policies matching an object, the one
 * with the highest priority is in effect, alone. Its definition sets queue and exchange settings
 * that arguments did not; for some settings an argument and a policy both count and the lower wins
 * (see withPolicy). Checked with RabbitMQ's validation texts.
 */
import type { QueueArgs } from './queue-args.ts';
import type { PolicyRecord } from './storage.ts';

export type { PolicyRecord };
/** The policy in effect on a queue or exchange. */
export type AppliedPolicy = PolicyRecord;

/** A policy refused, with RabbitMQ's reason (the management API answers 400 with it). */
export class PolicyError extends Error {
  override name = 'PolicyError';
}

/** The definition keys broker-sim applies, each with RabbitMQ's check of its value. */
const DEFINITION_KEYS: Record<string, { ok: (v: unknown) => boolean; what: string }> = {
  'alternate-exchange': { ok: isString, what: 'alternate exchange name' },
  'dead-letter-exchange': { ok: isString, what: 'dead letter exchange name' },
  'dead-letter-routing-key': { ok: isString, what: 'dead letter routing key' },
  'message-ttl': { ok: atLeast(0), what: 'message TTL' },
  expires: { ok: atLeast(1), what: 'queue expiry' },
  'max-length': { ok: atLeast(0), what: 'maximum length' },
  'max-length-bytes': { ok: atLeast(0), what: 'maximum length in bytes' },
  overflow: { ok: (v) => v === 'drop-head' || v === 'reject-publish' || v === 'reject-publish-dlx', what: 'overflow value' },
  'delivery-limit': { ok: atLeast(0), what: 'delivery limit' },
};

/** The definition keys a policy may set. */
export const POLICY_KEYS = Object.keys(DEFINITION_KEYS);

function isString(v: unknown): boolean { return typeof v === 'string'; }
function atLeast(min: number): (v: unknown) => boolean {
  return (v) => typeof v === 'number' && Number.isInteger(v) && v >= min;
}

/** What a client sends to set a policy: the management API's JSON body, or the CLI's flags. */
export interface PolicyInput {
  pattern?: unknown;
  definition?: unknown;
  priority?: unknown;
  'apply-to'?: unknown;
}

/** Checks a policy as RabbitMQ does (pattern, definition required; priority 0, apply-to all by default). */
export function readPolicy(vhost: string, name: string, input: PolicyInput): PolicyRecord {
  if (input.pattern === undefined) throw new PolicyError('[{key_missing,pattern}]');
  if (input.definition === undefined) throw new PolicyError('[{key_missing,definition}]');
  const failed = (why: string) => new PolicyError(`Validation failed\n\n${why}\n`);
  const priority = input.priority ?? 0;
  if (typeof priority !== 'number') throw failed(`priority should be a number, actually was ${erlangTerm(priority)}`);
  const pattern = input.pattern;
  if (typeof pattern !== 'string') throw failed(`pattern should be regular expression but is invalid: ${erlangTerm(pattern)}`);
  try { new RegExp(pattern); } catch (e) {
    throw failed(`pattern should be regular expression but is invalid: ${(e as Error).message}`);
  }
  const applyTo = input['apply-to'] ?? 'all';
  if (applyTo !== 'queues' && applyTo !== 'exchanges' && applyTo !== 'all') {
    throw failed(`apply-to '${String(applyTo)}' unrecognised; should be 'queues', 'exchanges' or 'all'`);
  }
  return { vhost, name, pattern, applyTo, priority, definition: readDefinition(input.definition, failed) };
}

function readDefinition(definition: unknown, failed: (why: string) => PolicyError): Record<string, unknown> {
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    throw failed(`definition must be a dictionary: ${erlangTerm(definition)}`);
  }
  const d = definition as Record<string, unknown>;
  if (Object.keys(d).length === 0) throw failed('no policy provided');
  for (const [k, check] of Object.entries(DEFINITION_KEYS)) {
    if (k in d && !check.ok(d[k])) throw failed(`${erlangTerm(d[k])} is not a valid ${check.what}`);
  }
  const unknown = Object.keys(d).filter((k) => !(k in DEFINITION_KEYS)).sort();
  if (unknown.length > 0) {
    throw failed(`[${unknown.map((k) => `{${erlangTerm(k)},${erlangTerm(d[k])}}`).join(',')}] are not recognised policy settings`);
  }
  return { ...d };
}

/** A JSON value as RabbitMQ's validation messages print it (Erlang's ~p: strings as <<"…">>). */
function erlangTerm(v: unknown): string {
  if (typeof v === 'string') return `<<"${v}">>`;
  if (Array.isArray(v)) return `[${v.map(erlangTerm).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `[${Object.entries(v).map(([k, x]) => `{${erlangTerm(k)},${erlangTerm(x)}}`).join(',')}]`;
  }
  return String(v);
}

/** Regexes compiled once per pattern: every declaration looks its policy up. */
const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let r = compiled.get(pattern);
  if (!r) {
    r = new RegExp(pattern);
    compiled.set(pattern, r);
  }
  return r;
}

/** The policy in effect on a queue or exchange of this name: the matching one of highest priority. */
export function policyFor(policies: Iterable<PolicyRecord>, kind: 'queue' | 'exchange', name: string): PolicyRecord | undefined {
  let best: PolicyRecord | undefined;
  for (const p of policies) {
    if (p.applyTo !== 'all' && p.applyTo !== `${kind}s`) continue;
    if (!regex(p.pattern).test(name)) continue;
    if (!best || p.priority > best.priority) best = p;
  }
  return best;
}

/** How a queue argument and a policy's value of the same setting combine, as RabbitMQ 3.10 resolves them. */
type Resolve = 'argument' | 'policy' | 'lower';

/**
 * A queue's settings under a policy: a setting the declaration left out comes from the policy; one
 * both set is resolved as RabbitMQ resolves it — the lower of the two for limits and TTLs, the
 * argument for dead-lettering, and for overflow the argument on classic queues, the policy on
 * quorum queues.
 */
export function withPolicy(declared: QueueArgs, args: Record<string, unknown>, policy: PolicyRecord | undefined): QueueArgs {
  if (!policy) return declared;
  const d = policy.definition;
  const out: QueueArgs = { ...declared };
  const pick = <T>(key: string, arg: T | undefined, resolve: Resolve): T | undefined => {
    const p = d[key] as T | undefined;
    if (p === undefined) return arg;
    if (arg === undefined) return p;
    if (resolve === 'argument') return arg;
    if (resolve === 'policy') return p;
    return Math.min(Number(arg), Number(p)) as T;
  };
  out.messageTtl = pick('message-ttl', declared.messageTtl, 'lower');
  out.expires = pick('expires', declared.expires, 'lower');
  out.maxLength = pick('max-length', declared.maxLength, 'lower');
  out.maxLengthBytes = pick('max-length-bytes', declared.maxLengthBytes, 'lower');
  out.deadLetterExchange = pick('dead-letter-exchange', declared.deadLetterExchange, 'argument');
  out.deadLetterRoutingKey = pick('dead-letter-routing-key', declared.deadLetterRoutingKey, 'argument');
  const overflowArg = args['x-overflow'] === undefined ? undefined : declared.overflow;
  out.overflow = pick('overflow', overflowArg, declared.type === 'quorum' ? 'policy' : 'argument') ?? 'drop-head';
  // Only quorum queues have delivery limits (a classic queue ignores the key, as RabbitMQ).
  if (declared.type === 'quorum') out.deliveryLimit = pick('delivery-limit', declared.deliveryLimit, 'lower');
  return out;
}
