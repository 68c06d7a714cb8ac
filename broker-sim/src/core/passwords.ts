/**
 * Password hashing for broker users, in RabbitMQ's own format (rabbit_password_hashing_sha256):
 * base64(salt ‖ sha256(salt ‖ password)) with a 4-byte random salt. Stored as "sha256$<that>", so a
 * definitions export carries hashes RabbitMQ accepts, and RabbitMQ's exported hashes log in here.
 * A check costs microseconds, so a storm of wrong logins cannot stall the broker. Hashes of older
 * databases ("scrypt$salt$hash") still verify, on libuv's thread pool rather than the event loop,
 * and are replaced at the next good login.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** RabbitMQ's name for the algorithm, as its API and definitions show it. */
export const RABBIT_SHA256 = 'rabbit_password_hashing_sha256';

const SHA256 = 'sha256$';

function saltedSha256(salt: Buffer, password: string): Buffer {
  return Buffer.concat([salt, createHash('sha256').update(salt).update(password, 'utf8').digest()]);
}

export function hashPassword(password: string): string {
  return SHA256 + saltedSha256(randomBytes(4), password).toString('base64');
}

/** A hash no password is known to match: unknown users are checked against it, at the same cost. */
export const UNKNOWN_USER_HASH = hashPassword(randomBytes(16).toString('hex'));

/** True when the stored hash is of an earlier scheme and is to be replaced at the next good login. */
export function isLegacyHash(stored: string): boolean {
  return stored.startsWith('scrypt$');
}

/**
 * A RabbitMQ password_hash (base64, as its API and definitions carry it) as stored here; "" is a
 * user with no password, as RabbitMQ. Throws a one-line reason when it is not such a hash.
 */
export function importRabbitHash(hash: string): string {
  if (hash === '') return '';
  // An older broker-sim's own scrypt hash, as its export shows it, comes back as it was.
  if (/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/.test(hash)) return hash;
  const raw = Buffer.from(hash, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(hash) || raw.toString('base64') !== hash) throw new Error(`not_base64: ${hash}`);
  if (raw.length !== 4 + 32) throw new Error(`not a ${RABBIT_SHA256} hash: ${hash}`);
  return SHA256 + hash;
}

/** The stored hash as RabbitMQ's API shows it: its base64 when it is RabbitMQ's format, else the stored text. */
export function exportedHash(stored: string): string {
  return stored.startsWith(SHA256) ? stored.slice(SHA256.length) : stored;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith(SHA256)) {
    const want = Buffer.from(stored.slice(SHA256.length), 'base64');
    if (want.length !== 36) return false;
    return timingSafeEqual(want, saltedSha256(want.subarray(0, 4), password));
  }
  const [kind, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const got = await scryptAsync(password, Buffer.from(salt, 'base64'), want.length);
  return timingSafeEqual(want, got);
}

function scryptAsync(password: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, (err, key) => (err ? reject(err) : resolve(key))));
}
