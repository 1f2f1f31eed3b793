import assert from 'node:assert/strict';
import { test } from 'node:test';
import { email, idOf, instant, text, webUrl } from './common.ts';

test("WooCommerce's *_gmt instants are UTC although they carry no offset; others keep theirs", () => {
  assert.equal(instant('2024-05-14T10:00:05', true), '2024-05-14T10:00:05.000Z');
  assert.equal(instant('2024-05-14T10:00:00+08:00'), '2024-05-14T02:00:00.000Z');
  assert.equal(instant('2024-05-14T10:00:00+08:00', true), '2024-05-14T02:00:00.000Z');
  assert.equal(instant('not a date'), undefined);
  assert.equal(instant(null), undefined);
});

test('platform values are cleaned, not refused: NULs, blanks, malformed emails, non-web links', () => {
  assert.equal(text('Lens\u0000 35mm '), 'Lens 35mm');
  assert.equal(text('   '), undefined);
  assert.equal(email('not-an-email'), undefined);
  assert.equal(email(' mei@example.com '), 'mei@example.com');
  assert.equal(webUrl('javascript:alert(1)'), undefined);
  assert.equal(webUrl('https://shop.example.de/checkout/order-pay/7/?key=k'), 'https://shop.example.de/checkout/order-pay/7/?key=k');
  assert.deepEqual([idOf(0), idOf('9007199254740993'), idOf(95)], [undefined, '9007199254740993', '95']);
});
