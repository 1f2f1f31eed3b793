/**
 * The applier: takes each store's pending events in the order they were acknowledged and applies
 * them (apply.ts) in transactions of up to BATCH events. One applier works a store at a time (an
 * advisory lock on PostgreSQL; SQLite has one writer anyway), so a store's events apply in order
 * whatever the number of workers. An event that cannot be applied is set aside with its error
 * (a batch that fails is replayed one event at a time to find it), so it never blocks the rest.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../kernel/clock.ts';
import type { Database } from '../store/db.ts';
import { markApplied, markFailed, pendingEvents, stillPending, storesWithPending, type StoredEvent } from '../store/queries/events.ts';
import { getStore } from '../store/queries/stores.ts';
import { isUnavailable } from '../store/unavailable.ts';
import { applyEvents, isRetryable } from './apply.ts';
import { fromStored } from './segment.ts';

const BATCH = 500;

export class Applier {
  constructor(private readonly deps: { database: Database; clock: Clock; log: Logger; onApplied?: (n: number) => void }) {}

  /** Applies pending events until none are left (or `max` were applied); only `storeId`'s when given. */
  async drain(opts: { storeId?: string; max?: number } = {}): Promise<number> {
    const max = opts.max ?? 20 * BATCH;
    let applied = 0;
    while (applied < max) {
      const stores = await storesWithPending(this.deps.database.db, 50, opts.storeId);
      let round = 0;
      for (const id of stores) round += await this.applyStore(id);
      applied += round;
      if (round === 0) break; // nothing left, or every store with work is being applied by another worker
    }
    return applied;
  }

  /** One transaction of a store's oldest pending events; 0 when another worker holds the store. */
  async applyStore(storeId: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const n = await this.batch(storeId);
        if (n > 0) this.deps.onApplied?.(n);
        return n;
      } catch (err) {
        if (isRetryable(err) && attempt < 5) continue;
        if (isUnavailable(err)) throw err; // the database is away, not the events at fault: they stay pending for the next pass
        this.deps.log.warn({ err, storeId }, 'an apply batch failed; applying its events one at a time');
        return this.oneByOne(storeId);
      }
    }
  }

  /** Waits until these events of the store are applied, applying them here if no one else is (the `wait=applied` option). */
  async untilApplied(storeId: string, messageIds: string[], timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if ((await stillPending(this.deps.database.db, storeId, messageIds)) === 0) return true;
      if (Date.now() > until) return false;
      if ((await this.applyStore(storeId)) === 0) await new Promise((r) => setTimeout(r, 5));
    }
  }

  private async batch(storeId: string, limit = BATCH): Promise<number> {
    const { db, caps } = this.deps.database;
    const store = await getStore(db, storeId);
    return db.transaction().execute(async (tx) => {
      if (caps.advisoryLocks) {
        const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext(${`apply:${storeId}`})) as ok`.execute(tx);
        if (!rows[0]?.ok) return 0;
      }
      const rowsToApply = await pendingEvents(tx, storeId, limit);
      if (rowsToApply.length === 0) return 0;
      const now = this.deps.clock.now();
      await applyEvents(tx, store, rowsToApply.map((r) => ({ id: r.id, event: fromStored(r) })), now, caps);
      await markApplied(tx, rowsToApply.map((r) => r.id), now);
      return rowsToApply.length;
    });
  }

  /** After a failed batch: each event in its own transaction; the one that fails is set aside. */
  private async oneByOne(storeId: string): Promise<number> {
    const { db } = this.deps.database;
    let done = 0;
    for (;;) {
      const [next] = await pendingEvents(db, storeId, 1);
      if (!next) return done;
      try {
        if ((await this.batch(storeId, 1)) === 0) return done;
      } catch (err) {
        if (isUnavailable(err)) throw err; // as in applyStore: never set an event aside because the database was away
        await this.setAside(next, err);
      }
      done++;
      if (done >= BATCH) return done;
    }
  }

  private async setAside(e: StoredEvent, err: unknown): Promise<void> {
    this.deps.log.error({ err, storeId: e.store_id, messageId: e.message_id }, 'event could not be applied; kept with its error');
    await markFailed(this.deps.database.db, e.id, this.deps.clock.now(), String((err as Error).message ?? err));
  }
}
