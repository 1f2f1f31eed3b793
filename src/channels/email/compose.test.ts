import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emailContext, expiryFormat } from './compose.ts';
import { checkSettings, type Store } from '../../store/queries/stores.ts';
import type { Contact } from '../../store/queries/contacts.ts';

const T = Date.parse('2026-03-14T22:59:00Z');
const store: Store = { id: 's', name: 'Shop', publicKey: 'pk', createdAt: T, settings: checkSettings({ timezone: 'UTC' }) };
const contact = (timezone: string | null): Contact => ({
  store_id: 's', id: 'c', email: 'a@b.example', phone: null, first_name: null, last_name: null, locale: null, timezone, email_consent: 1,
  unsubscribed_at: null, suppressed_at: null, suppressed_reason: null, traits: '{}', traits_at: T, created_at: T, updated_at: T, simulated: 0,
});
const links = { restore: 'r', unsubscribe: 'u', open: 'o' };
const expires = (tz: string | null, locale: string) =>
  emailContext({ store, contact: contact(tz), cart: undefined, discount: { code: 'X', kind: 'percent', value: 10, expiresAt: T }, links, locale }).discount!.expires_at;

test("a discount's expiry is shown in the contact's zone and language, every time the same", () => {
  const fresh = (locale: string, tz: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(T);
  // The formatter is kept per (locale, zone): neither may leak into another's answer.
  for (let round = 0; round < 2; round++) {
    assert.equal(expires('Asia/Shanghai', 'zh-CN'), fresh('zh-CN', 'Asia/Shanghai'));
    assert.equal(expires('America/New_York', 'en'), fresh('en', 'America/New_York'));
    assert.equal(expires('Asia/Shanghai', 'en'), fresh('en', 'Asia/Shanghai'));
  }
  assert.match(expires('Asia/Shanghai', 'en'), /Mar 15, 2026, 6:59/);
  assert.match(expires('America/New_York', 'en'), /Mar 14, 2026, 6:59/);
});

test('a zone the runtime does not know falls back to UTC; the store zone is used without a contact zone', () => {
  assert.equal(expires('Not/A_Zone', 'en'), new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(T));
  assert.equal(expires(null, 'en'), expires('UTC', 'en'));
  assert.equal(expiryFormat('en', 'Not/A_Zone').resolvedOptions().timeZone, 'UTC');
});
