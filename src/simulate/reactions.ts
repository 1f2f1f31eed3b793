/**
 * How a simulated shopper reacts to one message (pure): whether and when they open it, click,
 * buy, or unsubscribe. Delays count from the send. Drawn from the shopper's own stream, so a replay
 * of the same population decides the same.
 */
import type { ShopperPlan } from './population.ts';
import type { Rng } from './random.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

export interface Reaction {
  openAfter: number | null;
  /** 'restore': the main button (brings the cart back); 'click': another tracked link */
  click: { after: number; via: 'restore' | 'click' } | null;
  buy: { after: number; useDiscount: boolean } | null;
  unsubscribeAfter: number | null;
}

const at = <T>(values: T[], step: number): T => values[Math.min(step, values.length - 1)]!;

/** `step` is 0 for the first message of the shopper's sequence, 1 for the second, … */
export function reactToMessage(plan: ShopperPlan, step: number, r: Rng): Reaction {
  const p = plan.propensity;
  const none: Reaction = { openAfter: null, click: null, buy: null, unsubscribeAfter: null };
  if (!r.chance(at(p.open, step))) return none;
  // Most opens come within hours; a few the next day.
  const openAfter = Math.round(MIN + r.exp(3 * HOUR));
  if (r.chance(p.unsubscribe)) return { ...none, openAfter, unsubscribeAfter: openAfter + r.int(1, 10) * MIN };
  if (r.chance(at(p.clickGivenOpen, step))) {
    const clickAfter = openAfter + r.int(1, 15) * MIN;
    const buys = r.chance(at(p.buyAfterClick, step));
    return {
      ...none, openAfter, click: { after: clickAfter, via: r.chance(0.7) ? 'restore' : 'click' },
      buy: buys ? { after: clickAfter + r.int(3, 40) * MIN, useDiscount: r.chance(p.discountUse) } : null,
    };
  }
  const buys = r.chance(p.buyAfterOpen);
  return { ...none, openAfter, buy: buys ? { after: openAfter + Math.round(30 * MIN + r.exp(12 * HOUR)), useDiscount: r.chance(p.discountUse) } : null };
}
