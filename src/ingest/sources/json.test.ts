import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonExact } from './json.ts';

test('integers beyond 2^53 are kept exactly, as strings; safe numbers stay numbers', () => {
  const v = parseJsonExact('{"id":9007199254740993,"n":[981820079255243537, -9007199254740993],"safe":9007199254740991,"price":19.99,"q":2}');
  assert.deepEqual(v, { id: '9007199254740993', n: ['981820079255243537', '-9007199254740993'], safe: 9007199254740991, price: 19.99, q: 2 });
});

test('digits inside strings, escaped quotes and exponents are left alone', () => {
  const text = '{"a":"x\\"12345678901234567890\\"","b":"\\\\","c":12345678901234567890e2,"d":1.2345678901234567890}';
  assert.deepEqual(parseJsonExact(text), JSON.parse(text));
});

test('input without big integers parses exactly like JSON.parse', () => {
  const text = '{"a":[1,2,{"b":null,"c":true}],"e":"ü €"}';
  assert.deepEqual(parseJsonExact(text), JSON.parse(text));
});

test('invalid JSON still throws a SyntaxError', () => {
  assert.throws(() => parseJsonExact('{"id": 12345678901234567890'), SyntaxError);
  assert.throws(() => parseJsonExact('webhook_id=12'), SyntaxError);
});
