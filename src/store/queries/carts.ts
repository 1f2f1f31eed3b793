import { sql } from 'kysely';
import type { CartEntry, CartItem } from '../../carts/cart-state.ts';
import type { CartTable } from '../schema.ts';
import type { Tx } from './contacts.ts';

export interface Cart extends Omit<CartTable, 'items' | 'deltas'> { items: CartItem[]; deltas: CartEntry[] }

function toCart(row: CartTable): Cart {
  return { ...row, items: JSON.parse(row.items) as CartItem[], deltas: JSON.parse(row.deltas) as CartEntry[] };
}

const toRow = (c: Cart): CartTable => ({ ...c, items: JSON.stringify(c.items), deltas: JSON.stringify(c.deltas) });

/** With `lock` (PostgreSQL), the row stays locked until the transaction ends. */
export async function findCartByExternalId(tx: Tx, storeId: string, externalId: string, opts: { lock?: boolean } = {}): Promise<Cart | undefined> {
  let q = tx.selectFrom('carts').selectAll().where('store_id', '=', storeId).where('external_id', '=', externalId);
  if (opts.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toCart(row);
}

export async function getCart(tx: Tx, cartId: string): Promise<Cart | undefined> {
  const row = await tx.selectFrom('carts').selectAll().where('id', '=', cartId).executeTakeFirst();
  return row && toCart(row);
}

/** The contact's (or visitor's) most recent cart that has not been bought. */
export async function findOpenCart(tx: Tx, storeId: string, by: { contactId?: string | null; anonymousId?: string | null }): Promise<Cart | undefined> {
  if (!by.contactId && !by.anonymousId) return undefined;
  let q = tx.selectFrom('carts').selectAll().where('store_id', '=', storeId).where('status', 'in', ['active', 'abandoned']);
  q = by.contactId ? q.where('contact_id', '=', by.contactId) : q.where('anonymous_id', '=', by.anonymousId!);
  const row = await q.orderBy('last_activity_at', 'desc').limit(1).executeTakeFirst();
  return row && toCart(row);
}

/** Several carts of a store by their external ids, in one statement (locked with `lock`, PostgreSQL). */
export async function cartsByExternalIds(tx: Tx, storeId: string, externalIds: string[], opts: { lock?: boolean } = {}): Promise<Cart[]> {
  const out: Cart[] = [];
  for (let i = 0; i < externalIds.length; i += 500) {
    let q = tx.selectFrom('carts').selectAll().where('store_id', '=', storeId).where('external_id', 'in', externalIds.slice(i, i + 500));
    if (opts.lock) q = q.forUpdate();
    out.push(...(await q.execute()).map(toCart));
  }
  return out;
}

// Everything of a cart but who it is (store, id, external id) and when it was first written.
const MUTABLE = ['contact_id', 'anonymous_id', 'status', 'items', 'item_count', 'value', 'currency', 'started_at', 'last_activity_at', 'contents_at', 'deltas', 'abandon_due_at', 'abandoned_at', 'enrolled_at', 'purchased_at', 'order_id', 'restore_url', 'updated_at'] as const;

/**
 * Writes carts, new and changed alike, in one statement per 200: an insert whose conflict on the
 * id updates every mutable column from the row given (both dialects).
 */
export async function writeCarts(tx: Tx, carts: Cart[]): Promise<void> {
  for (let i = 0; i < carts.length; i += 200) {
    await tx
      .insertInto('carts')
      .values(carts.slice(i, i + 200).map(toRow))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(MUTABLE.map((col) => [col, eb.ref(`excluded.${col}`)]))))
      .execute();
  }
}

export async function insertCart(tx: Tx, cart: Cart): Promise<void> {
  await tx.insertInto('carts').values(toRow(cart)).execute();
}

export async function saveCart(tx: Tx, cart: Cart): Promise<void> {
  const { id, store_id: _s, created_at: _c, ...rest } = cart;
  await tx.updateTable('carts').set({ ...rest, items: JSON.stringify(cart.items), deltas: JSON.stringify(cart.deltas) }).where('id', '=', id).execute();
}

export async function listCarts(tx: Tx, storeId: string, opts: { status?: string; limit: number; before?: number }): Promise<Cart[]> {
  let q = tx.selectFrom('carts').selectAll().where('store_id', '=', storeId);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.before) q = q.where('last_activity_at', '<', opts.before);
  const rows = await q.orderBy('last_activity_at', 'desc').limit(opts.limit).execute();
  return rows.map(toCart);
}

/**
 * Takes carts whose quiet period ended (abandon_due_at <= now) off the watch list and returns
 * them, in one statement per batch so two workers never take the same cart.
 */
export async function claimQuietCarts(tx: Tx, skipLocked: boolean, now: number, limit: number, storeId?: string): Promise<Cart[]> {
  let q = tx.selectFrom('carts').select('id').where('abandon_due_at', 'is not', null).where('abandon_due_at', '<=', now).orderBy('abandon_due_at').limit(limit);
  if (storeId) q = q.where('store_id', '=', storeId);
  if (skipLocked) q = q.forUpdate().skipLocked();
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await tx.updateTable('carts').set({ abandon_due_at: null }).where('id', 'in', ids).returningAll().execute();
  return rows.map(toCart);
}

/**
 * A cart that went quiet while nobody could be reached is watched again once its contact has an
 * email: it is due at once, and the next pass of the watch enrolls it.
 */
export async function rearmUnreachableCarts(tx: Tx, storeId: string, contactId: string, now: number): Promise<void> {
  await tx
    .updateTable('carts')
    .set({ status: 'active', abandon_due_at: now, updated_at: now })
    .where('store_id', '=', storeId)
    .where('contact_id', '=', contactId)
    .where('status', '=', 'abandoned')
    .where('enrolled_at', 'is', null)
    .where('item_count', '>', 0)
    .execute();
}

/**
 * Serializes requests on the same carts (PostgreSQL): one transaction-scoped advisory lock per
 * cart key, taken in sorted order. Unlike row locks this also covers carts that do not exist yet,
 * so two requests creating and updating the same carts in different orders queue instead of
 * deadlocking. Released at commit or rollback.
 */
export async function lockCartKeys(tx: Tx, storeId: string, externalIds: string[]): Promise<void> {
  for (const id of [...externalIds].sort()) {
    await sql`select pg_advisory_xact_lock(hashtext(${`cart:${storeId}:${id}`}))`.execute(tx);
  }
}
