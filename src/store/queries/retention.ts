/** Raw events past a store's retention period (src/privacy/retention.ts decides when and how many). */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * Deletes up to `limit` of the store's oldest events received before `before`, applied ones only:
 * a pending event is the outbox, and deleting it would lose what it has yet to do. Walks
 * events_store_received (store_id, received_at). Returns how many went.
 */
export async function deleteAppliedEventsBefore(db: Kysely<DB>, storeId: string, before: number, limit: number): Promise<number> {
  const oldest = db.selectFrom('events').select('id').where('store_id', '=', storeId).where('received_at', '<', before).where('applied_at', 'is not', null).orderBy('received_at').limit(limit);
  const r = await db.deleteFrom('events').where('id', 'in', oldest).executeTakeFirst();
  return Number(r.numDeletedRows);
}
