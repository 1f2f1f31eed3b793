import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endOfLocalDay, quietUntil } from './timezone.ts';

const at = Date.parse('2026-03-10T14:30:00Z'); // 22:30 in Shanghai, 10:30 in New York (EDT)

test("quiet hours are the contact's local time, wrapping midnight", () => {
  assert.equal(quietUntil(at, 'Asia/Shanghai', { start: '21:00', end: '08:00' }), Date.parse('2026-03-11T00:00:00Z'));
  assert.equal(quietUntil(at, 'America/New_York', { start: '21:00', end: '08:00' }), null);
});

test('a discount valid today ends at local midnight', () => {
  assert.equal(endOfLocalDay(at, 'Asia/Shanghai'), Date.parse('2026-03-10T16:00:00Z'));
  assert.equal(endOfLocalDay(at, 'UTC'), Date.parse('2026-03-11T00:00:00Z'));
});
