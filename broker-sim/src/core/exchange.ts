/**
 * Exchanges and their bindings, and routing for each type: direct (key equality), fanout (all),
 * topic (dot-separated words, `*` one word, `#` zero or more) and headers (x-match all/any).
 */
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

/** Headers matching: x-match all (default) or any; x- arguments other than x-match are ignored. */
export function headersMatch(args: Record<string, unknown>, headers: Record<string, unknown>): boolean {
  const mode = String(args['x-match'] ?? 'all');
  const withX = mode.endsWith('-with-x');
  const keys = Object.keys(args).filter((k) => k !== 'x-match' && (withX || !k.startsWith('x-')));
  const hit = (k: string): boolean => {
    if (!(k in headers)) return false;
    const want = args[k];
    return want === null || want === undefined || sameValue(want, headers[k]);
  };
  if (mode.startsWith('any')) return keys.some(hit);
  return keys.every(hit);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (typeof a === 'object' && a && 'value' in a) a = (a as { value: unknown }).value;
  if (typeof b === 'object' && b && 'value' in b) b = (b as { value: unknown }).value;
  return a === b || String(a) === String(b);
}
