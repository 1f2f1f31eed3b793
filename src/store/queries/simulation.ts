/**
 * The SQL a simulation needs besides the engine's own: marking the contacts it made, counting
 * them, the next instant anything of one store is due (its virtual clock jumps there), and
 * leaving nothing behind for the real engine when it stops.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Tx } from './contacts.ts';

const simulatedIds = (db: Tx, storeId: string) => db.selectFrom('contacts').select('id').where('store_id', '=', storeId).where('simulated', '=', 1);

/** Marks the contact known by this anonymous id as simulated; false while there is none yet. */
export async function markSimulated(db: Tx, storeId: string, anonymousId: string): Promise<boolean> {
  const r = await db
    .updateTable('contacts')
    .set({ simulated: 1 })
    // `=` a scalar subquery (at most one row: identities are unique), so both databases look the contact up by key
    .where('id', '=', (eb) => eb.selectFrom('identities').select('contact_id').where('store_id', '=', storeId).where('kind', '=', 'anon').where('value', '=', anonymousId))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function simulatedContactIds(db: Tx, storeId: string): Promise<string[]> {
  return (await simulatedIds(db, storeId).execute()).map((r) => r.id);
}

export async function simulatedCounts(db: Kysely<DB>, storeId: string): Promise<{ simulatedContacts: number; simulatedOrders: number; simulatedMessages: number }> {
  const count = async (table: 'contacts' | 'orders' | 'messages') => {
    let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('store_id', '=', storeId);
    q = table === 'contacts' ? q.where('simulated', '=', 1) : q.where('contact_id', 'in', simulatedIds(db, storeId));
    return Number((await q.executeTakeFirst())?.n ?? 0);
  };
  return { simulatedContacts: await count('contacts'), simulatedOrders: await count('orders'), simulatedMessages: await count('messages') };
}

/**
 * The earliest instant the engine has work in this store: an active run's due time (or, while a
 * worker holds it, the end of that lease, when it may be retried) or a cart's abandonment time.
 */
export async function nextDueInStore(db: Kysely<DB>, storeId: string): Promise<number | null> {
  // One statement: the simulation asks this before every step it takes.
  const runs = db
    .selectFrom('runs')
    .select(sql<number>`min(case when lease_until > due_at then lease_until else due_at end)`.as('at'))
    .where('store_id', '=', storeId)
    .where('state', '=', 'active');
  const carts = db.selectFrom('carts').select((eb) => eb.fn.min<number>('abandon_due_at').as('at')).where('store_id', '=', storeId).where('abandon_due_at', 'is not', null);
  const r = await db.selectFrom(runs.unionAll(carts).as('due')).select((eb) => eb.fn.min<number>('due.at').as('at')).executeTakeFirst();
  return r?.at === null || r?.at === undefined ? null : Number(r.at);
}

/**
 * Stops everything of the store's simulated contacts that the real engine would otherwise pick
 * up: active runs end ('simulation_ended'), carts still waiting to be called abandoned stay as
 * they are. Returns how many runs were ended.
 */
export async function endSimulatedWork(db: Kysely<DB>, storeId: string, now: number): Promise<number> {
  const runs = await db
    .updateTable('runs')
    .set({ state: 'exited', exit_reason: 'simulation_ended', ended_at: now, due_at: null, lease_owner: null, lease_until: null })
    .where('store_id', '=', storeId)
    .where('state', '=', 'active')
    .where('contact_id', 'in', simulatedIds(db, storeId))
    .executeTakeFirst();
  await db.updateTable('carts').set({ abandon_due_at: null }).where('store_id', '=', storeId).where('abandon_due_at', 'is not', null).where('contact_id', 'in', simulatedIds(db, storeId)).execute();
  return Number(runs.numUpdatedRows);
}

/** A discount code's terms, to price a simulated order that uses it. */
export async function discountTerms(db: Tx, storeId: string, code: string): Promise<{ kind: string; value: number } | undefined> {
  return db.selectFrom('discount_codes').select(['kind', 'value']).where('store_id', '=', storeId).where('code', '=', code).executeTakeFirst();
}
