/**
 * "Remove demo data": every simulated contact of a store and everything attached to them, in one
 * transaction, so the store is either as before or without any simulated trace. Contacts, carts
 * and orders from real shoppers (simulated = 0) are untouched.
 */
import type { Kysely } from 'kysely';
import { deleteContacts } from '../store/queries/delete-contacts.ts';
import { simulatedContactIds } from '../store/queries/simulation.ts';
import type { DB } from '../store/schema.ts';

/** Returns how many contacts were removed. */
export async function removeSimulatedData(db: Kysely<DB>, storeId: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const ids = await simulatedContactIds(tx, storeId);
    await deleteContacts(tx, storeId, ids);
    return ids.length;
  });
}
