/**
 * Errors of the management API, with RabbitMQ's status codes and JSON bodies
 * (`{"error": …, "reason": …}`), so clients written for RabbitMQ read them unchanged.
 */
import { AmqpError } from '../core/errors.ts';

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(readonly status: number, readonly error: string, readonly reason: string, readonly headers: Record<string, string> = {}) {
    super(reason);
  }
}

export const httpErrors = {
  notFound: () => new HttpError(404, 'Object Not Found', 'Not Found'),
  badRequest: (reason: string) => new HttpError(400, 'bad_request', reason),
  /** Wrong user or password (RabbitMQ spells this one "authorized"). */
  loginFailed: () => new HttpError(401, 'not_authorized', 'Login failed', { 'www-authenticate': 'Basic realm="RabbitMQ Management"' }),
  notAuthorised: (reason: string) => new HttpError(401, 'not_authorised', reason),
  accessRefused: () => new HttpError(401, 'not_authorised', 'Access refused.'),
  noVhostAccess: () => new HttpError(401, 'not_authorised', 'User not authorised to access virtual host'),
  methodNotAllowed: (allowed: string[]) =>
    new HttpError(405, 'method_not_allowed', `use ${allowed.join(', ')}`, { allow: allowed.join(', ') }),
  tooLarge: (limit: number) => new HttpError(413, 'bad_request', `request body larger than ${limit} bytes`),
};

/** "PRECONDITION_FAILED - inequivalent arg …" → "inequivalent arg …": how RabbitMQ words declare and delete errors. */
export function reasonOf(err: AmqpError): string {
  const i = err.text.indexOf(' - ');
  return i >= 0 ? err.text.slice(i + 3) : err.text;
}

/**
 * An AMQP error from a declare, delete or bind as RabbitMQ's management API reports it: a refusal is
 * 401 "Access refused.", a missing object 404, anything else 400 with the broker's words.
 */
export function fromAmqp(err: unknown): unknown {
  if (!(err instanceof AmqpError)) return err;
  if (err.code === 403) return httpErrors.accessRefused();
  if (err.code === 404) return httpErrors.notFound();
  return httpErrors.badRequest(reasonOf(err));
}

/** As fromAmqp, for publish and get, which RabbitMQ runs on an AMQP channel: "<code> <text>". */
export function fromChannel(err: unknown): unknown {
  if (!(err instanceof AmqpError)) return err;
  return httpErrors.badRequest(`${err.code} ${err.text}`);
}
