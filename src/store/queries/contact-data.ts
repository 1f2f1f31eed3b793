/**
 * Where everything about some contacts lives: for each table that can hold a person, the
 * conditions that find their rows. Export reads through them and erasure deletes through them,
 * so what is exported is what is deleted. There are no foreign keys; a condition may find rows
 * through another table (a message's link events), so deletion goes in PERSONAL_TABLES order.
 *
 * Each condition is its own statement, never OR'd with another: an OR over an `in (subquery)` is
 * a scan of the table on PostgreSQL, one condition per statement uses its index on both databases.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../schema.ts';
import type { Tx } from './contacts.ts';

/** Dependents before what they are found through; `contacts` last. */
export const PERSONAL_TABLES = ['link_events', 'mailbox', 'discount_codes', 'messages', 'run_notes', 'runs', 'orders', 'carts', 'events', 'identities', 'contacts'] as const;
export type PersonalTable = (typeof PERSONAL_TABLES)[number];

type Where<T extends keyof DB> = (eb: ExpressionBuilder<DB, T>) => Expression<SqlBool>;
export type Scope = { [T in PersonalTable]: Array<Where<T>> };

/** The people: contact ids (at most a chunk; see delete-contacts.ts) and every email address they are known by. */
export interface People { storeId: string; ids: string[]; emails: string[] }

/** Every normalized email of these contacts: their identities and the address on the row. */
export async function emailsOf(tx: Tx, storeId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const [identities, rows] = await Promise.all([
    tx.selectFrom('identities').select('value').where('store_id', '=', storeId).where('kind', '=', 'email').where('contact_id', 'in', ids).execute(),
    tx.selectFrom('contacts').select('email').where('store_id', '=', storeId).where('id', 'in', ids).where('email', 'is not', null).execute(),
  ]);
  return [...new Set([...identities.map((i) => i.value), ...rows.map((r) => r.email!)])];
}

// LIKE with '!' as the escape character: an address may hold '_' (a LIKE wildcard).
const likePattern = (email: string) => `%"${email.replace(/[!%_]/g, (c) => `!${c}`)}"%`;

export function scopeOf(tx: Tx, p: People): Scope {
  const { storeId, ids, emails } = p;
  const messages = tx.selectFrom('messages').select('id').where('store_id', '=', storeId).where('contact_id', 'in', ids);
  const identity = (kind: 'anon' | 'user') => tx.selectFrom('identities').select('value').where('store_id', '=', storeId).where('kind', '=', kind).where('contact_id', 'in', ids);
  const carts = (by: 'contact' | 'anon') =>
    by === 'contact' ? tx.selectFrom('carts').select('id').where('store_id', '=', storeId).where('contact_id', 'in', ids) : tx.selectFrom('carts').select('id').where('store_id', '=', storeId).where('anonymous_id', 'in', identity('anon'));
  const withEmails = <T>(list: T[]) => (emails.length ? list : []);

  return {
    link_events: [(eb) => eb.and([eb('store_id', '=', storeId), eb('message_id', 'in', messages)])],
    mailbox: [
      (eb) => eb.and([eb('store_id', '=', storeId), eb('message_id', 'in', messages)]),
      // test sends from the template editor to their address (no message row)
      ...withEmails<Where<'mailbox'>>([(eb) => eb.and([eb('store_id', '=', storeId), eb('to_address', 'in', emails)])]),
    ],
    discount_codes: [(eb) => eb.and([eb('store_id', '=', storeId), eb('contact_id', 'in', ids)])],
    messages: [(eb) => eb.and([eb('store_id', '=', storeId), eb('contact_id', 'in', ids)])],
    run_notes: [(eb) => eb.and([eb('store_id', '=', storeId), eb('contact_id', 'in', ids)])],
    runs: [(eb) => eb.and([eb('store_id', '=', storeId), eb('contact_id', 'in', ids)])],
    // orders placed with one of their carts, even before the cart was stitched to them
    orders: [(eb) => eb.and([eb('store_id', '=', storeId), eb('contact_id', 'in', ids)]), (eb) => eb.and([eb('store_id', '=', storeId), eb('cart_id', 'in', carts('contact'))]), (eb) => eb.and([eb('store_id', '=', storeId), eb('cart_id', 'in', carts('anon'))])],
    // a visitor's anonymous carts, before (or without) being stitched to the contact, are theirs too
    carts: [(eb) => eb.and([eb('store_id', '=', storeId), eb('contact_id', 'in', ids)]), (eb) => eb.and([eb('store_id', '=', storeId), eb('anonymous_id', 'in', identity('anon'))])],
    events: [
      (eb) => eb.and([eb('store_id', '=', storeId), eb('contact_id', 'in', ids)]),
      (eb) => eb.and([eb('store_id', '=', storeId), eb('anonymous_id', 'in', identity('anon'))]),
      // Pending events (the outbox) are not stitched yet: they name the person by user id, or by
      // an email in their payload. Applied events with a user id or an email were stitched.
      (eb) => eb.and([eb('store_id', '=', storeId), eb('applied_at', 'is', null), eb('user_id', 'in', identity('user'))]),
      ...withEmails<Where<'events'>>([(eb) => eb.and([eb('store_id', '=', storeId), eb('applied_at', 'is', null), eb.or(emails.map((e) => sql<SqlBool>`lower(${eb.ref('payload')}) like ${likePattern(e)} escape '!'`))])]),
    ],
    identities: [(eb) => eb.and([eb('store_id', '=', storeId), eb('contact_id', 'in', ids)])],
    contacts: [(eb) => eb.and([eb('store_id', '=', storeId), eb('id', 'in', ids)])],
  };
}

// The primary key of each table's rows, to merge what several conditions found.
const keyOf = (table: PersonalTable, row: Record<string, unknown>): string =>
  table === 'identities' ? `${String(row.kind)}:${String(row.value)}` : table === 'discount_codes' ? String(row.code) : String(row.id);

/** Every row the scope finds, per table, each row once. */
export async function readScope(tx: Tx, scope: Scope): Promise<Record<PersonalTable, Array<Record<string, unknown>>>> {
  const out = {} as Record<PersonalTable, Array<Record<string, unknown>>>;
  for (const table of PERSONAL_TABLES) {
    const rows = new Map<string, Record<string, unknown>>();
    // as in delete-contacts.ts: each condition is typed for its table, which the loop cannot name
    for (const where of scope[table] as Array<Scope['contacts'][number]>) {
      for (const row of await tx.selectFrom(table as 'contacts').selectAll().where(where as never).execute()) rows.set(keyOf(table, row), row);
    }
    out[table] = [...rows.values()];
  }
  return out;
}
