import { sql, type Kysely } from 'kysely';

/**
 * Due work of ONE store: a simulation's own engine (the demo store's history) claims only its
 * store's carts and runs. Without these, a store-scoped claim walks every cart or run of the store;
 * with them it reads only what is waiting (partial indexes, as carts_abandon_due and runs_due).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('carts_store_abandon_due').on('carts').columns(['store_id', 'abandon_due_at']).where(sql.ref('abandon_due_at'), 'is not', null).execute();
  await db.schema.createIndex('runs_store_due').on('runs').columns(['store_id', 'due_at']).where(sql.ref('state'), '=', 'active').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('runs_store_due').ifExists().execute();
  await db.schema.dropIndex('carts_store_abandon_due').ifExists().execute();
}
