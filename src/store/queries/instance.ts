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

export async function createApiToken(db: Kysely<DB>, name: string, now: number, token = `cbt_${randomSecret(24)}`): Promise<string> {
  await db.insertInto('api_tokens').values({ id: newId(), name, token_hash: sha256(token), created_at: now, last_used_at: null }).execute();
  return token;
}

export async function hasApiTokens(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('api_tokens').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function checkApiToken(db: Kysely<DB>, token: string): Promise<boolean> {
  const row = await db.selectFrom('api_tokens').select('id').where('token_hash', '=', sha256(token)).executeTakeFirst();
  return row !== undefined;
}
