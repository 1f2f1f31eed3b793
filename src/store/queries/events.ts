/**
 * The events table as an outbox: requests insert (idempotent by store and messageId), the applier
 * reads each store's pending events in arrival order and marks them applied, and a send checks that
 * nothing acknowledged before it still waits (invariants 1 and 3 hold for what was acknowledged).
 */
import { sql, type Kysely, type Insertable, type Selectable } from 'kysely';
import type { DB, EventTable } from '../schema.ts';
import type { Tx } from './contacts.ts';

export type StoredEvent = Selectable<EventTable>;

/** Inserts the rows that are new; returns how many were (a messageId the store already has is skipped). */
export async function insertEvents(tx: Tx, rows: Array<Insertable<EventTable>>): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await tx.insertInto('events').values(rows).onConflict((oc) => oc.columns(['store_id', 'message_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Stores with pending events, the longest-waiting first. */
export async function storesWithPending(db: Kysely<DB>, limit: number, storeId?: string): Promise<string[]> {
  let q = db.selectFrom('events').select('store_id').where('applied_at', 'is', null).groupBy('store_id').orderBy(sql`min(received_at)`).limit(limit);
  if (storeId) q = q.where('store_id', '=', storeId);
  return (await q.execute()).map((r) => r.store_id);
}

/** A store's oldest pending events, in the order they were acknowledged. */
export async function pendingEvents(tx: Tx, storeId: string, limit: number): Promise<StoredEvent[]> {
  return tx.selectFrom('events').selectAll().where('store_id', '=', storeId).where('applied_at', 'is', null).orderBy('received_at').orderBy('id').limit(limit).execute();
}

export async function markApplied(tx: Tx, ids: string[], at: number): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await tx.updateTable('events').set({ applied_at: at }).where('id', 'in', ids.slice(i, i + 500)).execute();
}

export async function markFailed(tx: Tx, id: string, at: number, error: string): Promise<void> {
  await tx.updateTable('events').set({ applied_at: at, apply_error: error.slice(0, 1000) }).where('id', '=', id).execute();
}

/** Whether an event of the store acknowledged at or before `at` still waits to be applied. */
export async function hasPendingBefore(tx: Tx, storeId: string, at: number): Promise<boolean> {
  const row = await tx.selectFrom('events').select('id').where('store_id', '=', storeId).where('applied_at', 'is', null).where('received_at', '<=', at).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** How many of these events are still pending. */
export async function stillPending(db: Kysely<DB>, storeId: string, messageIds: string[]): Promise<number> {
  if (messageIds.length === 0) return 0;
  const row = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('store_id', '=', storeId).where('message_id', 'in', messageIds).where('applied_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The outbox at a glance, for /metrics and the simulator: pending events and the oldest one's arrival. */
export async function backlog(db: Kysely<DB>): Promise<{ pending: number; oldestAt: number | null }> {
  const row = await db.selectFrom('events').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('received_at').as('oldest')]).where('applied_at', 'is', null).executeTakeFirst();
  return { pending: Number(row?.n ?? 0), oldestAt: row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest) };
}
