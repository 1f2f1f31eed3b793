/**
 * What an event does: stitch the contact, update the cart, record an order. The applier
 * (applier.ts) runs this for the events ingest accepted, in the order they arrived, per store.
 */
import { applyCartEvent, cartExternalId, type CartChange } from '../carts/apply.ts';
import { EVENTS, type Product } from '../contracts/segment.ts';
import { toMinor } from '../kernel/money.ts';
import { recordOrder, recordRefund } from '../orders/record.ts';
import type { Store } from '../store/queries/stores.ts';
import { lockCartKeys, rearmUnreachableCarts } from '../store/queries/carts.ts';
import { applyTraits, resolveContact, type Tx } from '../store/queries/contacts.ts';
import type { Capabilities } from '../store/db.ts';
import { BatchApply } from './batch.ts';
import type { NormalizedEvent } from './segment.ts';

export function cartChange(e: NormalizedEvent): CartChange | null {
  const p = e.properties;
  switch (e.event) {
    case EVENTS.productAdded:
      return { kind: 'add', product: p as Product };
    case EVENTS.productRemoved:
      return { kind: 'remove', product: p as Product };
    case EVENTS.cartViewed:
    case EVENTS.checkoutStarted:
      return p.products ? { kind: 'snapshot', products: p.products } : { kind: 'touch' };
    case EVENTS.checkoutStepCompleted:
    case EVENTS.paymentInfoEntered:
      return { kind: 'touch' };
    default:
      return null;
  }
}

export const eventCurrency = (e: NormalizedEvent, store: Store): string => (e.properties.currency ?? store.settings.currency).toUpperCase();
export const eventCartId = (e: NormalizedEvent): string | null => {
  const p = e.properties;
  return p.cart_id !== undefined ? String(p.cart_id) : p.checkout_id !== undefined ? String(p.checkout_id) : null;
};

/** Applies one event (stored as row `eventId`): contact, traits, cart, order. */
export async function applyOne(tx: Tx, store: Store, eventId: string, e: NormalizedEvent, now: number, caps: Capabilities): Promise<void> {
  const t = e.traits;
  const email = t.email ?? e.properties.email ?? null;
  const contactId = await resolveContact(tx, store.id, { anonymousId: e.anonymousId, userId: e.userId, email }, now);
  if (contactId) {
    await tx.updateTable('events').set({ contact_id: contactId }).where('id', '=', eventId).execute();
    const { email: _e, phone, first_name, firstName, last_name, lastName, locale, timezone, email_consent, accepts_marketing, ...extra } = t;
    if (e.type === 'identify' || email) {
      await applyTraits(tx, contactId, {
        email: email ?? undefined, phone, firstName: first_name ?? firstName, lastName: last_name ?? lastName, locale, timezone,
        emailConsent: email_consent ?? accepts_marketing, extra: e.type === 'identify' ? extra : {},
      }, e.occurredAt, now);
      await rearmUnreachableCarts(tx, store.id, contactId, now);
    }
  }
  const p = e.properties;
  const currency = eventCurrency(e, store);
  const change = cartChange(e);
  const cartExternalId = eventCartId(e);
  if (change) {
    await applyCartEvent(tx, { storeId: store.id, settings: store.settings, externalId: cartExternalId, anonymousId: e.anonymousId, userId: e.userId, contactId, currency, occurredAt: e.occurredAt, change, restoreUrl: e.restoreUrl }, now);
  } else if (e.event === EVENTS.orderCompleted) {
    const amount = Number(p.total ?? p.revenue ?? p.value ?? 0);
    await recordOrder(tx, {
      storeId: store.id, settings: store.settings, externalId: p.order_id !== undefined ? String(p.order_id) : e.messageId, cartExternalId,
      anonymousId: e.anonymousId, contactId, total: toMinor(amount, currency), currency, occurredAt: e.occurredAt, lockRuns: caps.skipLocked, coupon: p.coupon ?? null,
    }, now);
  } else if (e.event === EVENTS.orderRefunded && p.order_id !== undefined) {
    await recordRefund(tx, store.id, String(p.order_id), now);
  }
}

// Worth another try: two transactions first seeing the same identity or cart (unique violation), a
// deadlock or a serialization failure. An apply transaction is all-or-nothing, so a retry is safe.
const RETRYABLE = new Set(['23505', '40P01', '40001']);
export const isRetryable = (err: unknown) => RETRYABLE.has((err as { code?: string }).code ?? '') || /UNIQUE constraint/.test(String(err));

/** The cart keys a list of events touches, sorted: the order advisory locks are taken in. */
export function cartsTouched(events: NormalizedEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const p = e.properties;
    const external = p.cart_id ?? p.checkout_id;
    const id = external !== undefined ? String(external) : cartChange(e) ? cartExternalId({ externalId: null, anonymousId: e.anonymousId, userId: e.userId }) : null;
    if (id) ids.add(id);
  }
  return [...ids].sort();
}

/** Applies events in order in one transaction (the caller's), locking their carts first (PostgreSQL). */
export async function applyEvents(tx: Tx, store: Store, events: Array<{ id: string; event: NormalizedEvent }>, now: number, caps: Capabilities): Promise<void> {
  if (caps.advisoryLocks) await lockCartKeys(tx, store.id, cartsTouched(events.map((x) => x.event)));
  await new BatchApply(tx, store, now, caps).applyAll(events);
}
