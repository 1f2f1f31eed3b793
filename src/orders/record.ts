/**
 * Order Completed: record the order once, mark its cart bought, stop every run a purchase stops,
 * and credit the order to the message that brought the shopper back (last click, else last open,
 * within the store's attribution window).
 */
import type { StoreSettings } from '../contracts/store.ts';
import { definitionOf } from '../flows/definition/cache.ts';
import { parseDuration } from '../kernel/duration.ts';
import { newId } from '../kernel/ids.ts';
import { findCartByExternalId, findOpenCart, saveCart, type Cart } from '../store/queries/carts.ts';
import type { Tx } from '../store/queries/contacts.ts';
import { insertOrder, lastTouch, redeemDiscount } from '../store/queries/orders.ts';
import { activeRunsFor, endRuns } from '../store/queries/runs.ts';

export interface OrderEvent {
  storeId: string;
  settings: StoreSettings;
  externalId: string;
  cartExternalId: string | null;
  anonymousId: string | null;
  contactId: string | null;
  total: number; // minor units
  currency: string;
  occurredAt: number;
  /** lock the contact's runs before anything else (PostgreSQL): see recordOrder */
  lockRuns: boolean;
  /** the discount code used (Segment's `coupon`), marked redeemed if Cartback issued it */
  coupon: string | null;
}

async function matchCart(tx: Tx, e: OrderEvent): Promise<Cart | undefined> {
  if (e.cartExternalId) {
    const c = await findCartByExternalId(tx, e.storeId, e.cartExternalId);
    if (c) return c;
  }
  return findOpenCart(tx, e.storeId, { contactId: e.contactId, anonymousId: e.contactId ? null : e.anonymousId });
}

/** Returns false when the order was already recorded (a duplicate delivery). */
export async function recordOrder(tx: Tx, e: OrderEvent, now: number): Promise<boolean> {
  const cart = await matchCart(tx, e);
  const contactId = e.contactId ?? cart?.contact_id ?? null;
  // Invariant 1 under concurrency: lock the runs this order may stop before writing the order. A
  // send claim on one of them (which locks its run) then either finished before us, or waits and
  // finds the run ended; it can never pass its purchase check while this order is in flight.
  const runs = await activeRunsFor(tx, e.storeId, { contactId, cartId: cart?.id ?? null, lock: e.lockRuns });
  const touch = contactId ? await lastTouch(tx, e.storeId, contactId, e.occurredAt, parseDuration(e.settings.attributionWindow)) : undefined;
  const inserted = await insertOrder(tx, {
    store_id: e.storeId, id: newId(), external_id: e.externalId, contact_id: contactId, cart_id: cart?.id ?? null,
    total: e.total, currency: e.currency, placed_at: e.occurredAt, received_at: now, recovered: touch ? 1 : 0,
    attributed_message_id: touch?.messageId ?? null, attributed_run_id: touch?.runId ?? null, attributed_flow_id: touch?.flowId ?? null,
    attributed_node_id: touch?.nodeId ?? null, attributed_variant: touch?.variant ?? null, refunded_at: null,
  });
  if (!inserted) return false;
  if (e.coupon) await redeemDiscount(tx, e.storeId, e.coupon, e.externalId);

  if (cart && cart.status !== 'purchased' && cart.status !== 'recovered') {
    await saveCart(tx, { ...cart, contact_id: contactId, status: touch ? 'recovered' : 'purchased', purchased_at: e.occurredAt, abandon_due_at: null, updated_at: now });
  }
  const stoppable = [];
  for (const r of runs) if ((await definitionOf(tx, r.flow_id, r.flow_version)).stopOnPurchase !== false) stoppable.push(r.id);
  await endRuns(tx, stoppable, 'purchased', now);
  return true;
}

export async function recordRefund(tx: Tx, storeId: string, externalId: string, now: number): Promise<void> {
  await tx.updateTable('orders').set({ refunded_at: now }).where('store_id', '=', storeId).where('external_id', '=', externalId).where('refunded_at', 'is', null).execute();
}
