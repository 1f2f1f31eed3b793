/**
 * The simulated shopper population (pure, no I/O): from a seed and a few parameters, a
 * deterministic list of shopper plans: when each starts, what they put in the cart, whether they
 * leave an email, whether they buy straight away, and how they tend to react to messages.
 * `seedDemoHistory` (history.ts) plays plans through the real code in-process; `cartback simulate`
 * can play the same plans over HTTP. The defaults follow MISSION.md's figures.
 */
import { DEMO_PRODUCTS } from '../demo/catalog.ts';
import { drawLocalHour, drawPerson, type Locale } from './people.ts';
import { mixSeed, rng, type Rng } from './random.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** How shoppers answer one step of a sequence; rates are shares of SENT messages, as the report counts them. */
export interface StepPropensity { open: number; click: number; buyAfterClick: number }

export interface CatalogueItem { sku: string; name: string; price: number; category?: string; weight: number }

export interface PopulationParams {
  seed: number;
  /** shoppers who put something in a cart during the period */
  shoppers: number;
  days: number;
  /** share of carts left without buying (MISSION: 56–80% of carts are abandoned) */
  abandonRate: number;
  /** share of abandoners who left an email first (the rest are identified by a user id only) */
  reachableShare: number;
  locales: Record<Locale, number>;
  catalogue: CatalogueItem[];
  /** per send_email step in order; later steps use the last entry */
  steps: StepPropensity[];
  /** chance that a shopper who opened but did not click comes back and buys (credited to the open) */
  buyAfterOpen: number;
  /** chance of coming back to buy within a week with no message at all: the holdout converts too */
  baselineReturn: number;
  /** chance that a buyer who got a discount code uses it */
  discountUse: number;
  /** chance of unsubscribing after opening a message */
  unsubscribe: number;
  /** share of shoppers whose orders (and the last event of their visit) arrive late-stamped */
  lateRate: number;
  /** share of shoppers whose deliveries are sent twice (a retry with the same messageId) */
  duplicateRate: number;
  /** RFC 2606 domains only: simulated mail must never reach anyone */
  emailDomains: string[];
}

export const DEFAULT_POPULATION: PopulationParams = {
  seed: 1,
  shoppers: 1500,
  days: 30,
  abandonRate: 0.7,
  reachableShare: 0.6,
  locales: { en: 0.8, 'zh-CN': 0.12, 'zh-TW': 0.08 },
  // Cheap accessories go into carts most often; the 70-200 zoom least.
  catalogue: DEMO_PRODUCTS.map((p) => ({ sku: p.sku, name: p.name, price: p.price, category: p.category, weight: { 'SD-128': 30, 'LENS-35': 20, 'TRIPOD-C': 15, 'BAG-SLING': 15, 'CAM-X100': 12 }[p.sku] ?? 8 })),
  // The camera-gear case (MISSION.md): opens 66% then 59%, clicks 14% then 18%. Buy-after-click is
  // calibrated so that about 12% of treated abandoners are recovered, ~59% of the revenue by the
  // first email; that 12% includes baseline returners who had opened a message (last-touch credit).
  steps: [
    { open: 0.66, click: 0.14, buyAfterClick: 0.33 },
    { open: 0.59, click: 0.18, buyAfterClick: 0.2 },
  ],
  buyAfterOpen: 0.02,
  baselineReturn: 0.05,
  discountUse: 0.7,
  unsubscribe: 0.01,
  lateRate: 0.03,
  duplicateRate: 0.02,
  emailDomains: ['example.com', 'example.net', 'example.org'],
};

export interface PlannedItem { sku: string; name: string; price: number; category?: string; quantity: number }

export interface ShopperPlan {
  index: number;
  /** stable within the population: the anonymous id, and the root of the user, cart and event ids */
  key: string;
  locale: Locale;
  timezone: string;
  firstName: string;
  lastName: string;
  /** null: the shopper never leaves one (identified by `key` as user id, so still a contact) */
  email: string | null;
  items: PlannedItem[];
  /** instants as ms after the period start */
  viewedAt: number;
  addedAt: number[];
  /** when they reached checkout (and typed their email); null if they left before */
  checkoutAt: number | null;
  /** buys straight away at this instant, or null: the cart is abandoned */
  boughtAt: number | null;
  /** comes back and buys this long after leaving without any message, or null */
  returnsAfter: number | null;
  /** how late this shopper's orders and last visit event are delivered (0: on time) */
  lateBy: number;
  /** every delivery is sent a second time */
  duplicate: boolean;
  /** how they treat messages; arrays per step, later steps use the last entry */
  propensity: { open: number[]; clickGivenOpen: number[]; buyAfterClick: number[]; buyAfterOpen: number; unsubscribe: number; discountUse: number };
}

