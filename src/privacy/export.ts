/**
 * Everything Cartback holds about a person, as one JSON document (GDPR art. 15 and 20): the
 * contact, identities, carts, orders, raw events, flow runs and their notes, messages, link
 * events, discount codes and dev-mailbox copies. It reads exactly where erasure deletes
 * (store/queries/contact-data.ts). Rows keep their column names; instants become ISO 8601 (UTC)
 * and JSON columns are parsed, so the file reads without knowing the schema.
 */
import type { Kysely } from 'kysely';
import { emailsOf, readScope, scopeOf, type PersonalTable } from '../store/queries/contact-data.ts';
import { subjectContacts, type Subject } from '../store/queries/data-subject.ts';
import type { Store } from '../store/queries/stores.ts';
import type { DB } from '../store/schema.ts';

export const EXPORT_FORMAT = 'cartback.contact-export/1';

const JSON_COLUMNS = new Set(['traits', 'items', 'deltas', 'payload', 'links', 'headers']);
const INSTANT = /(^|_)(at|until)$/;

function readable(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'store_id') continue;
    if (typeof v === 'number' && INSTANT.test(k)) out[k] = new Date(v).toISOString();
    else if (typeof v === 'string' && JSON_COLUMNS.has(k)) out[k] = parseOr(v);
    else out[k] = v;
  }
  return out;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// The document's sections, in the order a person reads them.
const SECTIONS: Array<[string, PersonalTable]> = [
  ['contacts', 'contacts'], ['identities', 'identities'], ['carts', 'carts'], ['orders', 'orders'], ['events', 'events'], ['runs', 'runs'], ['runNotes', 'run_notes'],
  ['messages', 'messages'], ['linkEvents', 'link_events'], ['discountCodes', 'discount_codes'], ['mailbox', 'mailbox'],
];

export async function exportContact(db: Kysely<DB>, store: Store, who: Subject, now: number): Promise<Record<string, unknown>> {
  // one transaction: a consistent picture even while the engine works
  return db.transaction().execute(async (tx) => {
    const ids = (await subjectContacts(tx, store.id, who)).map((c) => c.id);
    const rows = await readScope(tx, scopeOf(tx, { storeId: store.id, ids, emails: await emailsOf(tx, store.id, ids) }));
    return {
      format: EXPORT_FORMAT,
      exportedAt: new Date(now).toISOString(),
      store: { id: store.id, name: store.name },
      notes: 'Times are UTC (ISO 8601); money is in minor units of its currency (cents). Events are kept as received, up to the store\'s event retention.',
      ...Object.fromEntries(SECTIONS.map(([name, table]) => [name, rows[table].map(readable)])),
    };
  });
}
