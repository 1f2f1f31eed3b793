import type { Kysely } from 'kysely';

/**
 * Data protection. `suppressions` keeps, per store, the SHA-256 of the normalized email of a person
 * who had unsubscribed (or was suppressed) when their data was erased: the address itself is gone,
 * yet a send to it is refused if they come back (src/privacy/suppression.ts). The indexes are the
 * lookups an erasure makes that no earlier index served: a contact's discount codes, the mailbox
 * copies of their messages and the test mails to their address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('suppressions')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('email_hash', 'text', (c) => c.notNull())
    // 'unsubscribed' or 'suppressed' (the contact's own flag when it was erased)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('suppressions_pk', ['store_id', 'email_hash'])
    .execute();
  await db.schema.createIndex('discount_codes_contact').on('discount_codes').columns(['store_id', 'contact_id']).execute();
  await db.schema.createIndex('mailbox_message').on('mailbox').column('message_id').execute();
  await db.schema.createIndex('mailbox_to').on('mailbox').columns(['store_id', 'to_address']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const i of ['mailbox_to', 'mailbox_message', 'discount_codes_contact']) await db.schema.dropIndex(i).ifExists().execute();
  await db.schema.dropTable('suppressions').ifExists().execute();
}
