import { sql, type Kysely } from 'kysely';

/**
 * Ingest becomes an outbox: a request only writes its events (durable, idempotent by messageId)
 * and answers; the applier applies them to contacts, carts and orders in order, per store. An
 * event is pending while applied_at is null; one that cannot be applied keeps its error and is
 * marked applied so it never blocks the ones after it. Events stored before this migration were
 * applied when they arrived.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('applied_at', 'bigint').execute();
  await db.schema.alterTable('events').addColumn('apply_error', 'text').execute();
  // the platform's own restore link of a cart (Shopify's abandoned_checkout_url), set only by signed connectors
  await db.schema.alterTable('events').addColumn('restore_url', 'text').execute();
  await sql`update events set applied_at = received_at`.execute(db);
  await db.schema.createIndex('events_pending').on('events').columns(['store_id', 'received_at', 'id']).where(sql.ref('applied_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_pending').ifExists().execute();
  for (const c of ['restore_url', 'apply_error', 'applied_at']) await db.schema.alterTable('events').dropColumn(c).execute();
}
