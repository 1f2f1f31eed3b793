/**
 * The virtual clock's shared state (CARTBACK_CLOCK=virtual): its offset lives in `instance`, so
 * every process of a deployment reads the same one; and the engine's state at a glance, so a
 * driver can tell when the deployment has done everything due ("settled").
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

const KEY = 'clock_offset';

/** The stored offset in ms (0 before the first advance). */
export async function readClockOffset(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('instance').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

/**
 * Stores `offset` unless a larger one is there already (one statement, so two concurrent advances
 * keep the larger: time never goes back); returns the offset stored afterwards.
 */
export async function advanceClockOffset(db: Kysely<DB>, offset: number): Promise<number> {
  const value = String(Math.round(offset));
  const row = await db
    .insertInto('instance')
    .values({ key: KEY, value })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        value: sql<string>`case when cast(excluded.value as bigint) > cast(instance.value as bigint) then excluded.value else instance.value end`,
      }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export interface EngineState {
  /** events acknowledged and not yet applied (the outbox) */
  pendingEvents: number;
  /** the earliest due time of an active run or a cart's abandonment, if any */
  nextDueAt: number | null;
  /** active runs a worker holds right now */
  leasedRuns: number;
  /** messages being handed to a provider, on runs still in progress */
  sendingMessages: number;
}

/**
 * One statement, so one snapshot on both databases: read piecewise, a run could move from "due" to
 * "leased" between two reads and be missed by both. A leased run is always due (it was claimed at
 * or after its due time, and a wait releases the lease as it sets the next one), so the leased and
 * sending counts only look at runs due by `now`, which the partial index on due_at keeps small.
 */
export async function engineState(db: Kysely<DB>, now: number): Promise<EngineState> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('events').select((e) => e.fn.countAll<number>().as('n')).where('applied_at', 'is', null).as('pending'),
      eb.selectFrom('runs').select((e) => e.fn.min<number>('due_at').as('d')).where('state', '=', 'active').as('run_due'),
      eb.selectFrom('carts').select((e) => e.fn.min<number>('abandon_due_at').as('d')).where('abandon_due_at', 'is not', null).as('cart_due'),
      eb.selectFrom('runs').select((e) => e.fn.countAll<number>().as('n')).where('state', '=', 'active').where('due_at', '<=', now).where('lease_until', '>', now).as('leased'),
      // Counted per due run (a correlated count on messages' (run_id, node_id) key): as a join,
      // SQLite scanned every message (9 ms at 14k messages, growing with the store).
      eb
        .selectFrom('runs as r')
        .select((e) => e.fn.coalesce(e.fn.sum<number>(e.selectFrom('messages as m').select((m) => m.fn.countAll<number>().as('c')).whereRef('m.run_id', '=', 'r.id').where('m.status', '=', 'sending')), e.lit(0)).as('n'))
        .where('r.state', '=', 'active')
        .where('r.due_at', '<=', now)
        .as('sending'),
    ])
    .executeTakeFirstOrThrow();
  const dues = [row.run_due, row.cart_due].filter((d): d is number => d !== null && d !== undefined).map(Number);
  return {
    pendingEvents: Number(row.pending ?? 0),
    nextDueAt: dues.length ? Math.min(...dues) : null,
    leasedRuns: Number(row.leased ?? 0),
    sendingMessages: Number(row.sending ?? 0),
  };
}

/** Nothing acknowledged waits, nothing is due, nobody holds a run: what a driver waits for between steps. */
export const isSettled = (s: EngineState, now: number): boolean => s.pendingEvents === 0 && s.leasedRuns === 0 && s.sendingMessages === 0 && (s.nextDueAt === null || s.nextDueAt > now);
