/**
 * WooCommerce order webhooks as Cartback events. WooCommerce has no checkout webhook, but an order
 * that is `pending` (placed, not paid) or `failed` (payment refused) is exactly a checkout walked
 * away from: it becomes the cart `wc-order:<id>`. Once the order is `processing`, `completed` or
 * `on-hold` it is an Order Completed naming that cart, which stops its sequence; `refunded` is an
 * Order Refunded. Every other status (cancelled, drafts, custom ones) is stored and changes nothing.
 *
 * Message ids are the order's state (id, status, date_modified_gmt): a redelivery, or order.created
 * and order.updated reporting the same state, have one effect. (X-WC-Webhook-Delivery-ID is stored
 * with the event; its redeliveries carry the same state, so the state key covers them.)
 */
import { EVENTS } from '../../contracts/segment.ts';
import { amount, compact, currency, email, idOf, instant, list, rec, text, webUrl, type Delivery, type Rec, type SourceMessage } from './common.ts';

const TOPICS = ['order.created', 'order.updated'];

const RECOVERABLE = new Set(['pending', 'failed']);
const BOUGHT = new Set(['processing', 'completed', 'on-hold']);

function products(lines: Rec[]) {
  return lines.map((l) => {
    const quantity = typeof l.quantity === 'number' && Number.isInteger(l.quantity) && l.quantity >= 0 ? l.quantity : 1;
    // The unit price as the cart showed it: `subtotal` is the line before coupons (tax excluded);
    // `price` is after coupons, so only a fallback.
    const subtotal = amount(l.subtotal);
    const unit = subtotal !== undefined && quantity > 0 ? subtotal / quantity : amount(l.price);
    return compact({
      product_id: idOf(l.variation_id) ?? idOf(l.product_id),
      sku: text(l.sku, 200),
      name: text(l.name),
      price: unit,
      quantity,
      image_url: webUrl(rec(l.image).src),
      woocommerce_product_id: idOf(l.product_id),
    });
  });
}

/** The messages one delivery stands for; null for a topic Cartback does not use. */
export function woocommerceMessages(d: Delivery, body: unknown): SourceMessage[] | null {
  if (!TOPICS.includes(d.topic)) return null;
  const o = rec(body);
  const orderId = idOf(o.id);
  if (!orderId) return [];
  const status = text(o.status, 50) ?? 'unknown';
  const cartId = `wc-order:${orderId}`;
  const billing = rec(o.billing);
  const mail = email(billing.email);
  const ids = compact({ anonymousId: cartId, userId: idOf(o.customer_id) ? `wc-customer:${idOf(o.customer_id)}` : undefined });
  const modified = instant(o.date_modified_gmt, true) ?? instant(o.date_created_gmt, true);
  const ref = `woocommerce:order:${orderId}:${status}:${text(o.date_modified_gmt) ?? text(o.date_modified) ?? ''}`;
  const traits = compact({
    email: mail, first_name: text(billing.first_name, 200), last_name: text(billing.last_name, 200), phone: text(billing.phone, 40),
    woocommerce_customer_id: idOf(o.customer_id),
  });
  const context = { source: { name: 'woocommerce', topic: d.topic, deliveryId: d.deliveryId } };
  const track = (event: string, properties: Rec, timestamp = modified): SourceMessage => ({
    type: 'track', message: { messageId: `${ref}:${event}`, ...ids, timestamp, event, properties, context: { ...context, traits } }, raw: o,
  });

  if (RECOVERABLE.has(status)) {
    const out: SourceMessage[] = [];
    if (mail || ids.userId) out.push({ type: 'identify', message: { messageId: `${ref}:identify`, ...ids, timestamp: modified, traits } });
    const snapshot = track(EVENTS.checkoutStarted, compact({ cart_id: cartId, currency: currency(o.currency), value: amount(o.total), products: products(list(o.line_items)) }));
    // The order's own "pay for this order" page is where a pending or failed order is completed.
    out.push({ ...snapshot, restoreUrl: webUrl(o.payment_url) });
    return out;
  }
  if (BOUGHT.has(status)) {
    // Placed when paid, else (on-hold: awaiting a bank transfer) when it reached this status.
    const placed = instant(o.date_paid_gmt, true) ?? modified;
    const properties = compact({ order_id: orderId, cart_id: cartId, total: amount(o.total) ?? 0, currency: currency(o.currency), coupon: text(list(o.coupon_lines)[0]?.code, 200), email: mail });
    return [track(EVENTS.orderCompleted, properties, placed)];
  }
  if (status === 'refunded') return [track(EVENTS.orderRefunded, { order_id: orderId })];
  return [track(status === 'cancelled' ? 'Order Cancelled' : 'Order Updated', { order_id: orderId, status })];
}
