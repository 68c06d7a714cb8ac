/**
 * Password hashes for broker users, in RabbitMQ's own scheme (rabbit_password_hashing_sha256): a
 * 4-byte random salt, then SHA-256 of salt and password, stored as "sha256$" + base64(salt ‖ hash),
 * the base64 part being what RabbitMQ calls password_hash. A check costs microseconds, so a storm
 * of wrong logins cannot stall the broker. Hashes of earlier versions ("scrypt$salt$hash") still
 * verify, on libuv's thread pool rather than the event loop, and are replaced on the next good login.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const SALT_BYTES = 4;

export function hashPassword(password: string): string {
  return `sha256$${saltedHash(randomBytes(SALT_BYTES), password).toString('base64')}`;
}

/** A hash no password is known to match: unknown users are checked against it, at the same cost. */
export const UNKNOWN_USER_HASH = hashPassword(randomBytes(16).toString('hex'));

/** True when the stored hash is of an earlier scheme and should be replaced at the next good login. */
export function isLegacyHash(stored: string): boolean {
  return !stored.startsWith('sha256$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, a, b] = stored.split('$');
  if (kind === 'sha256' && a) {
    const want = Buffer.from(a, 'base64');
    if (want.length <= SALT_BYTES) return false;
    return timingSafeEqual(want, saltedHash(want.subarray(0, SALT_BYTES), password));
  }
  if (kind === 'scrypt' && a && b) {
    const want = Buffer.from(b, 'base64');
    const got = await scryptAsync(password, Buffer.from(a, 'base64'), want.length);
    return timingSafeEqual(want, got);
  }
  return false;
}

function saltedHash(salt: Buffer, password: string): Buffer {
  return Buffer.concat([salt, createHash('sha256').update(salt).update(password, 'utf8').digest()]);
}

function scryptAsync(password: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, (err, key) => (err ? reject(err) : resolve(key))));
}
