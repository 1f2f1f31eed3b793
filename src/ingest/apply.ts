/**
 * Applies normalized events in one transaction: store the raw event (idempotent by messageId),
 * stitch the contact, update the cart, record an order. Either all of a request is applied or
 * none of it; the 2xx answer is sent only after the commit.
 */
import { applyCartEvent, cartExternalId, type CartChange } from '../carts/apply.ts';
import { EVENTS, type Product } from '../contracts/segment.ts';
import { newId } from '../kernel/ids.ts';
import { toMinor } from '../kernel/money.ts';
import { recordOrder, recordRefund } from '../orders/record.ts';
import type { Store } from '../store/queries/stores.ts';
import { lockCartKeys, rearmUnreachableCarts } from '../store/queries/carts.ts';
import { applyTraits, resolveContact, type Tx } from '../store/queries/contacts.ts';
import type { Capabilities, Database } from '../store/db.ts';
import type { NormalizedEvent } from './segment.ts';

export interface IngestResult { accepted: number; duplicates: number }

function cartChange(e: NormalizedEvent): CartChange | null {
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

async function insertEvent(tx: Tx, store: Store, e: NormalizedEvent, now: number): Promise<boolean> {
  const r = await tx
    .insertInto('events')
    .values({
      store_id: store.id, id: newId(), message_id: e.messageId, type: e.type, event: e.event, anonymous_id: e.anonymousId,
      user_id: e.userId, contact_id: null, occurred_at: e.occurredAt, received_at: now, payload: JSON.stringify(e.payload),
    })
    .onConflict((oc) => oc.columns(['store_id', 'message_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

async function applyOne(tx: Tx, store: Store, e: NormalizedEvent, now: number, caps: Capabilities): Promise<void> {
  const t = e.traits;
  const email = t.email ?? e.properties.email ?? null;
  const contactId = await resolveContact(tx, store.id, { anonymousId: e.anonymousId, userId: e.userId, email }, now);
  if (contactId) {
    await tx.updateTable('events').set({ contact_id: contactId }).where('store_id', '=', store.id).where('message_id', '=', e.messageId).execute();
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
  const currency = (p.currency ?? store.settings.currency).toUpperCase();
  const change = cartChange(e);
  const cartExternalId = p.cart_id !== undefined ? String(p.cart_id) : p.checkout_id !== undefined ? String(p.checkout_id) : null;
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

// Worth another try: two requests first seeing the same identity or cart (unique violation), a
// deadlock or a serialization failure. The request is all-or-nothing, so a retry is safe.
const RETRYABLE = new Set(['23505', '40P01', '40001']);
const isRetryable = (err: unknown) => RETRYABLE.has((err as { code?: string }).code ?? '') || /UNIQUE constraint/.test(String(err));

function cartsTouched(events: NormalizedEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const p = e.properties;
    const external = p.cart_id ?? p.checkout_id;
    const id = external !== undefined ? String(external) : cartChange(e) ? cartExternalId({ externalId: null, anonymousId: e.anonymousId, userId: e.userId }) : null;
    if (id) ids.add(id);
  }
  return [...ids].sort();
}

/** Applies a request's events atomically; retried on the conflicts concurrency can cause. */
export async function ingest(database: Database, store: Store, events: NormalizedEvent[], now: () => number): Promise<IngestResult> {
  const { db, caps } = database;
  const carts = caps.advisoryLocks ? cartsTouched(events) : [];
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (tx) => {
        await lockCartKeys(tx, store.id, carts);
        const at = now();
        let accepted = 0;
        for (const e of events) {
          if (!(await insertEvent(tx, store, e, at))) continue;
          await applyOne(tx, store, e, at, caps);
          accepted++;
        }
        return { accepted, duplicates: events.length - accepted };
      });
    } catch (err) {
      if (attempt >= 5 || !isRetryable(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
    }
  }
}
