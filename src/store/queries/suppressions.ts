/**
 * Hashed opt-outs of erased people (see src/privacy/suppression.ts for why a hash): written when a
 * contact who had unsubscribed or was suppressed is erased, read when a send is claimed.
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
