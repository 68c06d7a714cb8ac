/**
 * The expiration property, read as RabbitMQ reads it: Erlang's string:to_integer (an optional sign,
 * then digits, nothing after them), from 0 to ten years in milliseconds. A refusal is a 406 whose
 * text is RabbitMQ's word for word, including the way Erlang's ~p breaks a term that does not fit
 * on an 80-column line.
 */
import { errors } from './errors.ts';

/** RabbitMQ's largest expiration, in milliseconds (ten years). */
export const MAX_EXPIRATION = 315_360_000_000;

/** Milliseconds from the expiration property; throws RabbitMQ's 406 when it is not one. */
export function parseExpiration(text: string): number {
  const m = /^([+-]?)(\d+)(.*)$/s.exec(text);
  if (!m) throw invalid(text, 'no_integer');
  const digits = BigInt(m[2]!);
  const n = m[1] === '-' ? -digits : digits;
  if (m[3] !== '') throw invalid(text, ['leftover_string', erlangString(m[3]!)]);
  if (n < 0n) throw invalid(text, ['value_negative', n.toString()]);
  if (n > BigInt(MAX_EXPIRATION)) throw invalid(text, ['value_too_large', n.toString()]);
  return Number(n);
}

/** An atom, or a two-element tuple whose elements are already printed. */
type Reason = string | [string, string];

function invalid(text: string, reason: Reason): Error {
  const lead = `invalid expiration '${text}': `;
  return errors.precondition(lead + printTerm(reason, [...lead].length));
}

/**
 * A tuple as ~p prints it starting at `column`: on one line when it fits before column 79,
 * otherwise broken after the comma with the second element under the first.
 */
function printTerm(reason: Reason, column: number): string {
  if (typeof reason === 'string') return reason;
  const [a, b] = reason;
  const flat = `{${a},${b}}`;
  if (column + [...flat].length < 79) return flat;
  return `{${a},\n${' '.repeat(column + 1)}${b}}`;
}

/** A string as ~p prints it: quoted when every character is printable Latin-1, else a list of codes. */
function erlangString(s: string): string {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const printable = codes.every((c) => (c >= 32 && c <= 126) || (c >= 160 && c <= 255));
  if (!printable) return `[${codes.join(',')}]`;
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
