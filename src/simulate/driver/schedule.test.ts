import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minutesDuration, nextStep, scaledWaits, stepUp } from './schedule.ts';

const MIN = 60_000;
const base = { stepMs: 5 * MIN, now: 100 * MIN, end: 1_000 * MIN };

test('a step ends at the boundary after the earlier of the next action and the server due time', () => {
  assert.equal(stepUp(101 * MIN, 5 * MIN), 105 * MIN);
  assert.equal(stepUp(105 * MIN, 5 * MIN), 105 * MIN, 'a boundary is its own step');
  assert.equal(nextStep({ ...base, nextAction: 131 * MIN, serverDue: 122 * MIN }), 125 * MIN);
  assert.equal(nextStep({ ...base, nextAction: 131 * MIN, serverDue: null }), 135 * MIN);
  assert.equal(nextStep({ ...base, nextAction: undefined, serverDue: 200 * MIN }), 200 * MIN);
});

test('a moment already past is played now; nothing left before the end means no step', () => {
  assert.equal(nextStep({ ...base, nextAction: 90 * MIN, serverDue: null }), 100 * MIN);
  assert.equal(nextStep({ ...base, nextAction: undefined, serverDue: null }), null);
  assert.equal(nextStep({ ...base, nextAction: 1_001 * MIN, serverDue: 2_000 * MIN }), null);
  assert.equal(nextStep({ ...base, nextAction: 998 * MIN, serverDue: null }), 1_000 * MIN, 'the last step stops at the end');
});

test("waits keep the ready flow's durations for long periods and shrink with short ones", () => {
  const classic = [30 * MIN, 23 * 60 * MIN, 48 * 60 * MIN];
  assert.deepEqual(scaledWaits(classic, 30), classic);
  assert.deepEqual(scaledWaits(classic, 7), [15 * MIN, 690 * MIN, 1440 * MIN]);
  assert.deepEqual(scaledWaits([MIN], 1), [MIN], 'never below a minute');
  assert.equal(minutesDuration(690 * MIN), 'PT690M');
});