/** A shopper's own stream: plan i is the same whatever the population size. */
export const shopperRng = (seed: number, index: number): Rng => rng(mixSeed(seed, index + 1));

function drawItems(r: Rng, catalogue: CatalogueItem[]): PlannedItem[] {
  const count = Math.min(catalogue.length, Number(r.weighted({ '1': 55, '2': 30, '3': 15 })));
  const chosen: PlannedItem[] = [];
  while (chosen.length < count) {
    const sku = r.weighted(Object.fromEntries(catalogue.filter((c) => !chosen.some((x) => x.sku === c.sku)).map((c) => [c.sku, c.weight])));
    const { weight: _w, ...item } = catalogue.find((c) => c.sku === sku)!;
    chosen.push({ ...item, quantity: item.price < 50 ? r.int(1, 3) : 1 });
  }
  return chosen;
}

/** An instant in the period at a plausible local hour for this shopper. */
function drawStart(r: Rng, days: number, periodStart: number, utcOffsetHours: number): number {
  const midnight = Math.floor(periodStart / DAY) * DAY;
  const local = midnight + r.int(0, days - 1) * DAY + (drawLocalHour(r) - utcOffsetHours) * HOUR + r.int(0, 59) * MIN;
  const span = days * DAY - 2 * HOUR; // leave room for the visit itself
  return (((local - periodStart) % span) + span) % span;
}

/** Engagement scales how likely a shopper opens: low/normal/high with mean 1, so rates hold on average. */
const ENGAGEMENT = { '0.5': 0.3, '1': 0.4, '1.5': 0.3 };

function drawPlan(p: PopulationParams, index: number, periodStart: number): ShopperPlan {
  const r = shopperRng(p.seed, index);
  const locale = r.weighted(p.locales);
  const who = drawPerson(r, locale);
  const viewedAt = drawStart(r, p.days, periodStart, who.utcOffsetHours);
  const items = drawItems(r, p.catalogue);
  let at = viewedAt;
  const addedAt = items.map(() => (at += r.int(1, 4) * MIN));
  const left = addedAt[addedAt.length - 1]!;
  const abandons = r.chance(p.abandonRate);
  const reachable = !abandons || r.chance(p.reachableShare);
  const checkoutAt = reachable ? left + r.int(1, 3) * MIN : null;
  const engagement = Number(r.weighted(ENGAGEMENT));
  const clamp = (x: number) => Math.min(1, x);
  return {
    index, key: `sim-${p.seed}-${index}`, locale, timezone: who.timezone, firstName: who.firstName, lastName: who.lastName,
    email: reachable ? `${who.latin}.${index}@${r.pick(p.emailDomains)}` : null,
    items, viewedAt, addedAt, checkoutAt,
    boughtAt: abandons ? null : checkoutAt! + r.int(2, 6) * MIN,
    returnsAfter: abandons && r.chance(p.baselineReturn) ? Math.round(Math.min(7 * DAY, 2 * HOUR + r.exp(36 * HOUR))) : null,
    lateBy: r.chance(p.lateRate) ? r.int(2, 60) * MIN : 0,
    duplicate: r.chance(p.duplicateRate),
    propensity: {
      open: p.steps.map((s) => clamp(s.open * engagement)),
      clickGivenOpen: p.steps.map((s) => clamp(s.click / s.open)),
      buyAfterClick: p.steps.map((s) => s.buyAfterClick),
      buyAfterOpen: p.buyAfterOpen, unsubscribe: p.unsubscribe, discountUse: p.discountUse,
    },
  };
}

/** The population, ordered by when each shopper arrives. Same params and period start, same plans. */
export function population(params: Partial<PopulationParams> = {}, periodStart = 0): ShopperPlan[] {
  const p = { ...DEFAULT_POPULATION, ...params };
  return Array.from({ length: p.shoppers }, (_, i) => drawPlan(p, i, periodStart)).sort((a, b) => a.viewedAt - b.viewedAt || a.index - b.index);
}
