import assert from 'node:assert/strict';
import { test } from 'node:test';
import { differenceInterval, wilson } from './proportions.ts';

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 5e-4, `${a} ≈ ${b}`);

test("Wilson's interval matches the published example and stays inside [0, 1]", () => {
  // Newcombe (1998), table I: 81/263 → 0.2553 to 0.3662
  const w = wilson(81, 263)!;
  near(w.low, 0.2553);
  near(w.high, 0.3662);
  const zero = wilson(0, 10)!;
  assert.equal(zero.low, 0);
  near(zero.high, 0.2775);
  assert.equal(wilson(0, 0), null);
});

test("Newcombe's interval for a difference matches the published examples", () => {
  // Newcombe (1998), table II, method 10: 56/70 − 48/80 → 0.0524 to 0.3339; 9/10 − 3/10 → 0.1705 to 0.8090
  const a = differenceInterval({ successes: 56, trials: 70 }, { successes: 48, trials: 80 })!;
  near(a.low, 0.0524);
  near(a.high, 0.3339);
  const b = differenceInterval({ successes: 9, trials: 10 }, { successes: 3, trials: 10 })!;
  near(b.low, 0.1705);
  near(b.high, 0.809);
});

test('an empty group gives no interval; a bigger sample a narrower one', () => {
  assert.equal(differenceInterval({ successes: 1, trials: 10 }, { successes: 0, trials: 0 }), null);
  const small = differenceInterval({ successes: 12, trials: 100 }, { successes: 5, trials: 100 })!;
  const large = differenceInterval({ successes: 120, trials: 1000 }, { successes: 50, trials: 1000 })!;
  assert.ok(large.high - large.low < small.high - small.low);
});
