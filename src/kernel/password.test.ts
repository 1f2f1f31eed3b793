import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

test('a hashed password verifies; another one, or a tampered hash, does not', async () => {
  const stored = await hashPassword('correct horse battery');
  assert.match(stored, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('correct horse battery', stored), true);
  assert.equal(await verifyPassword('correct horse batterx', stored), false);
  // Change a character in the middle of the hash (the last one of base64url may only hold padding bits).
  const at = stored.length - 10;
  const tampered = `${stored.slice(0, at)}${stored[at] === 'A' ? 'B' : 'A'}${stored.slice(at + 1)}`;
  assert.equal(await verifyPassword('correct horse battery', tampered), false);
  assert.equal(await verifyPassword('anything', 'not-a-hash'), false);
  assert.notEqual(await hashPassword('correct horse battery'), stored, 'salted');
});

test('unicode passwords are compared in one normal form', async () => {
  const stored = await hashPassword('caf\u00e9 au lait 123');
  assert.equal(await verifyPassword('cafe\u0301 au lait 123', stored), true);
});

test('short or trivial passwords are refused with the reason', () => {
  assert.match(passwordProblem('short') ?? '', /at least 10/);
  assert.match(passwordProblem('aaaaaaaaaaaa') ?? '', /distinct/);
  assert.equal(passwordProblem('密码是一个很长的句子吧'), null);
});
