/**
 * A protocol fault found while decoding: carries the AMQP reply code the connection must be
 * closed with (501 FRAME_ERROR, 502 SYNTAX_ERROR, 505 UNEXPECTED_FRAME, 540 NOT_IMPLEMENTED…).
 */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(
    readonly code: number,
    message: string,
    readonly classId = 0,
    readonly methodId = 0,
  ) {
    super(message);
  }
}
