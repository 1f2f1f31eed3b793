import type { Kysely } from 'kysely';

/**
 * Deliveries the mail server turned away for now (4xx, or no connection) are tried again with a
 * growing pause: a message counts its attempts. (A message whose fate is unknown, because the
 * connection broke after it was handed over, is never tried again: at most once.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('attempts').execute();
}
