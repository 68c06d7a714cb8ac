/**
 * Protocol faults as reply codes, not exceptions in spirit: an AmqpError carries the code and
 * RabbitMQ's text, and the server closes the channel (soft errors) or the connection (hard errors)
 * with it. Exceptions of any other type are bugs.
 */
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
    return this.code === 320 || this.code === 402 || this.code >= 500;
  }
}

const vh = (vhost: string): string => `vhost '${vhost}'`;

export const errors = {
  accessRefused: (text: string) => new AmqpError(403, `ACCESS_REFUSED - ${text}`),
  notFound: (text: string) => new AmqpError(404, `NOT_FOUND - ${text}`),
  noQueue: (vhost: string, q: string) => new AmqpError(404, `NOT_FOUND - no queue '${q}' in ${vh(vhost)}`),
  noExchange: (vhost: string, x: string) => new AmqpError(404, `NOT_FOUND - no exchange '${x}' in ${vh(vhost)}`),
  locked: (vhost: string, q: string) =>
    new AmqpError(405, `RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '${q}' in ${vh(vhost)}. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`),
  precondition: (text: string) => new AmqpError(406, `PRECONDITION_FAILED - ${text}`),
  unknownDeliveryTag: (tag: number) => new AmqpError(406, `PRECONDITION_FAILED - unknown delivery tag ${tag}`),
  notAllowed: (text: string) => new AmqpError(530, `NOT_ALLOWED - ${text}`),
  commandInvalid: (text: string) => new AmqpError(503, `COMMAND_INVALID - ${text}`),
  channelError: (text: string) => new AmqpError(504, `CHANNEL_ERROR - ${text}`),
  unexpectedFrame: (text: string) => new AmqpError(505, `UNEXPECTED_FRAME - ${text}`),
  notImplemented: (text: string) => new AmqpError(540, `NOT_IMPLEMENTED - ${text}`),
  internal: (text: string) => new AmqpError(541, `INTERNAL_ERROR - ${text}`),
};
