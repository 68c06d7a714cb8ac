/**
 * The management API's HTTP server (node:http, nothing else): authenticates each request, routes
 * it, and answers JSON as RabbitMQ's management plugin does. It sets no timers of its own: an idle
 * broker-sim with the API on uses no CPU. A failing handler answers 500 and is logged; the broker
 * carries on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { Broker } from '../core/broker.ts';
import type { ApiRequest, ApiResult, ApiRouter } from './api.ts';
import { Access, authenticate } from './auth.ts';
import type { AmqpSide, Listener, ManagementContext } from './context.ts';
import type { ErrorBody } from './contract.ts';
import { HttpError, httpErrors } from './errors.ts';
import { isObject } from './json.ts';
import { shape } from './listing.ts';
import { RateBook } from './rates.ts';
import { buildRouter } from './routes.ts';
import { Snapshot } from './snapshot.ts';
import { pageFile } from './web/assets.ts';

/** Larger request bodies (a publish) are refused with 413. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface ManagementServerOptions {
  host: string;
  port: number;
  /** When the port is taken, try the next ones (as `--any-port` does for AMQP). */
  nextFreePort?: boolean;
  /** broker-sim's version, for the overview. */
  productVersion: string;
  /** The local admin token the admin commands present (admin-token.ts); none: Basic auth only. */
  adminToken?: string;
  log?: (line: string) => void;
}

export interface ManagementServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The management port is taken and no other was to be tried. */
export class ManagementPortTaken extends Error {
  override name = 'ManagementPortTaken';
  constructor(readonly port: number) {
    super(`management API port ${port} is taken (is RabbitMQ's management plugin running?); use --http-port N, --no-http or --any-port`);
  }
}

/** Starts the API for a broker and the AMQP side whose connections it shows. */
export async function startManagementServer(broker: Broker, amqp: AmqpSide, o: ManagementServerOptions): Promise<ManagementServer> {
  const log = o.log ?? (() => {});
  let port = 0;
  const ctx: ManagementContext = {
    broker,
    connections: () => amqp.connections(),
    node: `broker-sim@${hostname()}`,
    productVersion: o.productVersion,
    now: () => Date.now(),
    rates: new RateBook(),
    listeners: (): Listener[] => [
      { protocol: 'amqp', ip_address: o.host, port: amqp.port },
      { protocol: 'http', ip_address: o.host, port },
    ],
    log,
  };
  const router = buildRouter();
  const server = createServer((req, res) => {
    handle(ctx, router, req, res, o.adminToken).catch((err: unknown) => log(`management API: ${(err as Error).message}`));
  });
  port = await listen(server, o);
  const shownHost = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
  return {
    port,
    url: `http://${shownHost}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function listen(server: Server, o: ManagementServerOptions): Promise<number> {
  for (let port = o.port, tries = 0; ; port++, tries++) {
    try {
      return await new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, o.host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || o.port === 0) throw err;
      if (!o.nextFreePort || tries > 100) throw new ManagementPortTaken(o.port);
    }
  }
}

async function handle(ctx: ManagementContext, router: ApiRouter, req: IncomingMessage, res: ServerResponse,
  adminToken: string | undefined): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // The broker view (web/) at / and /web/…; everything else is the API's.
    const page = req.method === 'GET' || req.method === 'HEAD' ? await pageFile(url.pathname || '/') : undefined;
    if (page) return send(res, 200, page.body, page.type, {}, req.method === 'HEAD');
    const { handler, params } = router.match(req.method ?? 'GET', url.pathname);
    const principal = await authenticate(ctx.broker, req.headers.authorization, isLoopback(req.socket.remoteAddress), adminToken);
    const raw = await readBody(req);
    let snapshot: Snapshot | undefined;
    const apiReq: ApiRequest = {
      params, query: url.searchParams, ctx,
      access: new Access(ctx.broker, principal),
      body: () => parseBody(raw),
      snapshot: () => (snapshot ??= new Snapshot(ctx)),
    };
    const result: ApiResult = await handler(apiReq);
    const body = result.body === undefined ? undefined : shape(result.body, url.searchParams);
    send(res, result.status, body === undefined ? undefined : JSON.stringify(body), 'application/json', result.headers, req.method === 'HEAD');
  } catch (err) {
    if (err instanceof HttpError) {
      // A script's request (the web view's) gets no WWW-Authenticate, which would pop up the browser's own login.
      const { 'www-authenticate': _challenge, ...scripted } = err.headers;
      const headers = req.headers['x-requested-with'] === 'XMLHttpRequest' ? scripted : err.headers;
      const body: ErrorBody = { error: err.error, reason: err.reason };
      send(res, err.status, JSON.stringify(body), 'application/json', headers);
      return;
    }
    ctx.log(`management API: ${req.method} ${req.url}: internal error: ${(err as Error).stack ?? err}`);
    const body: ErrorBody = { error: 'internal_error', reason: (err as Error).message };
    send(res, 500, JSON.stringify(body), 'application/json');
  }
}

function send(res: ServerResponse, status: number, body: string | Uint8Array | undefined, type: string,
  headers: Record<string, string> = {}, headOnly = false): void {
  if (res.headersSent) return;
  const h: Record<string, string | number> = { 'cache-control': 'no-cache', vary: 'accept, accept-encoding, origin', ...headers };
  if (body !== undefined && status !== 204) {
    h['content-type'] = type;
    h['content-length'] = Buffer.byteLength(body);
  }
  res.writeHead(status, h);
  res.end(headOnly || status === 204 ? undefined : body);
}

function isLoopback(address: string | undefined): boolean {
  const a = address ?? '';
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is read and dropped, so the 413 still reaches the client.
      if (size > MAX_BODY_BYTES) return reject(httpErrors.tooLarge(MAX_BODY_BYTES));
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let v: unknown;
  try {
    v = JSON.parse(raw.toString('utf8'));
  } catch {
    throw httpErrors.badRequest('not_json');
  }
  if (!isObject(v)) throw httpErrors.badRequest('not_json');
  return v;
}
