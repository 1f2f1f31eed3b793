/**
 * Finding the person a data-protection request is about, and holding off the work that could add
 * to their data while it is erased.
 */
import { sql } from 'kysely';
import { AppError } from '../../kernel/errors.ts';
import type { Capabilities } from '../db.ts';
import { normalizeEmail, type Contact, type Tx } from './contacts.ts';

/** A request names the person by contact id or, as a data subject would, by email address. */
export type Subject = { contactId: string } | { email: string };

/**
 * The contacts a request is about: the one with this id, or every contact known by this address
 * (its email identity, or the address on the row; one contact in practice, since an address
 * stitches to one contact). not_found when there is none.
 */
export async function subjectContacts(tx: Tx, storeId: string, who: Subject): Promise<Contact[]> {
  const contacts = tx.selectFrom('contacts').selectAll().where('store_id', '=', storeId);
  if ('contactId' in who) {
    const one = await contacts.where('id', '=', who.contactId).executeTakeFirst();
    if (!one) throw new AppError('not_found', `no contact ${who.contactId} in this store`);
    return [one];
  }
  const email = normalizeEmail(who.email);
  const byIdentity = tx.selectFrom('identities').select('contact_id').where('store_id', '=', storeId).where('kind', '=', 'email').where('value', '=', email);
  // two statements, each on its index (an OR with a subquery would scan the store's contacts)
  const [a, b] = await Promise.all([contacts.where('id', 'in', byIdentity).execute(), contacts.where('email', '=', email).execute()]);
  const found = [...new Map([...a, ...b].map((c) => [c.id, c])).values()].sort((x, y) => x.created_at - y.created_at);
  if (found.length === 0) throw new AppError('not_found', 'no contact with this email address in this store');
  return found;
}

/**
 * First in an erasure transaction on PostgreSQL (SQLite runs one writer at a time anyway): the
 * store's applier lock, the key src/ingest/applier.ts tries, so no event is applied to the person
 * (or merges them) half-way through.
 */
export async function holdApplier(tx: Tx, caps: Capabilities, storeId: string): Promise<void> {
  if (caps.advisoryLocks) await sql`select pg_advisory_xact_lock(hashtext(${`apply:${storeId}`}))`.execute(tx);
}

/**
 * Then the person's contact rows and runs, in the order an unsubscribe takes them: a send being
 * claimed or an unsubscribe under way finishes first (what it wrote is then erased too), and a
 * later one finds the rows gone.
 */
export async function lockPeople(tx: Tx, caps: Capabilities, storeId: string, contactIds: string[]): Promise<void> {
  if (!caps.skipLocked || contactIds.length === 0) return;
  await tx.selectFrom('contacts').select('id').where('store_id', '=', storeId).where('id', 'in', contactIds).forUpdate().execute();
  await tx.selectFrom('runs').select('id').where('store_id', '=', storeId).where('contact_id', 'in', contactIds).forUpdate().execute();
}
