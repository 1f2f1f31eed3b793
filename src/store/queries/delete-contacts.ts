/**
 * Deleting contacts and everything about them: events, identities, carts, orders, runs, messages,
 * their link events and dev-mailbox copies, discount codes. Used to remove simulated data, and the
 * base for erasing one person on request (GDPR art. 17). There are no foreign keys; each statement
 * finds its rows from the contact ids, so the order below matters (dependents before what they
 * are found through).
 */
import type { Tx } from './contacts.ts';

/**
 * Ids per statement. A statement uses the list at most twice, so it stays under 999 bound
 * parameters (the oldest SQLite limit; PostgreSQL allows 65 535), and a large deletion still works.
 */
export const DELETE_CHUNK = 400;

async function deleteChunk(tx: Tx, storeId: string, ids: string[]): Promise<void> {
  const messages = tx.selectFrom('messages').select('id').where('store_id', '=', storeId).where('contact_id', 'in', ids);
  const carts = tx.selectFrom('carts').select('id').where('store_id', '=', storeId).where('contact_id', 'in', ids);
  // A visitor's anonymous activity before (or without) being stitched to the contact is theirs too.
  const anonymous = tx.selectFrom('identities').select('value').where('store_id', '=', storeId).where('kind', '=', 'anon').where('contact_id', 'in', ids);

  await tx.deleteFrom('link_events').where('store_id', '=', storeId).where('message_id', 'in', messages).execute();
  await tx.deleteFrom('mailbox').where('store_id', '=', storeId).where('message_id', 'in', messages).execute();
  await tx.deleteFrom('discount_codes').where('store_id', '=', storeId).where('contact_id', 'in', ids).execute();
  await tx.deleteFrom('messages').where('store_id', '=', storeId).where('contact_id', 'in', ids).execute();
  await tx.deleteFrom('runs').where('store_id', '=', storeId).where('contact_id', 'in', ids).execute();
  await tx.deleteFrom('orders').where('store_id', '=', storeId).where((eb) => eb.or([eb('contact_id', 'in', ids), eb('cart_id', 'in', carts)])).execute();
  await tx.deleteFrom('carts').where('store_id', '=', storeId).where((eb) => eb.or([eb('contact_id', 'in', ids), eb('anonymous_id', 'in', anonymous)])).execute();
  await tx.deleteFrom('events').where('store_id', '=', storeId).where((eb) => eb.or([eb('contact_id', 'in', ids), eb('anonymous_id', 'in', anonymous)])).execute();
  await tx.deleteFrom('identities').where('store_id', '=', storeId).where('contact_id', 'in', ids).execute();
  await tx.deleteFrom('contacts').where('store_id', '=', storeId).where('id', 'in', ids).execute();
}

/** Deletes these contacts of the store and everything attached to them; call inside a transaction. */
export async function deleteContacts(tx: Tx, storeId: string, contactIds: string[]): Promise<void> {
  for (let i = 0; i < contactIds.length; i += DELETE_CHUNK) await deleteChunk(tx, storeId, contactIds.slice(i, i + DELETE_CHUNK));
}
