/**
 * The demo store's first start: a simulated month of shoppers, so the admin app has something to
 * show at once. Clearly demo data (contacts.simulated = 1), removable in one click
 * (DELETE /api/stores/{id}/demo-data, `cartback demo remove`). CARTBACK_DEMO_HISTORY=false skips it.
 */
import type { Services } from '../app.ts';
import type { Store } from '../store/queries/stores.ts';
import { seedDemoHistory } from './history.ts';

/** Seeds the history of a just-created demo store; call before the engine starts. Never fails the start. */
export async function seedNewDemoStore(s: Pick<Services, 'database' | 'signer' | 'config' | 'log' | 'clock'>, store: Store): Promise<void> {
  if (!s.config.demoHistory) return;
  // In split roles other engines may already work this database; they would take the simulation's
  // virtual (past) due times for real ones. Only a single-process start seeds.
  if (s.config.role !== 'all') {
    s.log.info({ storeId: store.id }, 'demo store created without a simulated history (only `cartback start --role all` seeds one)');
    return;
  }
  try {
    const r = await seedDemoHistory(s, store);
    s.log.info({ storeId: store.id, ...r }, `demo store: a simulated month of ${r.shoppers} shoppers seeded in ${r.ms} ms (demo data, removable)`);
  } catch (err) {
    s.log.error({ err, storeId: store.id }, 'demo store: seeding its simulated history failed; what was seeded is marked simulated and removable');
  }
}
