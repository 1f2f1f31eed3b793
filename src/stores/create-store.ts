/** A new store: its keys, its settings, and the ready-made flows (the first one live). */
import type { Kysely } from 'kysely';
import { READY_FLOWS } from '../flows/templates/ready-flows.ts';
import { saveFlowVersion } from '../store/queries/flows.ts';
import { insertStore, type Store } from '../store/queries/stores.ts';
import type { DB } from '../store/schema.ts';
import type { StoreSettings } from '../contracts/store.ts';

export async function createStore(db: Kysely<DB>, input: { name: string; settings?: Partial<StoreSettings>; templates?: boolean }, now: number): Promise<{ store: Store; writeKey: string }> {
  return db.transaction().execute(async (tx) => {
    const created = await insertStore(tx, input, now);
    if (input.templates !== false) {
      for (const [i, def] of READY_FLOWS.entries()) await saveFlowVersion(tx, created.store.id, def, { publish: i === 0, now });
    }
    return created;
  });
}
