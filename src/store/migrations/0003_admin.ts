import { sql, type Kysely } from 'kysely';

/**
 * The admin web app: people who sign in (users), their sessions, and a mark on contacts that a
 * simulation made (the demo store's history), so that data can be told apart and removed in one go.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // scrypt$N$r$p$salt$hash (src/kernel/password.ts)
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'bigint')
    .execute();

  await s
    .createTable('sessions')
    // the SHA-256 of the cookie's value: a leaked table does not sign anyone in
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await s.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await s.alterTable('api_tokens').addColumn('created_by', 'text').execute();
  await s.alterTable('contacts').addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await s.createIndex('contacts_simulated').on('contacts').columns(['store_id', 'simulated']).where(sql.ref('simulated'), '=', 1).execute();
  // contact search in the admin app goes by email prefix and by date
  await s.createIndex('carts_store_activity').on('carts').columns(['store_id', 'last_activity_at']).execute();
  await s.createIndex('contacts_store_created').on('contacts').columns(['store_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contacts_store_created').ifExists().execute();
  await db.schema.dropIndex('carts_store_activity').ifExists().execute();
  await db.schema.dropIndex('contacts_simulated').ifExists().execute();
  await db.schema.alterTable('contacts').dropColumn('simulated').execute();
  await db.schema.alterTable('api_tokens').dropColumn('created_by').execute();
  await db.schema.dropTable('sessions').ifExists().execute();
  await db.schema.dropTable('users').ifExists().execute();
}
