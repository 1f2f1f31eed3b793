import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Column helpers keep the two dialects identical: bigint for instants and money, text for JSON.
type Builder = ColumnDefinitionBuilder;
const notNull = (c: Builder) => c.notNull();

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('instance').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', notNull).execute();

  await s
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', notNull)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('last_used_at', 'bigint')
    .execute();

  await s
    .createTable('stores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', notNull)
    .addColumn('write_key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull().unique())
    .addColumn('settings', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();

  await s
    .createTable('events')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', notNull)
    .addColumn('type', 'text', notNull)
    .addColumn('event', 'text')
    .addColumn('anonymous_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('occurred_at', 'bigint', notNull)
    .addColumn('received_at', 'bigint', notNull)
    .addColumn('payload', 'text', notNull)
    .addUniqueConstraint('events_message_id', ['store_id', 'message_id'])
    .execute();
  await s.createIndex('events_contact').on('events').columns(['store_id', 'contact_id', 'occurred_at']).execute();
  await s.createIndex('events_anonymous').on('events').columns(['store_id', 'anonymous_id']).execute();

  await s
    .createTable('contacts')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('locale', 'text')
    .addColumn('timezone', 'text')
    .addColumn('email_consent', 'integer')
    .addColumn('unsubscribed_at', 'bigint')
    .addColumn('suppressed_at', 'bigint')
    .addColumn('suppressed_reason', 'text')
    .addColumn('traits', 'text', notNull)
    .addColumn('traits_at', 'bigint', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await s.createIndex('contacts_email').on('contacts').columns(['store_id', 'email']).execute();

  await s
    .createTable('identities')
    .addColumn('store_id', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('value', 'text', notNull)
    .addColumn('contact_id', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('identities_pk', ['store_id', 'kind', 'value'])
    .execute();
  await s.createIndex('identities_contact').on('identities').columns(['contact_id']).execute();

  await s
    .createTable('carts')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_id', 'text', notNull)
    .addColumn('contact_id', 'text')
    .addColumn('anonymous_id', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('items', 'text', notNull)
    .addColumn('item_count', 'integer', notNull)
    .addColumn('value', 'bigint', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('started_at', 'bigint', notNull)
    .addColumn('last_activity_at', 'bigint', notNull)
    .addColumn('contents_at', 'bigint', notNull)
    .addColumn('abandon_due_at', 'bigint')
    .addColumn('abandoned_at', 'bigint')
    .addColumn('enrolled_at', 'bigint')
    .addColumn('purchased_at', 'bigint')
    .addColumn('order_id', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('carts_external_id', ['store_id', 'external_id'])
    .execute();
  await s.createIndex('carts_abandon_due').on('carts').column('abandon_due_at').where(sql.ref('abandon_due_at'), 'is not', null).execute();
  await s.createIndex('carts_contact').on('carts').columns(['store_id', 'contact_id']).execute();
  await s.createIndex('carts_anonymous').on('carts').columns(['store_id', 'anonymous_id']).execute();

  await s
    .createTable('orders')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_id', 'text', notNull)
    .addColumn('contact_id', 'text')
    .addColumn('cart_id', 'text')
    .addColumn('total', 'bigint', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('placed_at', 'bigint', notNull)
    .addColumn('received_at', 'bigint', notNull)
    .addColumn('recovered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attributed_message_id', 'text')
    .addColumn('attributed_run_id', 'text')
    .addColumn('attributed_flow_id', 'text')
    .addColumn('attributed_node_id', 'text')
    .addColumn('attributed_variant', 'text')
    .addColumn('refunded_at', 'bigint')
    .addUniqueConstraint('orders_external_id', ['store_id', 'external_id'])
    .execute();
  await s.createIndex('orders_contact').on('orders').columns(['store_id', 'contact_id', 'placed_at']).execute();
  await s.createIndex('orders_cart').on('orders').columns(['cart_id']).execute();

  await s
    .createTable('flows')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', notNull)
    .addColumn('trigger', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('live_version', 'integer')
    .addColumn('latest_version', 'integer', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('flows_name', ['store_id', 'name'])
    .execute();

  await s
    .createTable('flow_versions')
    .addColumn('store_id', 'text', notNull)
    .addColumn('flow_id', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('definition', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('flow_versions_pk', ['flow_id', 'version'])
    .execute();

  await s
    .createTable('runs')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('flow_id', 'text', notNull)
    .addColumn('flow_version', 'integer', notNull)
    .addColumn('contact_id', 'text', notNull)
    .addColumn('cart_id', 'text')
    .addColumn('episode', 'bigint', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('node_id', 'text', notNull)
    .addColumn('due_at', 'bigint')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('holdout', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'bigint', notNull)
    .addColumn('cart_started_at', 'bigint', notNull)
    .addColumn('ended_at', 'bigint')
    .addColumn('exit_reason', 'text')
    .addColumn('steps', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('runs_once_per_episode', ['flow_id', 'contact_id', 'cart_id', 'episode'])
    .execute();
  await s.createIndex('runs_due').on('runs').column('due_at').where(sql.ref('state'), '=', 'active').execute();
  await s.createIndex('runs_contact').on('runs').columns(['store_id', 'contact_id', 'state']).execute();
  await s.createIndex('runs_flow').on('runs').columns(['flow_id', 'started_at']).execute();

  await s
    .createTable('messages')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', notNull)
    .addColumn('node_id', 'text', notNull)
    .addColumn('flow_id', 'text', notNull)
    .addColumn('contact_id', 'text', notNull)
    .addColumn('cart_id', 'text')
    .addColumn('channel', 'text', notNull)
    .addColumn('template', 'text')
    .addColumn('variant', 'text')
    .addColumn('locale', 'text')
    .addColumn('to_address', 'text')
    .addColumn('subject', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('reason', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('discount_code', 'text')
    .addColumn('links', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('sent_at', 'bigint')
    .addColumn('opened_at', 'bigint')
    .addColumn('clicked_at', 'bigint')
    .addColumn('last_opened_at', 'bigint')
    .addColumn('last_clicked_at', 'bigint')
    .addColumn('open_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('click_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Invariant 2: at most one message per (run, node), written before the provider is called.
    .addUniqueConstraint('messages_once_per_node', ['run_id', 'node_id'])
    .execute();
  await s.createIndex('messages_contact').on('messages').columns(['store_id', 'contact_id', 'created_at']).execute();
  await s.createIndex('messages_flow').on('messages').columns(['flow_id', 'created_at']).execute();

  await s
    .createTable('link_events')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('at', 'bigint', notNull)
    .addColumn('url', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await s.createIndex('link_events_message').on('link_events').columns(['message_id', 'at']).execute();

  await s
    .createTable('discount_codes')
    .addColumn('store_id', 'text', notNull)
    .addColumn('code', 'text', notNull)
    .addColumn('contact_id', 'text', notNull)
    .addColumn('message_id', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('value', 'bigint', notNull)
    .addColumn('currency', 'text')
    .addColumn('expires_at', 'bigint', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('redeemed_order_id', 'text')
    .addPrimaryKeyConstraint('discount_codes_pk', ['store_id', 'code'])
    .execute();

  await s
    .createTable('templates')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', notNull)
    .addColumn('locale', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('preheader', 'text', notNull)
    .addColumn('mjml', 'text', notNull)
    .addColumn('html', 'text', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addUniqueConstraint('templates_version', ['store_id', 'key', 'locale', 'version'])
    .execute();

  await s
    .createTable('mailbox')
    .addColumn('store_id', 'text', notNull)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text')
    .addColumn('to_address', 'text', notNull)
    .addColumn('from_address', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('html', 'text', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('headers', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await s.createIndex('mailbox_store').on('mailbox').columns(['store_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['mailbox', 'templates', 'discount_codes', 'link_events', 'messages', 'runs', 'flow_versions', 'flows', 'orders', 'carts', 'identities', 'contacts', 'events', 'stores', 'api_tokens', 'instance']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
