import type { Kysely } from 'kysely';
import { newId, randomSecret, sha256 } from '../../kernel/ids.ts';
import type { DB } from '../schema.ts';

/**
 * The instance secret signs every link token. It is created once and kept in the database, so
 * every process of a deployment (api and workers) signs and verifies with the same key.
 */
export async function instanceSecret(db: Kysely<DB>, configured: string | null): Promise<string> {
  if (configured) return configured;
  await db.insertInto('instance').values({ key: 'link_secret', value: randomSecret(32) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('instance').select('value').where('key', '=', 'link_secret').executeTakeFirstOrThrow();
  return row.value;
}

export async function createApiToken(db: Kysely<DB>, name: string, now: number, token = `cbt_${randomSecret(24)}`, createdBy: string | null = null, storeId: string | null = null): Promise<{ id: string; token: string }> {
  const id = newId();
  await db.insertInto('api_tokens').values({ id, name, token_hash: sha256(token), created_at: now, last_used_at: null, created_by: createdBy, store_id: storeId }).execute();
  return { id, token };
}

/**
 * Makes sure `token` is a valid API token (CARTBACK_ADMIN_TOKEN). Several processes starting at once
 * on a new database (an api and workers) may all find it missing: one insert wins, the rest do nothing.
 */
export async function ensureApiToken(db: Kysely<DB>, name: string, now: number, token: string): Promise<void> {
  await db.insertInto('api_tokens').values({ id: newId(), name, token_hash: sha256(token), created_at: now, last_used_at: null, created_by: null }).onConflict((oc) => oc.column('token_hash').doNothing()).execute();
}

export async function hasApiTokens(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('api_tokens').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The token (id and store scope) when it is valid. Its last use is recorded at most once a minute (no write per request). */
export async function checkApiToken(db: Kysely<DB>, token: string, now: number): Promise<{ id: string; storeId: string | null } | null> {
  const row = await db.selectFrom('api_tokens').select(['id', 'last_used_at', 'store_id']).where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row) return null;
  if (row.last_used_at === null || now - row.last_used_at > 60_000) await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return { id: row.id, storeId: row.store_id };
}

export async function listApiTokens(db: Kysely<DB>) {
  const rows = await db.selectFrom('api_tokens').select(['id', 'name', 'created_at', 'last_used_at', 'created_by', 'store_id']).orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, createdBy: r.created_by, storeId: r.store_id, createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at).toISOString(),
  }));
}

/** Revokes a token; false when there was none with that id. */
export async function deleteApiToken(db: Kysely<DB>, id: string): Promise<boolean> {
  const r = await db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * The one-time setup link that creates the first user: its hash and expiry live in `instance`,
 * so any process of the deployment can accept it, and a used or replaced link stops working.
 */
export async function saveSetupToken(db: Kysely<DB>, token: string, expiresAt: number): Promise<void> {
  const value = JSON.stringify({ hash: sha256(token), expiresAt });
  await db.insertInto('instance').values({ key: 'setup_token', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

export async function setupTokenValid(db: Kysely<DB>, token: string, now: number): Promise<boolean> {
  const row = await db.selectFrom('instance').select('value').where('key', '=', 'setup_token').executeTakeFirst();
  if (!row) return false;
  const saved = JSON.parse(row.value) as { hash: string; expiresAt: number };
  return saved.hash === sha256(token) && saved.expiresAt > now;
}

export async function clearSetupToken(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('instance').where('key', '=', 'setup_token').execute();
}
