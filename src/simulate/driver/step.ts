/**
 * Carries out one step's shopper actions over HTTP, in an order that keeps cause before effect:
 * first the links in mail (opens, clicks, restores, unsubscribes; one shopper's in their order,
 * different shoppers' side by side), then purchases and every event, in /v1/batch requests.
 * An order is sent without a timestamp, so Cartback stamps it on arrival, after the click that led
 * to it; a late shopper's order carries the instant it happened and arrives `lateBy` after it.
 */
import { cartValue, orderMessage } from '../events.ts';
import type { Crowd, SimShopper, StepItem } from './crowd.ts';
import type { CartbackClient } from './http.ts';
import type { Ledger } from './ledger.ts';
import type { ServerClock } from './server-clock.ts';

type Deliver = Extract<StepItem, { kind: 'deliver' }>;

export interface SimCounts {
  arrived: number; eventsSent: number; retries: number; lateDeliveries: number;
  opens: number; restores: number; clicks: number; unsubscribes: number; linkErrors: number;
  orders: number; ordersWithCode: number;
}

export const newCounts = (): SimCounts => ({ arrived: 0, eventsSent: 0, retries: 0, lateDeliveries: 0, opens: 0, restores: 0, clicks: 0, unsubscribes: 0, linkErrors: 0, orders: 0, ordersWithCode: 0 });

export interface StepContext {
  api: CartbackClient;
  clock: ServerClock;
  crowd: Crowd;
  ledger: Ledger;
  storeId: string;
  writeKey: string;
  /** link requests in flight at once */
  concurrency: number;
  /** send events with ?wait=applied: the api process applies them before answering */
  waitApplied: boolean;
  counts: SimCounts;
}

const MAX_BATCH_EVENTS = 500;
const MAX_BATCH_BYTES = 400 * 1024;

async function lanes<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
}

async function followLinks(ctx: StepContext, items: Array<Extract<StepItem, { kind: 'link' }>>): Promise<void> {
  const byShopper = new Map<SimShopper, typeof items>();
  for (const item of items) byShopper.set(item.shopper, [...(byShopper.get(item.shopper) ?? []), item]);
  await lanes([...byShopper.values()], ctx.concurrency, async (own) => {
    for (const { action, url, shopper } of own) {
      const status = await ctx.api.follow(url, action === 'unsubscribe' ? 'POST' : 'GET');
      if (status >= 400) {
        ctx.counts.linkErrors++;
        continue;
      }
      if (action === 'open') ctx.counts.opens++;
      else if (action === 'restore') ctx.counts.restores++;
      else if (action === 'click') ctx.counts.clicks++;
      else {
        ctx.counts.unsubscribes++;
        ctx.ledger.unsubscribed(shopper.plan.key, ctx.clock.upperNow());
      }
    }
  });
}

/** The shopper buys now: the order to send this step, or null (already bought, or it will arrive late). */
async function buy(ctx: StepContext, item: Extract<StepItem, { kind: 'buy' }>, t: number): Promise<Deliver | null> {
  const s = item.shopper;
  if (s.purchased) return null;
  s.purchased = true;
  let total = cartValue(s.plan);
  let coupon: string | null = null;
  const code = item.useDiscount ? item.mail?.discountCode : null;
  if (code) {
    const terms = await ctx.api.admin<{ kind: string; value: number; valid: boolean }>('GET', `/stores/${ctx.storeId}/discounts/${encodeURIComponent(code)}`).catch(() => null);
    if (terms?.valid) {
      coupon = code;
      if (terms.kind === 'percent') total *= 1 - terms.value / 100;
      else if (terms.kind === 'amount') total = Math.max(0, total - terms.value / 100);
    }
  }
  ctx.counts.orders++;
  if (coupon) ctx.counts.ordersWithCode++;
  const order = orderMessage(s.plan, ctx.clock.upperNow(), total, coupon);
  if (s.plan.lateBy) {
    ctx.crowd.at(t + s.plan.lateBy, { kind: 'deliver', shopper: s, delivery: { at: t + s.plan.lateBy, messages: [order] }, retry: false });
    return null;
  }
  delete order.timestamp;
  return { kind: 'deliver', shopper: s, delivery: { at: t, messages: [order] }, retry: false };
}

const isOrder = (m: Record<string, unknown>) => m.event === 'Order Completed';

async function sendBatch(ctx: StepContext, batch: Deliver[], t: number): Promise<void> {
  const events = batch.flatMap((d) => d.delivery.messages);
  await ctx.api.batch(ctx.writeKey, events, ctx.waitApplied);
  const ackedBy = ctx.clock.upperNow();
  ctx.counts.eventsSent += events.length;
  for (const d of batch) {
    const { shopper, delivery, retry } = d;
    if (retry) ctx.counts.retries++;
    else ctx.ledger.acknowledged += delivery.messages.length;
    if (!shopper.arrived) {
      shopper.arrived = true;
      ctx.counts.arrived++;
    }
    if (delivery.messages.some(isOrder)) ctx.ledger.orderAcknowledged(shopper.plan.key, ackedBy);
    if (!retry && delivery.at > Date.parse(String(delivery.messages[delivery.messages.length - 1]!.timestamp ?? '')) + 60_000) ctx.counts.lateDeliveries++;
    ctx.crowd.deliveredOnce(d, t);
  }
}

export async function playStep(ctx: StepContext, items: StepItem[], t: number): Promise<void> {
  await followLinks(ctx, items.filter((i): i is Extract<StepItem, { kind: 'link' }> => i.kind === 'link'));
  const outgoing: Deliver[] = [];
  for (const item of items) {
    if (item.kind === 'deliver') outgoing.push(item);
    else if (item.kind === 'buy') {
      const order = await buy(ctx, item, t);
      if (order) outgoing.push(order);
    }
  }
  let batch: Deliver[] = [];
  let events = 0;
  let bytes = 0;
  for (const d of outgoing) {
    const size = JSON.stringify(d.delivery.messages).length;
    if (batch.length && (events + d.delivery.messages.length > MAX_BATCH_EVENTS || bytes + size > MAX_BATCH_BYTES)) {
      await sendBatch(ctx, batch, t);
      batch = [];
      events = bytes = 0;
    }
    batch.push(d);
    events += d.delivery.messages.length;
    bytes += size;
  }
  if (batch.length) await sendBatch(ctx, batch, t);
}
