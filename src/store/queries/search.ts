/**
 * The admin app's searchable lists of carts and contacts, newest activity first, paged by a
 * `before` cursor (the last row's time) and, to break ties between rows of the same instant, the
 * last row's id (`beforeId`): without it a page boundary inside such a tie would skip rows. A text
 * query matches the start of an email address, or a cart's own id exactly, or part of a name; `%`
 * and `_` in it are taken literally.
 */
import { sql, type Kysely } from 'kysely';
import type { CartItem } from '../../carts/cart-state.ts';
import type { DB } from '../schema.ts';

export interface CartQuery { status?: string; q?: string; minValue?: number; maxValue?: number; from?: number; to?: number; before?: number; beforeId?: string; limit: number }
export interface ContactQuery { q?: string; email?: string; status?: 'subscribed' | 'unsubscribed' | 'suppressed'; simulated?: boolean; before?: number; beforeId?: string; limit: number }

const likeable = (q: string) => q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchCarts(db: Kysely<DB>, storeId: string, o: CartQuery) {
  let q = db.selectFrom('carts as c').leftJoin('contacts as p', 'p.id', 'c.contact_id')
    .selectAll('c').select(['p.email', 'p.first_name', 'p.last_name'])
    .where('c.store_id', '=', storeId);
  if (o.status) q = q.where('c.status', '=', o.status);
  if (o.minValue !== undefined) q = q.where('c.value', '>=', o.minValue);
  if (o.maxValue !== undefined) q = q.where('c.value', '<=', o.maxValue);
  if (o.from !== undefined) q = q.where('c.last_activity_at', '>=', o.from);
  if (o.to !== undefined) q = q.where('c.last_activity_at', '<', o.to);
  if (o.before !== undefined) {
    const { before, beforeId } = o;
    q = beforeId === undefined ? q.where('c.last_activity_at', '<', before)
      : q.where((eb) => eb.or([eb('c.last_activity_at', '<', before), eb.and([eb('c.last_activity_at', '=', before), eb('c.id', '<', beforeId)])]));
  }
  if (o.q) {
    const text = o.q.trim();
    q = q.where((eb) => eb.or([eb('p.email', 'like', sql<string>`${`${likeable(text)}%`} escape '\\'`), eb('c.external_id', '=', text)]));
  }
  const rows = await q.orderBy('c.last_activity_at', 'desc').orderBy('c.id', 'desc').limit(o.limit).execute();
  return rows.map(({ deltas: _d, ...r }) => ({ ...r, items: JSON.parse(r.items) as CartItem[] })); // deltas: bookkeeping, not a cart's contents
}

export async function searchContacts(db: Kysely<DB>, storeId: string, o: ContactQuery) {
  let q = db.selectFrom('contacts').selectAll().where('store_id', '=', storeId);
  if (o.email) q = q.where('email', '=', o.email.trim().toLowerCase());
  if (o.status === 'unsubscribed') q = q.where('unsubscribed_at', 'is not', null);
  if (o.status === 'suppressed') q = q.where('suppressed_at', 'is not', null);
  if (o.status === 'subscribed') q = q.where('unsubscribed_at', 'is', null).where('suppressed_at', 'is', null).where('email', 'is not', null);
  if (o.simulated !== undefined) q = q.where('simulated', '=', o.simulated ? 1 : 0);
  if (o.before !== undefined) {
    const { before, beforeId } = o;
    q = beforeId === undefined ? q.where('created_at', '<', before)
      : q.where((eb) => eb.or([eb('created_at', '<', before), eb.and([eb('created_at', '=', before), eb('id', '<', beforeId)])]));
  }
  if (o.q) {
    const prefix = sql<string>`${`${likeable(o.q)}%`} escape '\\'`;
    const part = sql<string>`${`%${likeable(o.q)}%`} escape '\\'`;
    q = q.where((eb) => eb.or([eb('email', 'like', prefix), eb(eb.fn('lower', ['first_name']), 'like', part), eb(eb.fn('lower', ['last_name']), 'like', part)]));
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(o.limit).execute();
  return rows.map((r) => ({ ...r, traits: JSON.parse(r.traits) as object }));
}
