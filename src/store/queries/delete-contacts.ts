/**
 * Deleting contacts and everything about them (contact-data.ts says where that is): used to remove
 * simulated data, and to erase one person on request (GDPR art. 17, src/privacy/erase.ts). Call
 * inside a transaction: the caller decides what all-or-nothing covers.
 */
import { sql } from 'kysely';
import { emailsOf, PERSONAL_TABLES, scopeOf, type PersonalTable, type Scope } from './contact-data.ts';
import type { Tx } from './contacts.ts';

/**
 * Ids per chunk. A statement binds the chunk's ids or its emails once, so it stays under 999 bound
 * parameters (the oldest SQLite limit; PostgreSQL allows 65 535) however large the deletion.
 */
export const DELETE_CHUNK = 400;

export interface DeleteOptions {
  /**
   * 'delete' (simulated data: no trace of it may stay in the reports) or 'anonymize': the order
   * stays for the shop's revenue figures, without anything that leads back to the person (their
   * contact, cart, message and run, and the shop's own order number).
   */
  orders?: 'delete' | 'anonymize';
}

export interface DeleteCounts { deleted: Record<PersonalTable, number>; anonymized: { orders: number } }

const zero = (): DeleteCounts => ({ deleted: Object.fromEntries(PERSONAL_TABLES.map((t) => [t, 0])) as Record<PersonalTable, number>, anonymized: { orders: 0 } });

async function anonymizeOrders(tx: Tx, scope: Scope): Promise<number> {
  let n = 0;
  for (const where of scope.orders) {
    const r = await tx
      .updateTable('orders')
      // the order's own (random) id stands in for the shop's number, keeping (store, external_id) unique
      .set({ contact_id: null, cart_id: null, attributed_message_id: null, attributed_run_id: null, external_id: sql<string>`'erased:' || id` })
      .where(where)
      .executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}

async function deleteChunk(tx: Tx, storeId: string, ids: string[], opts: DeleteOptions, counts: DeleteCounts): Promise<void> {
  const scope = scopeOf(tx, { storeId, ids, emails: await emailsOf(tx, storeId, ids) });
  for (const table of PERSONAL_TABLES) {
    if (table === 'orders' && opts.orders === 'anonymize') {
      counts.anonymized.orders += await anonymizeOrders(tx, scope);
      continue;
    }
    // Each table's conditions typed for that table; the loop itself cannot name one table's type.
    for (const where of scope[table] as Array<Scope['contacts'][number]>) {
      const r = await tx.deleteFrom(table as 'contacts').where(where as never).executeTakeFirst();
      counts.deleted[table] += Number(r.numDeletedRows);
    }
  }
}

/** Deletes these contacts of the store and everything attached to them; returns rows deleted per table. */
export async function deleteContacts(tx: Tx, storeId: string, contactIds: string[], opts: DeleteOptions = {}): Promise<DeleteCounts> {
  const counts = zero();
  for (let i = 0; i < contactIds.length; i += DELETE_CHUNK) await deleteChunk(tx, storeId, contactIds.slice(i, i + DELETE_CHUNK), opts, counts);
  return counts;
}

