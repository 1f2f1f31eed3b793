/**
 * What one simulated shopper does, through the real code paths at the virtual time: their events
 * go through ingest, opens and clicks are recorded as the /o and /c routes record them, an
 * unsubscribe as /u does, and a purchase is an `Order Completed` with the cart id.
 */
import type { Store } from '../store/queries/stores.ts';
import type { Database } from '../store/db.ts';
import type { Applier } from '../ingest/applier.ts';
import { acceptAndApply } from '../ingest/ingest.ts';
import { normalize, type NormalizedEvent } from '../ingest/segment.ts';
import { findMessage, recordLinkEvent, unsubscribeVia } from '../links/record.ts';
import { discountTerms, markSimulated } from '../store/queries/simulation.ts';
import type { Agenda, VirtualClock } from './agenda.ts';
import { cartValue, orderMessage, visitDeliveries, type Delivery } from './events.ts';
import type { ShopperPlan } from './population.ts';
import type { Rng } from './random.ts';
import { reactToMessage } from './reactions.ts';

export interface SimContext {
  database: Database;
  /** applies what the shoppers send at once (the simulation reads its effects right away) */
  applier: Applier;
  store: Store;
  clock: VirtualClock;
  agenda: Agenda;
  periodStart: number;
  counts: { deliveries: number; orders: number; opens: number; clicks: number; unsubscribes: number };
  /** set when something may have brought the engine's next due time nearer (new cart activity) */
  dueChanged: boolean;
}

export interface Shopper {
  plan: ShopperPlan;
  /** the shopper's own stream for reactions to messages */
  rng: Rng;
  /** their contact exists and is marked simulated */
  marked: boolean;
  sends: number;
  purchased: boolean;
}

const USER_AGENT = 'Cartback simulation';

async function deliver(ctx: SimContext, shopper: Shopper, d: Delivery, again = shopper.plan.duplicate): Promise<void> {
  const now = ctx.clock.now();
  const events = d.messages.map((m) => {
    const e = normalize(m, null, now);
    if (Array.isArray(e)) throw new Error(`simulated event refused: ${JSON.stringify(e)}`);
    return e;
  });
  await acceptAndApply(ctx.database, ctx.applier, ctx.store, events as NormalizedEvent[], now);
  ctx.counts.deliveries++;
  ctx.dueChanged = true;
  if (!shopper.marked) shopper.marked = await markSimulated(ctx.database.db, ctx.store.id, shopper.plan.key);
  // A retry of the same request (same message ids): ingest must count it as a duplicate.
  if (again) ctx.agenda.at(now + shopper.rng.int(10, 300) * 1000, () => deliver(ctx, shopper, d, false));
}

/** Schedules the shopper's visit, and their unprompted return to buy, if they have one. */
export function startVisit(ctx: SimContext, shopper: Shopper): void {
  const deliveries = visitDeliveries(shopper.plan, ctx.periodStart);
  for (const d of deliveries) ctx.agenda.at(d.at, () => deliver(ctx, shopper, d));
  const { plan } = shopper;
  if (plan.boughtAt !== null) shopper.purchased = true;
  else if (plan.returnsAfter !== null) {
    const leftAt = ctx.periodStart + Math.max(plan.checkoutAt ?? 0, ...plan.addedAt);
    ctx.agenda.at(leftAt + plan.returnsAfter, () => buy(ctx, shopper, null));
  }
}

async function buy(ctx: SimContext, shopper: Shopper, messageId: string | null, useDiscount = false): Promise<void> {
  if (shopper.purchased) return;
  shopper.purchased = true;
  const now = ctx.clock.now();
  let total = cartValue(shopper.plan);
  const message = messageId && useDiscount ? await findMessage(ctx.database.db, messageId) : undefined;
  const coupon = message?.discount_code ?? null;
  const terms = coupon ? await discountTerms(ctx.database.db, ctx.store.id, coupon) : undefined;
  if (terms) total = terms.kind === 'percent' ? total * (1 - terms.value / 100) : Math.max(0, total - terms.value / 100);
  ctx.counts.orders++;
  const d: Delivery = { at: now + shopper.plan.lateBy, messages: [orderMessage(shopper.plan, now, total, terms ? coupon : null)] };
  if (shopper.plan.lateBy) ctx.agenda.at(d.at, () => deliver(ctx, shopper, d));
  else await deliver(ctx, shopper, d);
}

async function follow(ctx: SimContext, messageId: string, kind: 'open' | 'restore' | 'click' | 'unsubscribe'): Promise<void> {
  const db = ctx.database.db;
  const m = await findMessage(db, messageId);
  if (!m) return;
  const now = ctx.clock.now();
  if (kind === 'unsubscribe') {
    ctx.counts.unsubscribes++;
    await db.transaction().execute((tx) => unsubscribeVia(tx, m, now, { userAgent: USER_AGENT }));
    return;
  }
  const target = (JSON.parse(m.links) as string[])[0];
  const via = kind === 'click' && !target ? 'restore' : kind;
  await recordLinkEvent(db, m, via, now, { userAgent: USER_AGENT, ...(via === 'click' ? { url: target } : {}) });
  if (kind === 'open') ctx.counts.opens++;
  else ctx.counts.clicks++;
}

/** A message reached the shopper: decide from their propensities what they do with it, and when. */
export function onMessage(ctx: SimContext, shopper: Shopper, messageId: string): void {
  const sentAt = ctx.clock.now();
  const r = reactToMessage(shopper.plan, shopper.sends++, shopper.rng);
  const later = (after: number, fn: () => Promise<void>) => ctx.agenda.at(sentAt + after, fn);
  if (r.openAfter !== null) later(r.openAfter, () => follow(ctx, messageId, 'open'));
  if (r.click) later(r.click.after, () => follow(ctx, messageId, r.click!.via));
  if (r.buy) later(r.buy.after, () => buy(ctx, shopper, messageId, r.buy!.useDiscount));
  if (r.unsubscribeAfter !== null) later(r.unsubscribeAfter, () => follow(ctx, messageId, 'unsubscribe'));
}
