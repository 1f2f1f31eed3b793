/**
 * Contacts and identity stitching. A contact is known by any of its identities (anonymous id,
 * user id, email); when one event names identities of two contacts, they merge into the older one
 * and every row that pointed at the younger follows.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { newId } from '../../kernel/ids.ts';
import type { ContactTable, DB } from '../schema.ts';

export type Tx = Kysely<DB> | Transaction<DB>;
export interface IdentityKeys { anonymousId?: string | null; userId?: string | null; email?: string | null }
export type Contact = Selectable<ContactTable>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function keysOf(ids: IdentityKeys): Array<{ kind: string; value: string }> {
  const out: Array<{ kind: string; value: string }> = [];
  if (ids.anonymousId) out.push({ kind: 'anon', value: ids.anonymousId });
  if (ids.userId) out.push({ kind: 'user', value: ids.userId });
  if (ids.email) out.push({ kind: 'email', value: normalizeEmail(ids.email) });
  return out;
}

/** The contacts known visitors (anonymous ids) belong to, in one statement; unknown ones are absent. */
export async function visitorContacts(tx: Tx, storeId: string, anonymousIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < anonymousIds.length; i += 500) {
    const rows = await tx.selectFrom('identities').select(['value', 'contact_id']).where('store_id', '=', storeId).where('kind', '=', 'anon').where('value', 'in', anonymousIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.value, r.contact_id);
  }
  return out;
}

/** The contact these identities belong to, without creating one. */
export async function findContactId(tx: Tx, storeId: string, ids: IdentityKeys): Promise<string | null> {
  const keys = keysOf(ids);
  for (const k of keys.reverse()) {
    const row = await tx.selectFrom('identities').select('contact_id').where('store_id', '=', storeId).where('kind', '=', k.kind).where('value', '=', k.value).executeTakeFirst();
    if (row) return row.contact_id;
  }
  return null;
}

/**
 * Finds or creates the contact for these identities and records any identity not yet known.
 * A bare anonymous id does not create a contact (every visitor would become one): returns null.
 */
export async function resolveContact(tx: Tx, storeId: string, ids: IdentityKeys, now: number): Promise<string | null> {
  const keys = keysOf(ids);
  if (keys.length === 0) return null;
  const found = await tx
    .selectFrom('identities')
    .select(['kind', 'value', 'contact_id'])
    .where('store_id', '=', storeId)
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('value', '=', k.value)]))))
    .execute();
  const contactIds = [...new Set(found.map((f) => f.contact_id))];
  if (contactIds.length === 0 && !ids.userId && !ids.email) return null;

  let contactId: string;
  if (contactIds.length === 0) {
    contactId = newId();
    await tx
      .insertInto('contacts')
      .values({
        store_id: storeId, id: contactId, email: ids.email ? normalizeEmail(ids.email) : null, phone: null, first_name: null, last_name: null,
        locale: null, timezone: null, email_consent: null, unsubscribed_at: null, suppressed_at: null, suppressed_reason: null,
        traits: '{}', traits_at: 0, created_at: now, updated_at: now,
      })
      .execute();
  } else {
    contactId = contactIds.length === 1 ? contactIds[0]! : await mergeContacts(tx, storeId, contactIds);
  }
  const known = new Set(found.map((f) => `${f.kind}:${f.value}`));
  const missing = keys.filter((k) => !known.has(`${k.kind}:${k.value}`));
  if (missing.length) {
    await tx.insertInto('identities').values(missing.map((k) => ({ store_id: storeId, ...k, contact_id: contactId, created_at: now }))).execute();
  }
  if (ids.email) {
    await tx.updateTable('contacts').set({ email: normalizeEmail(ids.email) }).where('id', '=', contactId).where('email', 'is', null).execute();
  }
  // The first time a visitor is identified, what they did anonymously becomes this contact's:
  // their carts (so they can be recovered) and their events (so the timeline is whole).
  if (ids.anonymousId && missing.some((k) => k.kind === 'anon')) {
    for (const table of ['carts', 'events'] as const) {
      await tx.updateTable(table).set({ contact_id: contactId }).where('store_id', '=', storeId).where('anonymous_id', '=', ids.anonymousId).where('contact_id', 'is', null).execute();
    }
  }
  return contactId;
}

/** Folds the younger contacts into the oldest; returns the survivor. */
async function mergeContacts(tx: Tx, storeId: string, ids: string[]): Promise<string> {
  const rows = await tx.selectFrom('contacts').selectAll().where('id', 'in', ids).orderBy('created_at').execute();
  const [keep, ...rest] = rows;
  if (!keep) return ids[0]!;
  const restIds = rest.map((r) => r.id);
  for (const table of ['identities', 'carts', 'orders', 'events', 'runs', 'messages', 'discount_codes'] as const) {
    await tx.updateTable(table).set({ contact_id: keep.id }).where('contact_id', 'in', restIds).execute();
  }
  // Opt-outs are never lost in a merge: the earliest unsubscribe and suppression win.
  const earliest = (k: 'unsubscribed_at' | 'suppressed_at') => rows.map((r) => r[k]).filter((v): v is number => v !== null).sort((a, b) => a - b)[0] ?? null;
  await tx
    .updateTable('contacts')
    .set({ email: keep.email ?? rest.find((r) => r.email)?.email ?? null, unsubscribed_at: earliest('unsubscribed_at'), suppressed_at: earliest('suppressed_at') })
    .where('id', '=', keep.id)
    .execute();
  await tx.deleteFrom('contacts').where('store_id', '=', storeId).where('id', 'in', restIds).execute();
  return keep.id;
}

export interface TraitUpdate {
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  locale?: string;
  timezone?: string;
  emailConsent?: boolean;
  extra: Record<string, unknown>;
}

/** identify traits: the newest event wins; an older identify arriving late does not overwrite. */
export async function applyTraits(tx: Tx, contactId: string, t: TraitUpdate, occurredAt: number, now: number): Promise<void> {
  const c = await tx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow();
  if (occurredAt < c.traits_at) return;
  const consent = t.emailConsent === undefined ? c.email_consent : t.emailConsent ? 1 : 0;
  await tx
    .updateTable('contacts')
    .set({
      email: t.email ? normalizeEmail(t.email) : c.email,
      phone: t.phone ?? c.phone,
      first_name: t.firstName ?? c.first_name,
      last_name: t.lastName ?? c.last_name,
      locale: t.locale ?? c.locale,
      timezone: t.timezone ?? c.timezone,
      email_consent: consent,
      traits: JSON.stringify({ ...JSON.parse(c.traits), ...t.extra }),
      traits_at: occurredAt,
      updated_at: now,
    })
    .where('id', '=', contactId)
    .execute();
}

export async function getContact(tx: Tx, contactId: string): Promise<Contact | undefined> {
  return tx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst();
}

export async function unsubscribe(tx: Tx, contactId: string, now: number): Promise<void> {
  await tx.updateTable('contacts').set({ unsubscribed_at: now, updated_at: now }).where('id', '=', contactId).where('unsubscribed_at', 'is', null).execute();
}
