/**
 * Runs are durable rows: a run waiting for its next step has a due time, and a worker claims due
 * runs by writing a lease (compare-and-set), so a run is worked by one worker at a time and a
 * worker that dies loses nothing: its leases expire and another takes over.
 */
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from '../db.ts';
import type { DB, RunTable } from '../schema.ts';
import type { Tx } from './contacts.ts';

export type Run = Omit<RunTable, 'steps'> & { steps: number };

export async function enrollRun(tx: Tx, run: Omit<Run, 'steps' | 'lease_owner' | 'lease_until' | 'ended_at' | 'exit_reason'>): Promise<boolean> {
  const r = await tx
    .insertInto('runs')
    .values({ ...run, lease_owner: null, lease_until: null, ended_at: null, exit_reason: null })
    .onConflict((oc) => oc.columns(['flow_id', 'contact_id', 'cart_id', 'episode']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims up to `limit` due runs for `owner` until now + leaseMs, oldest due first. Never returns a
 * run before its due time. `storeId` limits the claim to one store (a simulation's own worker).
 * One statement chooses and leases them, so it is atomic on its own (SQLite has one writer; on
 * PostgreSQL the chosen rows stay locked and other claims skip them) and costs one round trip.
 */
export async function claimDueRuns(db: Kysely<DB>, caps: Capabilities, o: { owner: string; now: number; leaseMs: number; limit: number; storeId?: string }): Promise<Run[]> {
  let due = db
    .selectFrom('runs')
    .select('id')
    .where('state', '=', 'active')
    .where('due_at', '<=', o.now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', o.now)]))
    .orderBy('due_at')
    .limit(o.limit);
  if (o.storeId) due = due.where('store_id', '=', o.storeId);
  if (caps.skipLocked) due = due.forUpdate().skipLocked();
  const runs = (await db.updateTable('runs').set({ lease_owner: o.owner, lease_until: o.now + o.leaseMs }).where('id', 'in', due).returningAll().execute()) as Run[];
  return runs.sort((a, b) => Number(a.due_at) - Number(b.due_at)); // RETURNING keeps no order
}

/**
 * Moves a run on, only while `owner` still holds its lease and the run is active. Returns false
 * when the lease was lost or the run ended meanwhile (a purchase): the caller must stop. With
 * `release`, the lease is given up in the same write (a run parked at a wait: one write, not two).
 */
export async function moveRun(tx: Tx, runId: string, owner: string, patch: Partial<Pick<Run, 'node_id' | 'due_at' | 'holdout' | 'state' | 'ended_at' | 'exit_reason'>>, o: { release?: boolean } = {}): Promise<boolean> {
  const r = await tx
    .updateTable('runs')
    .set({ ...patch, ...(o.release ? { lease_owner: null, lease_until: null } : {}), steps: sql`steps + 1` })
    .where('id', '=', runId)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Locks the run for the rest of the transaction (PostgreSQL) and returns it if still ours. */
export async function lockOwnRun(tx: Tx, caps: Capabilities, runId: string, owner: string): Promise<Run | undefined> {
  let q = tx.selectFrom('runs').selectAll().where('id', '=', runId).where('lease_owner', '=', owner).where('state', '=', 'active');
  if (caps.skipLocked) q = q.forUpdate();
  return (await q.executeTakeFirst()) as Run | undefined;
}

export async function releaseLease(tx: Tx, runId: string, owner: string): Promise<void> {
  await tx.updateTable('runs').set({ lease_owner: null, lease_until: null }).where('id', '=', runId).where('lease_owner', '=', owner).execute();
}

/** A single-process deployment restarting owns every lease: they were all its own. */
export async function releaseAllLeases(db: Kysely<DB>): Promise<void> {
  await db.updateTable('runs').set({ lease_owner: null, lease_until: null }).where('state', '=', 'active').where('lease_owner', 'is not', null).execute();
}

/**
 * The active runs of a contact or cart. With `lock` (PostgreSQL), they stay locked until the
 * transaction ends, so a send claim on one of them waits and then sees what this transaction did.
 */
export async function activeRunsFor(tx: Tx, storeId: string, by: { contactId: string | null; cartId: string | null; lock?: boolean }): Promise<Run[]> {
  if (!by.contactId && !by.cartId) return [];
  let q = tx
    .selectFrom('runs')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('state', '=', 'active')
    .where((eb) => eb.or([...(by.contactId ? [eb('contact_id', '=', by.contactId)] : []), ...(by.cartId ? [eb('cart_id', '=', by.cartId)] : [])]));
  if (by.lock) q = q.forUpdate();
  return (await q.execute()) as Run[];
}

export async function endRuns(tx: Tx, runIds: string[], reason: string, now: number): Promise<void> {
  if (runIds.length === 0) return;
  await tx.updateTable('runs').set({ state: 'exited', exit_reason: reason, ended_at: now, due_at: null }).where('id', 'in', runIds).where('state', '=', 'active').execute();
}

/**
 * The earliest due time of an active run, or of one due after `after` (the start of a pass that
 * claimed everything claimable: what is still due from before it is leased, and its lease expiry is
 * the poll's business, else a worker would wake at once for it again and again).
 */
export async function nextDueAt(db: Kysely<DB>, after?: number): Promise<number | null> {
  let q = db.selectFrom('runs').select((eb) => eb.fn.min('due_at').as('due')).where('state', '=', 'active');
  if (after !== undefined) q = q.where('due_at', '>', after);
  const r = await q.executeTakeFirst();
  return r?.due === null || r?.due === undefined ? null : Number(r.due);
}

/** Pushes the next step of the contact's active runs to at least `until` (never earlier). */
export async function holdBackRuns(tx: Tx, storeId: string, contactId: string, until: number, now: number): Promise<number> {
  const r = await tx
    .updateTable('runs')
    .set({ due_at: until })
    .where('store_id', '=', storeId)
    .where('contact_id', '=', contactId)
    .where('state', '=', 'active')
    .where('due_at', '<', until)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])) // a run being worked now is left alone
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
