import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDuration, parseDuration } from './duration.ts';

test('durations from one second to ten years; longer ones are refused (a due time must fit its column)', () => {
  assert.equal(parseDuration('PT1S'), 1000);
  assert.equal(parseDuration('P3650D'), 3650 * 86_400_000);
  // Shrunk from test/properties/flows.test.ts: a wait of P99999999999999W was published, and its
  // due time (now + 6e22 ms) cannot be written to a bigint column.
  for (const huge of ['P3651D', 'P99999999999999W', 'PT99999999999999999999S', 'P9007199254740993D']) assert.equal(isDuration(huge), false, huge);
  for (const bad of ['P', 'PT', 'PT0S', 'P1Y']) assert.equal(isDuration(bad), false, bad);
});
