/**
 * `qtop --web`: serves the broker view (broker-sim/src/http/web) for any broker, and relays the
 * page's /api/ requests to that broker's management API. RabbitMQ's API does not answer
 * cross-origin calls by default, so the page and the API must share an origin: this one.
 * The relay adds no credentials of its own: the browser's login goes through as it is. It drops
 * RabbitMQ's WWW-Authenticate header, so a wrong password shows on the page, not as a browser prompt.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageFile } from '../../broker-sim/src/http/web/assets.ts';

export interface WebRelayOptions {
  /** The broker's management API, e.g. http://127.0.0.1:15672. */
  managementUrl: string;
  host: string;
  /** 0 takes any free port; a taken port moves on to the next free one. */
  port: number;
  /** Per relayed request, ms. Default 10 s. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface WebRelay { url: string; port: number; close(): Promise<void> }

/** Request headers passed to the API: what a management API call needs, nothing of the browser's. */
const FORWARDED = ['authorization', 'content-type', 'accept', 'x-requested-with'];

export async function startWebRelay(o: WebRelayOptions): Promise<WebRelay> {
  const upstream = o.managementUrl.replace(/\/+$/, '').replace(/\/api$/, '');
  const log = o.log ?? (() => {});
  const server = createServer((req, res) => {
    answer(upstream, o.timeoutMs ?? 10_000, req, res).catch((err: unknown) => {
      log(`qtop --web: ${req.method} ${req.url}: ${(err as Error).message}`);
      if (!res.headersSent) reply(res, 500, JSON.stringify({ error: 'internal_error', reason: (err as Error).message }), 'application/json');
      else res.destroy();
    });
  });
  const port = await listen(server, o.host, o.port);
  const shown = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
  return {
    port,
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function answer(upstream: string, timeoutMs: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://relay');
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return relay(upstream, timeoutMs, req, res);
  const page = req.method === 'GET' || req.method === 'HEAD' ? await pageFile(url.pathname) : undefined;
  if (!page) return reply(res, 404, JSON.stringify({ error: 'Object Not Found', reason: 'Not Found' }), 'application/json');
  reply(res, 200, page.body, page.type, req.method === 'HEAD');
}

async function relay(upstream: string, timeoutMs: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const h of FORWARDED) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(await readAll(req));
  let answered: Response;
  try {
    answered = await fetch(`${upstream}${req.url}`, {
      method: req.method ?? 'GET', headers, ...(body === undefined ? {} : { body }), redirect: 'manual', signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    return reply(res, 502, JSON.stringify({ error: 'bad_gateway', reason: `cannot reach the management API at ${upstream}: ${cause}` }), 'application/json');
  }
  const bytes = new Uint8Array(await answered.arrayBuffer());
  reply(res, answered.status, bytes, answered.headers.get('content-type') ?? 'application/octet-stream', req.method === 'HEAD');
}

function reply(res: ServerResponse, status: number, body: string | Uint8Array, type: string, headOnly = false): void {
  const empty = status === 204 || status === 304;
  res.writeHead(status, { 'cache-control': 'no-cache', ...(empty ? {} : { 'content-type': type, 'content-length': Buffer.byteLength(body) }) });
  res.end(headOnly || empty ? undefined : body);
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function listen(server: Server, host: string, first: number): Promise<number> {
  for (let port = first, tries = 0; ; port++, tries++) {
    try {
      return await new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || first === 0 || tries > 100) throw err;
    }
  }
}

/** The address to open: the page, with the user and vhost of the broker URL filled in for the login. */
export function pageAddress(relayUrl: string, o: { username?: string; vhost?: string }): string {
  const q = new URLSearchParams();
  if (o.username) q.set('user', o.username);
  if (o.vhost !== undefined) q.set('vhost', o.vhost);
  return `${relayUrl}/${q.size ? `?${q}` : ''}`;
}
