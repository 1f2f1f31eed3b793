/**
 * The two ways in: `accept` (what /v1/track does by default: durable, then answered; applied
 * within moments by the engine's applier), and `acceptAndApply` (wait=applied, the demo shop's
 * order, the simulation: answered once the events' effects are there to read).
 */
import type { Database } from '../store/db.ts';
import type { Store } from '../store/queries/stores.ts';
import { acceptEvents, type IngestResult } from './accept.ts';
import type { Applier } from './applier.ts';
import type { NormalizedEvent } from './segment.ts';

export type { IngestResult } from './accept.ts';

const WAIT_MS = 10_000;

export async function acceptAndApply(database: Database, applier: Applier, store: Store, events: NormalizedEvent[], now: number): Promise<IngestResult & { applied: boolean }> {
  const r = await acceptEvents(database, store, events, now);
  const applied = await applier.untilApplied(store.id, events.map((e) => e.messageId), WAIT_MS);
  return { ...r, applied };
}
