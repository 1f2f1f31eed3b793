import type { Kysely } from 'kysely';

/**
 * A followed link may not be a person: mail security gateways fetch every link of a message as it
 * arrives, previewers do HEAD requests. Such a link event is still kept (with why it was judged a
 * machine) but does not count as an open or a click, and so credits no order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('link_events').addColumn('machine', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('link_events').dropColumn('machine').execute();
}
