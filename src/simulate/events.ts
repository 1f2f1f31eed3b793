/**
 * A plan's shopper activity as Segment messages (pure): what the storefront and the shop's server
 * would send. Message ids derive from the plan's key, so a duplicate delivery is recognised as one
 * by ingest. Instants are epoch ms; `periodStart` anchors the plan's offsets.
 */
import type { PlannedItem, ShopperPlan } from './population.ts';

export interface Delivery {
  /** when the message reaches Cartback */
  at: number;
  messages: Array<Record<string, unknown>>;
}

const product = (i: PlannedItem) => ({ product_id: i.sku, sku: i.sku, name: i.name, price: i.price, quantity: i.quantity, ...(i.category ? { category: i.category } : {}) });
const iso = (t: number) => new Date(t).toISOString();

export const cartIdOf = (plan: ShopperPlan) => `${plan.key}-cart`;
export const cartValue = (plan: ShopperPlan) => plan.items.reduce((s, i) => s + i.price * i.quantity, 0);

function traits(plan: ShopperPlan, withEmail: boolean) {
  return { first_name: plan.firstName, last_name: plan.lastName, locale: plan.locale, timezone: plan.timezone, ...(withEmail && plan.email ? { email: plan.email } : {}) };
}

/** The visit: browse, add, identify, maybe check out and buy; in the order it happened. */
function visit(plan: ShopperPlan, t0: number): Array<Record<string, unknown>> {
  const base = { anonymousId: plan.key };
  const cart_id = cartIdOf(plan);
  const first = plan.items[0]!;
  const out: Array<Record<string, unknown>> = [{ ...base, type: 'track', event: 'Product Viewed', messageId: `${plan.key}-view`, timestamp: iso(t0 + plan.viewedAt), properties: product(first) }];
  // Without an email the shopper is still someone: a signed-in account known by its user id.
  if (!plan.email) out.push({ ...base, type: 'identify', userId: plan.key, messageId: `${plan.key}-id`, timestamp: iso(t0 + plan.viewedAt + 30_000), traits: traits(plan, false) });
  plan.items.forEach((item, i) => {
    out.push({ ...base, type: 'track', event: 'Product Added', messageId: `${plan.key}-add-${i}`, timestamp: iso(t0 + plan.addedAt[i]!), properties: { cart_id, ...product(item) } });
  });
  if (plan.checkoutAt !== null) {
    out.push({ ...base, type: 'identify', messageId: `${plan.key}-id`, timestamp: iso(t0 + plan.checkoutAt), traits: traits(plan, true) });
    out.push({ ...base, type: 'track', event: 'Checkout Started', messageId: `${plan.key}-checkout`, timestamp: iso(t0 + plan.checkoutAt + 10_000), properties: { cart_id, value: cartValue(plan), products: plan.items.map(product) } });
  }
  if (plan.boughtAt !== null) out.push(orderMessage(plan, t0 + plan.boughtAt, cartValue(plan), null));
  return out;
}

/** `Order Completed` for the plan's cart, as the shop's server reports it (with the cart id). */
export function orderMessage(plan: ShopperPlan, at: number, total: number, coupon: string | null): Record<string, unknown> {
  return {
    anonymousId: plan.key, type: 'track', event: 'Order Completed', messageId: `${plan.key}-order`, timestamp: iso(at),
    properties: { order_id: `${plan.key}-order`, cart_id: cartIdOf(plan), total: Math.round(total * 100) / 100, products: plan.items.map(product), ...(coupon ? { coupon } : {}) },
  };
}

/**
 * The visit as deliveries: everything when the shopper leaves, except that a late shopper's last
 * event comes `lateBy` after it happened (the identify is never last, so the shopper is a contact
 * from the first delivery on).
 */
export function visitDeliveries(plan: ShopperPlan, t0: number): Delivery[] {
  const messages = visit(plan, t0);
  const last = messages[messages.length - 1]!;
  const lastAt = Date.parse(String(last.timestamp));
  if (!plan.lateBy) return [{ at: lastAt, messages }];
  const onTime = messages.slice(0, -1);
  return [{ at: Date.parse(String(onTime[onTime.length - 1]!.timestamp)), messages: onTime }, { at: lastAt + plan.lateBy, messages: [last] }];
}
