import type { Kysely } from 'kysely';

/**
 * What the admin app reads: recent events per store (the "events received" check), and notes on
 * runs for the moments that leave no message behind: a send postponed by quiet hours, or held back
 * because the shopper came back to the store. The contact timeline explains each step with them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('events_store_received').on('events').columns(['store_id', 'received_at']).execute();
  await db.schema
    .createTable('run_notes')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('until', 'bigint')
    .execute();
  await db.schema.createIndex('run_notes_contact').on('run_notes').columns(['store_id', 'contact_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('run_notes').ifExists().execute();
  await db.schema.dropIndex('events_store_received').ifExists().execute();
}
