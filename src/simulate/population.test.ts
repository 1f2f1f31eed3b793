import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agenda } from './agenda.ts';
import { DEFAULT_POPULATION, population, shopperRng, type PopulationParams } from './population.ts';
import { rng } from './random.ts';
import { reactToMessage } from './reactions.ts';

const DAY = 86_400_000;
const START = Date.parse('2025-03-01T00:00:00Z');
const share = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length / xs.length;
const plans = (p: Partial<PopulationParams> = {}) => population({ shoppers: 4000, ...p }, START);

test('the same seed gives the same population; another seed another one', () => {
  assert.deepEqual(population({ shoppers: 300, seed: 7 }, START), population({ shoppers: 300, seed: 7 }, START));
  assert.notDeepEqual(population({ shoppers: 300, seed: 7 }, START), population({ shoppers: 300, seed: 8 }, START));
  // a shopper's plan does not depend on how many others there are
  const small = population({ shoppers: 50, seed: 7 }, START).find((x) => x.index === 42);
  assert.deepEqual(small, population({ shoppers: 500, seed: 7 }, START).find((x) => x.index === 42));
});

test('the defaults follow the mission figures', () => {
  const ps = plans();
  const abandoners = ps.filter((x) => x.boughtAt === null);
  assert.ok(Math.abs(abandoners.length / ps.length - 0.7) < 0.03);
  assert.ok(Math.abs(share(abandoners, (x) => x.email !== null) - 0.6) < 0.03);
  assert.ok(ps.every((x) => x.boughtAt === null || x.email !== null), 'a buyer gave an email at checkout');
  assert.ok(Math.abs(share(ps, (x) => x.locale === 'en') - 0.8) < 0.03);
  assert.ok(share(ps, (x) => x.locale === 'zh-CN') > 0.08 && share(ps, (x) => x.locale === 'zh-TW') > 0.05);
  assert.ok(Math.abs(share(abandoners, (x) => x.returnsAfter !== null) - DEFAULT_POPULATION.baselineReturn) < 0.015);
  assert.ok(ps.some((x) => x.lateBy > 0) && ps.some((x) => x.duplicate));
});

test('plans are well formed: inside the period, from the catalogue, reserved mail domains only', () => {
  const skus = new Set(DEFAULT_POPULATION.catalogue.map((c) => c.sku));
  for (const x of plans({ shoppers: 1000 })) {
    assert.ok(x.viewedAt >= 0 && (x.boughtAt ?? x.checkoutAt ?? x.addedAt.at(-1)!) < 30 * DAY, `shopper ${x.index} within the period`);
    assert.ok(x.items.length >= 1 && x.items.every((i) => skus.has(i.sku)));
    assert.equal(new Set(x.items.map((i) => i.sku)).size, x.items.length, 'no product twice');
    if (x.email) assert.match(x.email, /@example\.(com|net|org)$/);
    assert.equal(x.addedAt.length, x.items.length);
    assert.ok(x.addedAt.every((t, i) => t > (x.addedAt[i - 1] ?? x.viewedAt)), 'adds in order');
  }
});

test('each parameter moves outcomes in its direction', () => {
  const abandoned = (p: Partial<PopulationParams>) => share(plans(p), (x) => x.boughtAt === null);
  assert.ok(abandoned({ abandonRate: 0.8 }) > abandoned({ abandonRate: 0.56 }) + 0.15);
  const reachable = (p: Partial<PopulationParams>) => share(plans(p).filter((x) => x.boughtAt === null), (x) => x.email !== null);
  assert.ok(reachable({ reachableShare: 0.9 }) > reachable({ reachableShare: 0.3 }) + 0.5);
  const returning = (p: Partial<PopulationParams>) => share(plans(p), (x) => x.returnsAfter !== null);
  assert.ok(returning({ baselineReturn: 0.2 }) > returning({ baselineReturn: 0 }) + 0.1);
  assert.equal(share(plans({ locales: { en: 0, 'zh-CN': 1, 'zh-TW': 0 } }), (x) => x.timezone === 'Asia/Shanghai'), 1);
  assert.ok(plans({ days: 10 }).every((x) => x.viewedAt < 10 * DAY));
});

/** Reactions of many shoppers to their first or second message. */
function reactions(step: number, p: Partial<PopulationParams> = {}) {
  return plans(p).map((x) => reactToMessage(x, step, shopperRng(99, x.index)));
}

test('reactions match the helpful case per step, and follow the propensities', () => {
  for (const [step, want] of DEFAULT_POPULATION.steps.entries()) {
    const rs = reactions(step);
    assert.ok(Math.abs(share(rs, (r) => r.openAfter !== null) - want.open) < 0.03, `open rate of step ${step + 1}`);
    assert.ok(Math.abs(share(rs, (r) => r.click !== null) - want.click) < 0.025, `click rate of step ${step + 1}`);
    assert.ok(rs.every((r) => !r.click || (r.openAfter !== null && r.click.after > r.openAfter)), 'a click comes after the open');
    assert.ok(rs.every((r) => !r.buy || r.buy.after > (r.click?.after ?? r.openAfter!)), 'a purchase comes after what led to it');
  }
  const bought = (p: Partial<PopulationParams>) => share(reactions(0, p), (r) => r.buy !== null);
  assert.ok(bought({ steps: [{ open: 0.66, click: 0.4, buyAfterClick: 0.33 }] }) > bought({}) + 0.05);
  assert.equal(bought({ steps: [{ open: 0, click: 0, buyAfterClick: 1 }] }), 0);
  const unsubscribed = (p: Partial<PopulationParams>) => share(reactions(0, p), (r) => r.unsubscribeAfter !== null);
  assert.ok(unsubscribed({ unsubscribe: 0.2 }) > unsubscribed({}) + 0.08);
});

test('the PRNG is reproducible and the agenda runs in time order, ties in insertion order', async () => {
  const a = rng(5);
  const b = rng(5);
  assert.deepEqual([a.next(), a.next(), a.int(1, 6)], [b.next(), b.next(), b.int(1, 6)]);
  const agenda = new Agenda();
  const seen: string[] = [];
  for (const [at, name] of [[30, 'c'], [10, 'a'], [20, 'b1'], [20, 'b2'], [5, 'first']] as const) agenda.at(at, async () => void seen.push(name));
  while (agenda.size) await agenda.pop()!.run();
  assert.deepEqual(seen, ['first', 'a', 'b1', 'b2', 'c']);
});
