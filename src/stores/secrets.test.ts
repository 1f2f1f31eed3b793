import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSettings } from '../store/queries/stores.ts';
import { maskSettings, unmaskPatch } from './secrets.ts';

test('secrets are masked: set or not, and which, but never the secret', () => {
  const s = checkSettings({ smtpUrl: 'smtp://mailer:hunter2-long@smtp.example.com:587', shopifyWebhookSecret: 'shpss_0123456789abcdef' });
  const masked = maskSettings(s);
  assert.equal(masked.smtpUrl, 'smtp://mailer:••••••@smtp.example.com:587');
  assert.equal(maskSettings(checkSettings({ smtpUrl: 'smtp://relay.example.com:25' })).smtpUrl, 'smtp://relay.example.com:25', 'nothing to hide');
  assert.equal(masked.shopifyWebhookSecret, '••••••cdef');
  assert.equal(masked.woocommerceWebhookSecret, '', 'unset stays visibly unset');
  assert.ok(!JSON.stringify(masked).includes('hunter2') && !JSON.stringify(masked).includes('0123456789'));
});

test('sending the mask back keeps the secret; a new value replaces it; empty clears it', () => {
  const s = checkSettings({ shopifyWebhookSecret: 'shpss_0123456789abcdef', smtpUrl: 'smtp://u:p4ss@h.example:25' });
  const masked = maskSettings(s);
  assert.deepEqual(unmaskPatch(s, { shopifyWebhookSecret: masked.shopifyWebhookSecret, smtpUrl: masked.smtpUrl }), { shopifyWebhookSecret: 'shpss_0123456789abcdef', smtpUrl: 'smtp://u:p4ss@h.example:25' });
  assert.deepEqual(unmaskPatch(s, { shopifyWebhookSecret: 'new-secret' }), { shopifyWebhookSecret: 'new-secret' });
  assert.deepEqual(unmaskPatch(s, { shopifyWebhookSecret: '' }), { shopifyWebhookSecret: '' });
});
