/**
 * The abandonment watch: a cart that has items and has been quiet for the store's timeout becomes
 * `abandoned`. If its shopper can be reached, every live cart_abandoned flow enrolls it (one run per
 * flow and abandonment episode); if not, it is counted and watched again when news arrives.
 */
import type { Kysely } from 'kysely';
import { emailBlockReason } from '../contacts/reachability.ts';
import { triggerNode } from '../flows/definition/validate.ts';
import { definitionOf } from '../flows/definition/cache.ts';
import { newId } from '../kernel/ids.ts';
import type { Capabilities } from '../store/db.ts';
import { claimQuietCarts, saveCart, type Cart } from '../store/queries/carts.ts';
import { getContact, type Tx } from '../store/queries/contacts.ts';
import { liveFlows } from '../store/queries/flows.ts';
import { enrollRun } from '../store/queries/runs.ts';
import { getStore, type Store } from '../store/queries/stores.ts';
import type { DB } from '../store/schema.ts';

async function enroll(tx: Tx, store: Store, cart: Cart, now: number): Promise<number> {
  let enrolled = 0;
  for (const flow of await liveFlows(tx, store.id, 'cart_abandoned')) {
    if (flow.live_version === null) continue;
    const def = await definitionOf(tx, flow.id, flow.live_version);
    const ok = await enrollRun(tx, {
      store_id: store.id, id: newId(), flow_id: flow.id, flow_version: flow.live_version, contact_id: cart.contact_id!, cart_id: cart.id,
      episode: cart.abandoned_at!, state: 'active', node_id: triggerNode(def).id, due_at: now, holdout: 0, started_at: now, cart_started_at: cart.started_at,
    });
    if (ok) enrolled++;
  }
  return enrolled;
}

/** One pass of the watch (of one store, with storeId); returns how many carts were marked abandoned. */
export async function detectAbandonment(db: Kysely<DB>, caps: Capabilities, now: number, limit = 200, storeId?: string): Promise<{ abandoned: number; enrolled: number }> {
  return db.transaction().execute(async (tx) => {
    const carts = await claimQuietCarts(tx, caps.skipLocked, now, limit, storeId);
    const stores = new Map<string, Store>();
    let enrolled = 0;
    for (const c of carts) {
      if (c.status !== 'active' || c.item_count === 0) continue;
      const store = stores.get(c.store_id) ?? (await getStore(tx, c.store_id));
      stores.set(store.id, store);
      const contact = c.contact_id ? await getContact(tx, c.contact_id) : undefined;
      const reachable = emailBlockReason(contact, store.settings) === null;
      const cart: Cart = { ...c, status: 'abandoned', abandoned_at: now, enrolled_at: reachable ? now : null, updated_at: now };
      await saveCart(tx, cart);
      if (reachable) enrolled += await enroll(tx, store, cart, now);
    }
    return { abandoned: carts.length, enrolled };
  });
}
