import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney, isCurrency, toMinor } from './money.ts';

test('amounts become exact minor units per currency', () => {
  assert.equal(toMinor(19.99, 'USD'), 1999);
  assert.equal(toMinor(0.1 + 0.2, 'USD'), 30);
  assert.equal(toMinor(1500, 'JPY'), 1500);
  assert.equal(toMinor(1.234, 'KWD'), 1234);
});

test('formatting follows the locale and the currency', () => {
  assert.equal(formatMoney(78800, 'USD', 'en'), '$788.00');
  assert.equal(formatMoney(1500, 'JPY', 'en'), '¥1,500');
  assert.match(formatMoney(12345, 'CNY', 'zh-CN'), /¥123\.45/);
  assert.equal(isCurrency('USD'), true);
  assert.equal(isCurrency('usd'), false);
  assert.equal(isCurrency('XYZ'), false);
  assert.equal(isCurrency('TWD'), true);
});
