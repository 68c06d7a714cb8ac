/**
 * Exchanges and their bindings, and routing for each type: direct (key equality), fanout (all),
 * topic (dot-separated words, `*` one word, `#` zero or more) and headers (x-match all, any,
 * all-with-x, any-with-x; values compared by type as RabbitMQ compares them).
 */
import { errors } from './errors.ts';
import { sameTyped, typeName, unwrap } from './field-types.ts';
import type { AppliedPolicy } from './policies.ts';

export interface Binding {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  args: Record<string, unknown>;
  /** topic bindings: the key split into words, once. */
  words?: string[];
}

export const EXCHANGE_TYPES = ['direct', 'fanout', 'topic', 'headers'] as const;

export class Exchange {
  readonly bindings: Binding[] = [];
  constructor(
    readonly vhost: string,
    readonly name: string,
    readonly type: string,
    readonly durable: boolean,
    readonly autoDelete: boolean,
    readonly internal: boolean,
    readonly args: Record<string, unknown>,
  ) {}

  /** The policy in effect on this exchange (highest priority of those matching it), if any. */
  policy: AppliedPolicy | undefined;

  /**
   * Where messages this exchange routes nowhere go: its alternate-exchange argument, else the
   * alternate-exchange of its policy (the argument wins, as in RabbitMQ).
   */
  get alternateExchange(): string | undefined {
    const arg = unwrap(this.args['alternate-exchange']);
    if (typeof arg === 'string') return arg;
    if (Buffer.isBuffer(arg)) return arg.toString('utf8');
    const fromPolicy = this.policy?.definition['alternate-exchange'];
    return typeof fromPolicy === 'string' ? fromPolicy : undefined;
  }

  /** Bindings whose destination receives a message with this key and these headers. */
  matches(routingKey: string, headers: () => Record<string, unknown>): Binding[] {
    switch (this.type) {
      case 'fanout': return this.bindings;
      case 'direct': return this.bindings.filter((b) => b.routingKey === routingKey);
      case 'topic': {
        const words = routingKey.split('.');
        return this.bindings.filter((b) => topicMatch(b.words ?? (b.words = b.routingKey.split('.')), words, 0, 0));
      }
      case 'headers': {
        const h = headers();
        return this.bindings.filter((b) => headersMatch(b.args, h));
      }
      default: return [];
    }
  }
}

/** Topic matching on words: `*` is exactly one word, `#` zero or more. */
export function topicMatch(pattern: string[], key: string[], i: number, j: number): boolean {
  while (i < pattern.length) {
    const p = pattern[i]!;
    if (p === '#') {
      if (i === pattern.length - 1) return true;
      for (let k = j; k <= key.length; k++) if (topicMatch(pattern, key, i + 1, k)) return true;
      return false;
    }
    if (j >= key.length || (p !== '*' && p !== key[j])) return false;
    i++;
    j++;
  }
  return j === key.length;
}

const MATCH_MODES = ['all', 'any', 'all-with-x', 'any-with-x'];

/** A headers binding's x-match, checked as RabbitMQ checks it at queue.bind / exchange.bind (406). */
export function checkHeadersBinding(args: Record<string, unknown>): void {
  const mode = unwrap(args['x-match']);
  if (mode === undefined) return;
  if (typeof mode !== 'string' && !Buffer.isBuffer(mode)) {
    throw errors.precondition(`Invalid x-match field type ${typeName(mode)} (value ${String(mode)}); expected longstr`);
  }
  const text = String(mode);
  if (!MATCH_MODES.includes(text)) {
    throw errors.precondition(`Invalid x-match field value <<"${text}">>; expected all, any, all-with-x, or any-with-x`);
  }
}

/**
 * Headers matching: x-match all (default) or any over the binding's other arguments; x- arguments
 * take part only with all-with-x / any-with-x. A void argument asks only that the header be there.
 */
export function headersMatch(args: Record<string, unknown>, headers: Record<string, unknown>): boolean {
  const mode = String(unwrap(args['x-match']) ?? 'all');
  const withX = mode.endsWith('-with-x');
  const keys = Object.keys(args).filter((k) => k !== 'x-match' && (withX || !k.startsWith('x-')));
  const hit = (k: string): boolean => {
    if (!(k in headers)) return false;
    const want = args[k];
    return want === null || want === undefined || sameTyped(want, headers[k]);
  };
  if (mode.startsWith('any')) return keys.some(hit);
  return keys.every(hit);
}
