/**
 * "Erase me" and "never email me again" at once. Erasure removes the address; a suppression entry
 * keeps only the SHA-256 of the normalized address, so a person who had unsubscribed (or whose
 * address was suppressed) is not mailed again when a later event brings the address back. The
 * hash cannot be read back into an address; it can only answer "was this address opted out", which
 * is its whole purpose (recital 66 and art. 21(3) GDPR: an objection to direct marketing must keep
 * working). No salt: it must match the same address in every later contact of the store.
 */
import { sha256 } from '../kernel/ids.ts';
import type { Contact, Tx } from '../store/queries/contacts.ts';
import { normalizeEmail } from '../store/queries/contacts.ts';
import { addSuppressions, findSuppression } from '../store/queries/suppressions.ts';
import { emailsOf } from '../store/queries/contact-data.ts';

export const emailHash = (email: string): string => sha256(normalizeEmail(email));

/** Before these contacts are erased: remembers the opt-out of each who had one, by every address they had. Returns how many addresses. */
export async function keepOptOuts(tx: Tx, storeId: string, contacts: Contact[], now: number): Promise<number> {
  const rows = [];
  for (const c of contacts) {
    const kind = c.unsubscribed_at !== null ? 'unsubscribed' : c.suppressed_at !== null ? 'suppressed' : null;
    if (!kind) continue;
    for (const email of await emailsOf(tx, storeId, [c.id])) rows.push({ store_id: storeId, email_hash: emailHash(email), kind, created_at: now } as const);
  }
  await addSuppressions(tx, rows);
  return rows.length;
}

/**
 * At send time (invariant 3): whether this contact's address belongs to an erased person who had
 * opted out. If so the contact is marked as such, so the admin app, the reports and later checks
 * see it, and the reason is returned for the skipped message.
 */
export async function erasedOptOut(tx: Tx, contact: Contact, now: number): Promise<'unsubscribed' | 'suppressed' | null> {
  if (!contact.email) return null;
  const kind = await findSuppression(tx, contact.store_id, emailHash(contact.email));
  if (kind === 'unsubscribed') await tx.updateTable('contacts').set({ unsubscribed_at: now, updated_at: now }).where('id', '=', contact.id).execute();
  if (kind === 'suppressed') await tx.updateTable('contacts').set({ suppressed_at: now, suppressed_reason: 'before_erasure', updated_at: now }).where('id', '=', contact.id).execute();
  return kind;
}
