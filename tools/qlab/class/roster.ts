/**
 * A class roster: a CSV file with one student a line — `user[,password[,vhost]]` — the password
 * defaulting to --password and the vhost to the user's name. Blank lines and `#` comments are
 * skipped, and so is a first line that names the columns. The whole roster is checked before
 * anything is made: every bad row is reported with its line number.
 */
import { ToolError } from '../../shared/connect.ts';

export interface Student { user: string; password: string; vhost: string; line: number }

/** Names a student can type in an AMQP URL and a shell without quoting. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;

export function parseRoster(text: string, defaultPassword: string | undefined, file = 'roster'): Student[] {
  const students: Student[] = [];
  const errors: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || (i === 0 && /^user\s*(,|$)/i.test(line))) return;
    const r = parseRow(line, i + 1, defaultPassword, students);
    if (typeof r === 'string') errors.push(`${file} line ${i + 1}: ${r}`);
    else students.push(r);
  });
  if (errors.length) throw new ToolError(`${errors.join('; ')} (nothing was made)`);
  if (students.length === 0) throw new ToolError(`${file} names no student (one a line: user[,password[,vhost]])`);
  return students;
}

/** One student, or what is wrong with the row. */
function parseRow(line: string, n: number, defaultPassword: string | undefined, earlier: Student[]): Student | string {
  const cells = line.split(',').map((c) => c.trim());
  if (cells.length > 3) return `${cells.length} columns, expected user[,password[,vhost]]`;
  const [user = '', given = '', vhostCell = ''] = cells;
  const vhost = vhostCell || user;
  if (!NAME.test(user)) return `'${user}' is not a user name (letters, digits and . _ @ + -, starting with a letter or digit)`;
  if (!NAME.test(vhost)) return `'${vhost}' is not a vhost name (letters, digits and . _ @ + -, starting with a letter or digit)`;
  const password = given || defaultPassword;
  if (!password) return `no password for '${user}': give one in the row or --password`;
  const twin = earlier.find((s) => s.user === user || s.vhost === vhost);
  if (twin) return twin.user === user ? `'${user}' is already on line ${twin.line}` : `vhost '${vhost}' is already ${twin.user}'s (line ${twin.line})`;
  return { user, password, vhost, line: n };
}
