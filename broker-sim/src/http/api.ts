/** The shape of a management API handler: a parsed request in, a status and JSON body out. */
import type { Access } from './auth.ts';
import type { ManagementContext } from './context.ts';
import type { Router } from './router.ts';
import type { Snapshot } from './snapshot.ts';

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body, an object; a missing body is {}; anything else is a 400 not_json. */
  body(): Record<string, unknown>;
  access: Access;
  ctx: ManagementContext;
  /** This request's view of the broker, made on first use. */
  snapshot(): Snapshot;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: ApiRequest) => ApiResult | Promise<ApiResult>;

export type ApiRouter = Router<Handler>;

export const ok = (body: unknown): ApiResult => ({ status: 200, body });
export const noContent = (): ApiResult => ({ status: 204 });
export const created = (location?: string): ApiResult => ({ status: 201, ...(location ? { headers: { location } } : {}) });

/** Answers once storage has committed every change made so far, as RabbitMQ answers once durable. */
export function afterCommit(req: ApiRequest, result: ApiResult): Promise<ApiResult> {
  return new Promise((resolve) => req.ctx.broker.afterCommit(() => resolve(result)));
}
