/**
 * An address the sending service reported as dead (a hard bounce) or as complained about (the
 * shopper pressed "this is spam"): the store's contacts with that address are suppressed, a
 * complaint also unsubscribes, and every active run of theirs ends at once, like an unsubscribe
 * (exit reason `bounced` or `complained`, so the contact's timeline says why). The send claim
 * checks suppression again (invariant 3), so a run that slips past still sends nothing. An address
 * no contact has any more (erased, say) is remembered as a hashed suppression
 * (src/privacy/suppression.ts), so it is not mailed when it comes back.
 *
 * Idempotent: a report delivered twice changes nothing the second time. The first reason stays
 * (a contact suppressed for a bounce keeps that reason when a complaint follows, and is then also
 * unsubscribed).
 */
import { emailHash } from '../privacy/suppression.ts';
import { normalizeEmail, type Tx } from '../store/queries/contacts.ts';
import { activeRunsFor, endRuns } from '../store/queries/runs.ts';
import { addSuppressions, contactIdsByEmail, optOutContact } from '../store/queries/suppressions.ts';

export type SuppressKind = 'hard_bounce' | 'complaint';

/** Returns how many of the store's contacts this changed (0 when they already were suppressed, or none has the address). */
export async function suppressAddress(tx: Tx, storeId: string, email: string, kind: SuppressKind, now: number): Promise<number> {
  const address = normalizeEmail(email);
  const contacts = await contactIdsByEmail(tx, storeId, address);
  if (contacts.length === 0) {
    await addSuppressions(tx, [{ store_id: storeId, email_hash: emailHash(address), kind: kind === 'complaint' ? 'unsubscribed' : 'suppressed', created_at: now }]);
    return 0;
  }
  let changed = 0;
  for (const id of contacts) {
    // A complaint is the strongest "no": it also counts as an unsubscribe, whatever else happens to the address.
    if (await optOutContact(tx, id, { reason: kind, unsubscribe: kind === 'complaint' }, now)) changed++;
    // Runs of a contact suppressed before (a 550 at send time) would stop at their next send check; they stop now.
    const runs = await activeRunsFor(tx, storeId, { contactId: id, cartId: null });
    await endRuns(tx, runs.map((r) => r.id), kind === 'complaint' ? 'complained' : 'bounced', now);
  }
  return changed;
}
