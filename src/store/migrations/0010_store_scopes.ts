import type { Kysely } from 'kysely';

/**
 * Access scoped to stores: an API token may be for one store only, and a user may be limited to
 * some stores. Null means every store (as before): the instance's administrators.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('store_id', 'text').execute();
  // JSON array of store ids
  await db.schema.alterTable('users').addColumn('store_ids', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('store_ids').execute();
  await db.schema.alterTable('api_tokens').dropColumn('store_id').execute();
}
