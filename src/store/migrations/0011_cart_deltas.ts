import type { Kysely } from 'kysely';

/**
 * A cart keeps what came since its last snapshot (the snapshot and the deltas after it, with their
 * business times, as JSON), so a delta that arrives late is replayed at its own time instead of
 * applied on top of newer news. Carts written before this start from their contents as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('carts').addColumn('deltas', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('carts').dropColumn('deltas').execute();
}
