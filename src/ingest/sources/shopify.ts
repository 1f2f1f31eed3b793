/**
 * Shopify webhooks as Cartback events. A checkout (create/update) is an identify plus a Checkout
 * Started snapshot of its line items, keyed by the checkout token and stamped with its updated_at, so
 * an older update arriving late changes nothing. An order (create/paid) is an Order Completed that
 * names the checkout it came from; a customer update is an identify.
 *
 * Identities: every checkout is a stable anonymous id (`shopify-checkout:<token>`), so a checkout
 * without an email keeps one cart that is stitched to the shopper when a later update names them;
 * a Shopify customer is the user id `shopify-customer:<id>`.
 */
import { EVENTS } from '../../contracts/segment.ts';
import { amount, compact, currency, email, idOf, instant, list, rec, text, webUrl, type Delivery, type Rec, type SourceMessage } from './common.ts';

/**
 * Email consent from Shopify's fields. A ticked "email me with news and offers" box or a subscribed
 * customer is consent; an unsubscribed (or redacted) customer is an opt-out. An unticked box or
 * "not_subscribed" says nothing either way: the store's emailConsent setting (opt_in / opt_out)
 * decides for them, as it does for any contact without a stated preference.
 */
function shopifyConsent(customer: Rec, acceptsMarketing: unknown): boolean | undefined {
  const state = rec(customer.email_marketing_consent).state;
  if (state === 'subscribed') return true;
  if (state === 'unsubscribed' || state === 'redacted') return false;
  return acceptsMarketing === true ? true : undefined;
}

function identities(anonymousId: string, customerId: string | undefined) {
  return compact({ anonymousId, userId: customerId ? `shopify-customer:${customerId}` : undefined });
}

/** A person's traits from the customer record, else the billing address. */
function person(customer: Rec, billing: Rec, mail: string | undefined, consent: boolean | undefined, locale?: unknown) {
  return compact({
    email: mail,
    first_name: text(customer.first_name, 200) ?? text(billing.first_name, 200),
    last_name: text(customer.last_name, 200) ?? text(billing.last_name, 200),
    phone: text(customer.phone, 40) ?? text(billing.phone, 40),
    locale: text(locale, 35),
    email_consent: consent,
    shopify_customer_id: idOf(customer.id),
  });
}

function products(lines: Rec[]) {
  return lines.map((l) =>
    compact({
      // The line identity is the variant: two sizes of one product are two lines. Variant ids are
      // also what Shopify's cart permalinks (/cart/<variant>:<qty>) take.
      product_id: idOf(l.variant_id) ?? idOf(l.product_id),
      sku: text(l.sku, 200),
      name: text(l.title) ?? text(l.name) ?? text(l.presentment_title),
      variant: text(l.variant_title),
      price: amount(l.price),
      quantity: typeof l.quantity === 'number' && Number.isInteger(l.quantity) ? l.quantity : 1,
      image_url: webUrl(l.image_url) ?? webUrl(rec(l.image).src),
      shopify_product_id: idOf(l.product_id),
    }),
  );
}

function checkout(d: Delivery, c: Rec, ref: string): SourceMessage[] {
  const token = idOf(c.token) ?? idOf(c.cart_token) ?? idOf(c.id);
  if (!token) return [];
  const customer = rec(c.customer);
  const mail = email(c.email) ?? email(customer.email);
  const ids = identities(`shopify-checkout:${token}`, idOf(customer.id));
  const timestamp = instant(c.updated_at) ?? instant(c.created_at);
  const out: SourceMessage[] = [];
  if (mail || ids.userId) {
    const traits = person(customer, rec(c.billing_address), mail, shopifyConsent(customer, c.buyer_accepts_marketing), c.customer_locale);
    out.push({ type: 'identify', message: { messageId: `${ref}:identify`, ...ids, timestamp, traits } });
  }
  const source = { name: 'shopify', topic: d.topic, deliveryId: d.deliveryId };
  if (c.completed_at) {
    // A completed checkout is the order's business (orders/create). Kept as a record only: as a
    // snapshot it could arrive after the order and open a new cart episode for someone who bought.
    out.push({ type: 'track', message: { messageId: `${ref}:checkout`, ...ids, timestamp, event: 'Checkout Completed', properties: { checkout_id: token }, context: { source } }, raw: c });
    return out;
  }
  out.push({
    type: 'track',
    message: {
      messageId: `${ref}:checkout`, ...ids, timestamp, event: EVENTS.checkoutStarted, context: { source },
      properties: compact({ cart_id: token, currency: currency(c.currency) ?? currency(c.presentment_currency), value: amount(c.total_price), products: products(list(c.line_items)) }),
    },
    raw: c,
    restoreUrl: webUrl(c.abandoned_checkout_url),
  });
  return out;
}

function order(d: Delivery, o: Rec, ref: string): SourceMessage[] {
  const orderId = idOf(o.id);
  if (!orderId) return [];
  const customer = rec(o.customer);
  const checkoutToken = idOf(o.checkout_token);
  const ids = identities(checkoutToken ? `shopify-checkout:${checkoutToken}` : `shopify-order:${orderId}`, idOf(customer.id));
  const mail = email(o.email) ?? email(o.contact_email) ?? email(customer.email);
  const traits = person(customer, rec(o.billing_address), mail, shopifyConsent(customer, o.buyer_accepts_marketing), o.customer_locale);
  const properties = compact({
    order_id: orderId,
    cart_id: checkoutToken ?? idOf(o.cart_token),
    total: amount(o.total_price) ?? 0,
    currency: currency(o.currency),
    coupon: text(list(o.discount_codes)[0]?.code, 200),
    email: mail,
  });
  const context = { traits, source: { name: 'shopify', topic: d.topic, deliveryId: d.deliveryId } };
  return [{ type: 'track', message: { messageId: `${ref}:order`, ...ids, timestamp: instant(o.created_at), event: EVENTS.orderCompleted, properties, context }, raw: o }];
}

function customerUpdate(c: Rec, ref: string): SourceMessage[] {
  const customerId = idOf(c.id);
  if (!customerId) return [];
  const traits = person(c, rec(c.default_address), email(c.email), shopifyConsent(c, c.accepts_marketing));
  return [{ type: 'identify', message: { messageId: `${ref}:identify`, userId: `shopify-customer:${customerId}`, timestamp: instant(c.updated_at), traits }, raw: c }];
}

/**
 * The messages one delivery stands for; null for a topic Cartback does not use. Message ids come from
 * the delivery id, which Shopify repeats on every retry, so a retried delivery has one effect.
 */
export function shopifyMessages(d: Delivery, body: unknown): SourceMessage[] | null {
  const b = rec(body);
  const ref = `shopify:${d.deliveryId ?? `${d.topic}:${text(b.token) ?? text(b.id)}:${text(b.updated_at)}`}`;
  switch (d.topic) {
    case 'checkouts/create':
    case 'checkouts/update':
      return checkout(d, b, ref);
    case 'orders/create':
    case 'orders/paid':
      return order(d, b, ref);
    case 'customers/update':
      return customerUpdate(b, ref);
    default:
      return null;
  }
}
