import type { OrderTable } from '../schema.ts';
import type { Tx } from './contacts.ts';

export type Order = OrderTable;

/** Inserts the order unless its id is known already; false for a duplicate. */
export async function insertOrder(tx: Tx, order: Order): Promise<boolean> {
  const r = await tx.insertInto('orders').values(order).onConflict((oc) => oc.columns(['store_id', 'external_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * The purchase predicate of invariant 1: has this contact (or cart) bought since the run's cart
 * episode began? An order counts if it was placed after the cart started or arrived after the run
 * started, so a late-stamped order (placed earlier, delivered late) still stops the sequence.
 */
export async function hasPurchased(tx: Tx, storeId: string, p: { contactId: string; cartId: string | null; cartStartedAt: number; runStartedAt: number }): Promise<boolean> {
  const row = await tx
    .selectFrom('orders')
    .select('id')
    .where('store_id', '=', storeId)
    .where((eb) =>
      eb.or([
        ...(p.cartId ? [eb('cart_id', '=', p.cartId)] : []),
        eb.and([eb('contact_id', '=', p.contactId), eb.or([eb('placed_at', '>=', p.cartStartedAt), eb('received_at', '>=', p.runStartedAt)])]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Last click (restore links count as clicks), else last open, of this contact within the window before placedAt. */
export async function lastTouch(tx: Tx, storeId: string, contactId: string, placedAt: number, windowMs: number) {
  for (const kinds of [['click', 'restore'], ['open']]) {
    const row = await tx
      .selectFrom('link_events as l')
      .innerJoin('messages as m', 'm.id', 'l.message_id')
      .select(['m.id as messageId', 'm.run_id as runId', 'm.flow_id as flowId', 'm.node_id as nodeId', 'm.variant as variant', 'l.at as at'])
      .where('l.store_id', '=', storeId)
      .where('m.contact_id', '=', contactId)
      .where('l.kind', 'in', kinds)
      .where('l.at', '<=', placedAt)
      .where('l.at', '>=', placedAt - windowMs)
      .orderBy('l.at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row) return row;
  }
  return undefined;
}

export async function redeemDiscount(tx: Tx, storeId: string, code: string, orderExternalId: string): Promise<void> {
  await tx
    .updateTable('discount_codes')
    .set({ redeemed_order_id: orderExternalId })
    .where('store_id', '=', storeId)
    .where('code', '=', code.trim().toUpperCase())
    .where('redeemed_order_id', 'is', null)
    .execute();
}
