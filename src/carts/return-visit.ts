/**
 * A shopper is back on the store's pages (the snippet says so). If they have an abandoned cart, the
 * store can greet them with an on-site reminder, and their sequence can wait: an email that says
 * "you left something" is pointless while they are looking at it.
 */
import type { Kysely } from 'kysely';
import { parseDuration } from '../kernel/duration.ts';
import { findOpenCart } from '../store/queries/carts.ts';
import { findContactId } from '../store/queries/contacts.ts';
import { noteHeldBackRuns } from '../store/queries/run-notes.ts';
import { holdBackRuns } from '../store/queries/runs.ts';
import type { Store } from '../store/queries/stores.ts';
import type { DB } from '../store/schema.ts';

export interface Reminder { itemCount: number; value: number; currency: string }

export async function returnVisit(db: Kysely<DB>, store: Store, anonymousId: string, now: number): Promise<{ reminder: Reminder | null; heldBack: number }> {
  return db.transaction().execute(async (tx) => {
    const contactId = await findContactId(tx, store.id, { anonymousId });
    const cart = await findOpenCart(tx, store.id, contactId ? { contactId } : { anonymousId });
    const abandoned = cart && cart.status === 'abandoned' && cart.item_count > 0 ? cart : undefined;
    const hold = store.settings.holdBackOnReturn;
    const until = hold ? now + parseDuration(hold) : 0;
    const heldBack = contactId && hold ? await holdBackRuns(tx, store.id, contactId, until, now) : 0;
    if (contactId && heldBack > 0) await noteHeldBackRuns(tx, store.id, contactId, until, now);
    const reminder = abandoned && store.settings.onsiteReminder ? { itemCount: abandoned.item_count, value: abandoned.value, currency: abandoned.currency } : null;
    return { reminder, heldBack };
  });
}
