/**
 * Accepting events: one statement writes a request's events (a messageId the store already has is
 * skipped), and the 2xx follows its commit: an acknowledged event is durable (invariant 4). What an
 * event does to contacts, carts and orders happens next, in the applier, in arrival order.
 */
import type { Insertable } from 'kysely';
import { newId } from '../kernel/ids.ts';
import type { Database } from '../store/db.ts';
import { insertEvents } from '../store/queries/events.ts';
import type { Store } from '../store/queries/stores.ts';
import type { EventTable } from '../store/schema.ts';
import type { NormalizedEvent } from './segment.ts';

export interface IngestResult { accepted: number; duplicates: number }

export async function acceptEvents(database: Database, store: Store, events: NormalizedEvent[], now: number): Promise<IngestResult> {
  const seen = new Set<string>();
  const rows: Array<Insertable<EventTable>> = [];
  for (const e of events) {
    if (seen.has(e.messageId)) continue; // the same messageId twice in one request counts once
    seen.add(e.messageId);
    rows.push({
      store_id: store.id, id: newId(), message_id: e.messageId, type: e.type, event: e.event, anonymous_id: e.anonymousId, user_id: e.userId,
      contact_id: null, occurred_at: e.occurredAt, received_at: now, payload: JSON.stringify(e.payload), applied_at: null, apply_error: null, restore_url: e.restoreUrl ?? null,
    });
  }
  const accepted = await insertEvents(database.db, rows);
  return { accepted, duplicates: events.length - accepted };
}
