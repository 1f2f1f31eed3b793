import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OffsetClock } from './virtual-clock.ts';

test('virtual time is real time plus the offset, and flows with real time', () => {
  let real = 1_000;
  const clock = new OffsetClock(500, () => real);
  assert.equal(clock.now(), 1_500);
  real += 250;
  assert.equal(clock.now(), 1_750);
});

test('an advance moves the offset forward and tells the listeners; a smaller offset changes nothing', () => {
  const real = 1_000;
  const clock = new OffsetClock(0, () => real);
  let told = 0;
  const off = clock.onAdvance(() => told++);
  assert.equal(clock.offsetFor(61_000), 60_000);
  assert.equal(clock.adopt(clock.offsetFor(61_000)), true);
  assert.equal(clock.now(), 61_000);
  assert.equal(told, 1);
  assert.equal(clock.offsetFor(5_000), 60_000, 'a target in the past keeps the current offset');
  assert.equal(clock.adopt(30_000), false);
  assert.equal(clock.adopt(60_000), false, 'the same offset is no advance');
  assert.equal(clock.now(), 61_000);
  assert.equal(told, 1);
  off();
  clock.adopt(120_000);
  assert.equal(told, 1, 'an unsubscribed listener is not called');
});

test('now() never goes back, even when the host clock steps backwards', () => {
  let real = 10_000;
  const clock = new OffsetClock(0, () => real);
  assert.equal(clock.now(), 10_000);
  real = 9_000;
  assert.equal(clock.now(), 10_000);
  real = 10_500;
  assert.equal(clock.now(), 10_500);
});
