/**
 * Small helpers the generated codec calls: error raising (kept out of line so the hot paths stay
 * small) and longstr conversion.
 */
import { ProtocolError } from './errors.ts';
import { ReplyCode } from './reply-codes.generated.ts';

/** Throws 502 SYNTAX_ERROR for arguments or properties that end before their declared length. */
export function truncated(classId: number, methodId: number): never {
  throw new ProtocolError(ReplyCode.SYNTAX_ERROR, 'SYNTAX_ERROR - truncated or malformed arguments', classId, methodId);
}

/** A shortstr longer than 255 bytes cannot be encoded: a bug in the caller, not a protocol fault. */
export function shortstrTooLong(where: string, field: string, bytes: number): never {
  throw new RangeError(`${where}: ${field} is ${bytes} bytes, a shortstr holds at most 255`);
}

/** longstr arguments accept a string (encoded as UTF-8) or bytes. */
export function longstrBytes(v: Buffer | string): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}
