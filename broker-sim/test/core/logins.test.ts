/**
 * Logins: hashes of the earlier scrypt scheme accepted and replaced at the next good login, unknown
 * users refused like wrong passwords, and a verified login remembered for 15 seconds only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../src/core/passwords.ts';
import { setup } from './support.ts';

test('a password hashed by the earlier scrypt scheme logs in, and its hash is replaced', async () => {
  const { broker } = setup();
  const salt = randomBytes(16);
  const legacy = `scrypt$${salt.toString('base64')}$${scryptSync('old-pw', salt, 32).toString('base64')}`;
  broker.users.set('ann', { name: 'ann', passwordHash: legacy, tags: '' });
  await assert.rejects(broker.authenticate('PLAIN', 'ann', 'wrong', true), /ACCESS_REFUSED/);
  assert.equal(broker.users.get('ann')!.passwordHash, legacy, 'a wrong password changes nothing');
  assert.equal((await broker.authenticate('PLAIN', 'ann', 'old-pw', true)).name, 'ann');
  assert.match(broker.users.get('ann')!.passwordHash, /^sha256\$/);
  assert.equal(await verifyPassword('old-pw', broker.users.get('ann')!.passwordHash), true);
});

test('an unknown user is refused with the same error as a wrong password', async () => {
  const { broker } = setup();
  const refusal = (user: string, password: string): Promise<string> =>
    broker.authenticate('PLAIN', user, password, true).then(() => 'logged in', (e: Error) => e.message);
  const unknown = await refusal('nobody', 'guest');
  const wrong = await refusal('guest', 'nope');
  assert.equal(unknown, wrong);
  assert.match(unknown, /ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN/);
});

test('a verified login is remembered for 15 seconds, then checked against the stored hash again', async () => {
  const { broker, clock } = setup();
  broker.addUser('bo', 'first');
  assert.equal((await broker.authenticate('PLAIN', 'bo', 'first', true)).name, 'bo');
  // The hash changes underneath (another process wrote the user): the remembered login still counts for a while.
  broker.users.get('bo')!.passwordHash = hashPassword('second');
  clock.advance(14_000);
  assert.equal((await broker.authenticate('PLAIN', 'bo', 'first', true)).name, 'bo');
  clock.advance(2_000);
  await assert.rejects(broker.authenticate('PLAIN', 'bo', 'first', true), /ACCESS_REFUSED/);
  assert.equal((await broker.authenticate('PLAIN', 'bo', 'second', true)).name, 'bo');
});
