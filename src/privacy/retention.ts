/**
 * Raw events are kept for the store's `eventRetention` (default P400D: a year and a month, enough
 * to compare a season with the last one), then deleted. What they did stays: contacts, carts,
 * orders, runs and messages are their own rows; only the timeline shows fewer old events. The age
 * counts from arrival (received_at): the sender's timestamp is theirs to set.
 *
 * The engine calls sweepExpiredEvents at the end of every pass; it works at most every SWEEP_EVERY_MS
 * and then deletes at most BATCH events per store, so a due run never waits behind a large
 * deletion. While a store has more to delete, the next pass continues.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { MIN_EVENT_RETENTION_DAYS } from '../contracts/store.ts';
import type { Clock } from '../kernel/clock.ts';
import { parseDuration } from '../kernel/duration.ts';
import { deleteAppliedEventsBefore } from '../store/queries/retention.ts';
import { listStores, type Store } from '../store/queries/stores.ts';
import type { DB } from '../store/schema.ts';

export const BATCH = 1000;
export const SWEEP_EVERY_MS = 10 * 60_000;
const MIN_RETENTION_MS = MIN_EVENT_RETENTION_DAYS * 86_400_000;

interface Deps { db: Kysely<DB>; clock: Clock; log: Logger }
const nextSweep = new WeakMap<Deps, number>();

/** One bounded deletion for one store; returns how many events went. */
export async function expireEvents(db: Kysely<DB>, store: Store, now: number, limit = BATCH): Promise<number> {
  const keep = store.settings.eventRetention;
  if (!keep) return 0;
  return deleteAppliedEventsBefore(db, store.id, now - Math.max(parseDuration(keep), MIN_RETENTION_MS), limit);
}

/** The engine's share of retention (see above), for every store. Never throws. */
export async function sweepExpiredEvents(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  if (now < (nextSweep.get(deps) ?? 0)) return 0;
  let deleted = 0;
  let more = false;
  try {
    for (const store of await listStores(deps.db)) {
      const n = await expireEvents(deps.db, store, now);
      if (n > 0) deps.log.info({ storeId: store.id, deleted: n, retention: store.settings.eventRetention }, 'raw events past the retention period deleted');
      more ||= n === BATCH;
      deleted += n;
    }
  } catch (err) {
    deps.log.warn({ err }, 'event retention sweep failed; trying again later');
  }
  nextSweep.set(deps, more ? now : now + SWEEP_EVERY_MS);
  return deleted;
}
