import type { Kysely } from 'kysely';

/**
 * Storefront connectors: a cart may carry the platform's own restore URL (Shopify's
 * abandoned_checkout_url), used by restore links instead of the store's template.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('carts').addColumn('restore_url', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('carts').dropColumn('restore_url').execute();
}
