import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveKey, isSealed, seal, unseal } from './sealed.ts';

const key = deriveKey('an instance secret of at least thirty-two characters', 'store settings');

test('a sealed secret opens with its key only, and never shows the plaintext', () => {
  const sealed = seal(key, 'smtp://user:hunter2@mail.example:587');
  assert.ok(isSealed(sealed));
  assert.ok(!sealed.includes('hunter2'));
  assert.notEqual(seal(key, 'same'), seal(key, 'same'), 'a fresh nonce each time');
  assert.equal(unseal(key, sealed), 'smtp://user:hunter2@mail.example:587');
  assert.throws(() => unseal(deriveKey('another secret entirely, thirty-two plus', 'store settings'), sealed));
  assert.throws(() => unseal(deriveKey('an instance secret of at least thirty-two characters', 'links'), sealed), 'one key per purpose');
});

test('a changed byte is detected', () => {
  const sealed = seal(key, 'secret');
  const i = sealed.length - 20;
  const altered = `${sealed.slice(0, i)}${sealed[i] === 'A' ? 'B' : 'A'}${sealed.slice(i + 1)}`;
  assert.throws(() => unseal(key, altered));
});
