/**
 * Erasing one person (GDPR art. 17): their contact and everything attached, in ONE transaction
 * (never half-applied, invariant 7). What stays, and why:
 * - their orders, as anonymous totals (no contact, cart, message, run or shop order number): the
 *   shop's revenue figures are its bookkeeping and must not change when a customer is erased;
 * - if they had unsubscribed or were suppressed, the SHA-256 of each address they had
 *   (suppression.ts), so an erased opt-out is never mailed again.
 * A later event with the same address starts a new contact: erasure is not a block list.
 * A dry run does all of it and rolls back, so a confirmation can name exactly what will go.
 */
import { isRetryable } from '../ingest/apply.ts';
import type { Database } from '../store/db.ts';
import { deleteContacts, type DeleteCounts } from '../store/queries/delete-contacts.ts';
import { holdApplier, lockPeople, subjectContacts, type Subject } from '../store/queries/data-subject.ts';
import { keepOptOuts } from './suppression.ts';

export interface Erasure extends DeleteCounts {
  contactIds: string[];
  /** addresses kept as hashes because the person had opted out */
  suppressions: number;
  dryRun: boolean;
}

class RolledBack extends Error {
  constructor(readonly result: Erasure) {
    super('dry run');
  }
}

export async function eraseContact(database: Database, storeId: string, who: Subject, opts: { now: number; dryRun?: boolean }): Promise<Erasure> {
  const dryRun = opts.dryRun ?? false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction().execute(async (tx) => {
        await holdApplier(tx, database.caps, storeId);
        const contacts = await subjectContacts(tx, storeId, who);
        const contactIds = contacts.map((c) => c.id);
        await lockPeople(tx, database.caps, storeId, contactIds);
        const suppressions = await keepOptOuts(tx, storeId, contacts, opts.now);
        const counts = await deleteContacts(tx, storeId, contactIds, { orders: 'anonymize' });
        const result = { contactIds, ...counts, suppressions, dryRun };
        if (dryRun) throw new RolledBack(result);
        return result;
      });
    } catch (err) {
      if (err instanceof RolledBack) return err.result;
      // a deadlock with a send or a link taking the same rows the other way round: all was rolled back
      if (isRetryable(err) && attempt < 3) continue;
      throw err;
    }
  }
}
