/**
 * Protocol faults as reply codes, not exceptions in spirit: an AmqpError carries the code and
 * RabbitMQ's text, and the server closes the channel (soft errors) or the connection (hard errors)
 * with it. Which codes are hard comes from the spec's constants. Exceptions of any other type are bugs.
 */
import { HARD_ERRORS, ReplyCode } from '../protocol/index.ts';

export class AmqpError extends Error {
  override name = 'AmqpError';
  constructor(
    readonly code: number,
    readonly text: string,
    public classId = 0,
    public methodId = 0,
  ) {
    super(text);
  }
  /** Hard errors close the whole connection; soft ones only the channel. */
  get closesConnection(): boolean {
    return HARD_ERRORS.has(this.code);
  }
}

const vh = (vhost: string): string => `vhost '${vhost}'`;

/** An error with the spec's name of its code in front of RabbitMQ's text: "NOT_FOUND - …". */
function fault(code: keyof typeof ReplyCode, text: string): AmqpError {
  return new AmqpError(ReplyCode[code], `${code} - ${text}`);
}

export const errors = {
  accessRefused: (text: string) => fault('ACCESS_REFUSED', text),
  notFound: (text: string) => fault('NOT_FOUND', text),
  noQueue: (vhost: string, q: string) => fault('NOT_FOUND', `no queue '${q}' in ${vh(vhost)}`),
  noExchange: (vhost: string, x: string) => fault('NOT_FOUND', `no exchange '${x}' in ${vh(vhost)}`),
  locked: (vhost: string, q: string) =>
    fault('RESOURCE_LOCKED', `cannot obtain exclusive access to locked queue '${q}' in ${vh(vhost)}. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`),
  precondition: (text: string) => fault('PRECONDITION_FAILED', text),
  unknownDeliveryTag: (tag: number) => fault('PRECONDITION_FAILED', `unknown delivery tag ${tag}`),
  notAllowed: (text: string) => fault('NOT_ALLOWED', text),
  commandInvalid: (text: string) => fault('COMMAND_INVALID', text),
  channelError: (text: string) => fault('CHANNEL_ERROR', text),
  unexpectedFrame: (text: string) => fault('UNEXPECTED_FRAME', text),
  notImplemented: (text: string) => fault('NOT_IMPLEMENTED', text),
  internal: (text: string) => fault('INTERNAL_ERROR', text),
  connectionForced: (text: string) => fault('CONNECTION_FORCED', text),
};
