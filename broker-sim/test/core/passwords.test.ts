/** Password hashes: RabbitMQ's own salted SHA-256 format, read and written; older scrypt hashes still verify. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { exportedHash, hashPassword, importRabbitHash, verifyPassword } from '../../src/core/passwords.ts';

/** RabbitMQ 3.10.8's hash of "pw1" (GET /api/users on the local RabbitMQ). */
const RABBIT_HASH_OF_PW1 = 'vAt2L9Omc8ioCTpik8AfyQ82KglmUPMMi0Z1PEsfzHUdN8mI';

test("a hash made by RabbitMQ verifies its password and no other, and exports as it came", async () => {
  const stored = importRabbitHash(RABBIT_HASH_OF_PW1);
  assert.equal(await verifyPassword('pw1', stored), true);
  assert.equal(await verifyPassword('pw2', stored), false);
  assert.equal(exportedHash(stored), RABBIT_HASH_OF_PW1);
});

test('a new hash is salted: the same password hashes differently each time, and both verify', async () => {
  const a = hashPassword('s3cret');
  const b = hashPassword('s3cret');
  assert.notEqual(a, b);
  assert.equal((await verifyPassword('s3cret', a)) && (await verifyPassword('s3cret', b)), true);
  assert.equal(Buffer.from(exportedHash(a), 'base64').length, 36);
});

test("an empty hash lets nobody in; what is not RabbitMQ's format is refused on import", async () => {
  assert.equal(await verifyPassword('', importRabbitHash('')), false);
  assert.throws(() => importRabbitHash('!!!'), /not_base64/);
  assert.throws(() => importRabbitHash(Buffer.alloc(10).toString('base64')), /not a rabbit_password_hashing_sha256 hash/);
});

test('a scrypt hash of an older database still verifies', async () => {
  const salt = randomBytes(16);
  const old = `scrypt$${salt.toString('base64')}$${scryptSync('legacy', salt, 32).toString('base64')}`;
  assert.equal(await verifyPassword('legacy', old), true);
  assert.equal(await verifyPassword('other', old), false);
  assert.equal(importRabbitHash(exportedHash(old)), old, 'an export of it imports back');
});
