/**
 * A small path router: patterns like `/api/queues/:vhost/:name`, one handler per HTTP method.
 * Each path segment is percent-decoded on its own, so `%2F` in `/api/queues/%2F/q` is the vhost "/"
 * and never a separator, as in RabbitMQ's API.
 */
import { httpErrors } from './errors.ts';

export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

interface Route<H> { segments: string[]; handlers: Partial<Record<Method, H>> }

export interface Match<H> { handler: H; params: Record<string, string> }

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(pattern: string, handlers: Partial<Record<Method, H>>): this {
    this.routes.push({ segments: pattern.split('/').filter((s) => s !== ''), handlers });
    return this;
  }

  /** The handler for a method and raw path; throws 404 (no such path) or 405 (path without that method). */
  match(method: string, rawPath: string): Match<H> {
    const parts = splitPath(rawPath);
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      const handler = route.handlers[method as Method] ?? (method === 'HEAD' ? route.handlers.GET : undefined);
      if (!handler) throw httpErrors.methodNotAllowed(Object.keys(route.handlers));
      return { handler, params };
    }
    throw httpErrors.notFound();
  }
}

/** "/api/queues/%2F/q%20a/" → ["api", "queues", "/", "q a"]; a malformed escape is a 404. */
export function splitPath(rawPath: string): string[] {
  const raw = rawPath.split('/').filter((s, i, all) => !(s === '' && (i === 0 || i === all.length - 1)));
  try {
    return raw.map((s) => decodeURIComponent(s));
  } catch {
    throw httpErrors.notFound();
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const v = parts[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = v;
    else if (p !== v) return undefined;
  }
  return params;
}
