import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../kernel/errors.ts';
import { LinkSigner } from './tokens.ts';

const signer = new LinkSigner('a-secret-that-is-long-enough-for-tests-0000');
const sentAt = Date.parse('2026-01-01T00:00:00Z');

test('a token verifies for its own purpose and message only', () => {
  const t = signer.sign('restore', 'msg-1', sentAt);
  assert.deepEqual(signer.verify('restore', t, sentAt + 1000), { messageId: 'msg-1', index: 0 });
  assert.throws(() => signer.verify('unsubscribe', t, sentAt), (e: AppError) => e.code === 'not_found');
  const forged = t.replace('msg-1', 'msg-2');
  assert.throws(() => signer.verify('restore', forged, sentAt), (e: AppError) => e.code === 'not_found');
  assert.throws(() => new LinkSigner('another-secret-of-the-same-length-0000000').verify('restore', t, sentAt), (e: AppError) => e.code === 'not_found');
});

test('a token expires after its lifetime', () => {
  const t = signer.sign('restore', 'msg-1', sentAt);
  assert.throws(() => signer.verify('restore', t, sentAt + 31 * 86_400_000), (e: AppError) => e.code === 'link_expired');
});

test('garbage never verifies', () => {
  for (const junk of ['', '.', 'a.b.c.d', 'x'.repeat(500), '..........']) {
    assert.throws(() => signer.verify('click', junk, sentAt), (e: AppError) => e.code === 'not_found');
  }
});
