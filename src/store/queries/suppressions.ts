/**
 * Hashed opt-outs of erased people (see src/privacy/suppression.ts for why a hash): written when a
 * contact who had unsubscribed or was suppressed is erased, read when a send is claimed. And the
 * contact side of a bounce or complaint report (src/contacts/suppress.ts).
 */
import type { SuppressionTable } from '../schema.ts';
import type { Tx } from './contacts.ts';

export async function addSuppressions(tx: Tx, rows: SuppressionTable[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto('suppressions').values(rows).onConflict((oc) => oc.columns(['store_id', 'email_hash']).doNothing()).execute();
}

export async function findSuppression(tx: Tx, storeId: string, emailHash: string): Promise<SuppressionTable['kind'] | null> {
  const row = await tx.selectFrom('suppressions').select('kind').where('store_id', '=', storeId).where('email_hash', '=', emailHash).executeTakeFirst();
  return row?.kind ?? null;
}

/** The store's contacts with this (normalized) address: whom a bounce or complaint report is about. */
export async function contactIdsByEmail(tx: Tx, storeId: string, email: string): Promise<string[]> {
  const rows = await tx.selectFrom('contacts').select('id').where('store_id', '=', storeId).where('email', '=', email).execute();
  return rows.map((r) => r.id);
}

/**
 * Suppresses a contact for `reason`, and with `unsubscribe` also unsubscribes it; each only if not
 * already so (the first time and reason stay). Returns whether anything changed, so a report
 * delivered twice, or two at once, counts once.
 */
export async function optOutContact(tx: Tx, contactId: string, o: { reason: string; unsubscribe: boolean }, now: number): Promise<boolean> {
  const suppressed = await tx.updateTable('contacts').set({ suppressed_at: now, suppressed_reason: o.reason, updated_at: now }).where('id', '=', contactId).where('suppressed_at', 'is', null).executeTakeFirst();
  const unsubscribed = o.unsubscribe
    ? await tx.updateTable('contacts').set({ unsubscribed_at: now, updated_at: now }).where('id', '=', contactId).where('unsubscribed_at', 'is', null).executeTakeFirst()
    : undefined;
  return Number(suppressed.numUpdatedRows) + Number(unsubscribed?.numUpdatedRows ?? 0) > 0;
}
