/**
 * Row types of every table, as Kysely sees them. Conventions (hold on both dialects):
 * - every instant is a UTC epoch-millisecond integer in a column named *_at;
 * - money is integer minor units next to its currency;
 * - flags are integers 0/1; structured values are JSON text, parsed in src/store/queries.
 * Every tenant table keys on store_id, so a very large deployment can shard by store.
 */
import type { Generated } from 'kysely';

export interface InstanceTable { key: string; value: string }

export interface ApiTokenTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  created_by: string | null;
  /** a token for one store only; null: every store */
  store_id: string | null;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
  /** JSON array of the stores this user may see; null: every store (an administrator) */
  store_ids: string | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
}

export interface StoreTable {
  id: string;
  name: string;
  write_key_hash: string;
  public_key: string;
  settings: string;
  created_at: number;
  updated_at: number;
}

export interface EventTable {
  store_id: string;
  id: string;
  message_id: string;
  type: string;
  event: string | null;
  anonymous_id: string | null;
  user_id: string | null;
  contact_id: string | null;
  occurred_at: number;
  received_at: number;
  payload: string;
  /** null while the event waits in the outbox for the applier */
  applied_at: number | null;
  /** why the applier could not apply it (it is then marked applied, so it blocks nothing) */
  apply_error: string | null;
  restore_url: string | null;
}

export interface ContactTable {
  store_id: string;
  id: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  timezone: string | null;
  email_consent: number | null;
  unsubscribed_at: number | null;
  suppressed_at: number | null;
  suppressed_reason: string | null;
  traits: string;
  traits_at: number;
  created_at: number;
  updated_at: number;
  /** 1 for contacts a simulation made (the demo store's history); removable in one go */
  simulated: Generated<number>;
}

export interface IdentityTable { store_id: string; kind: string; value: string; contact_id: string; created_at: number }

export interface CartTable {
  store_id: string;
  id: string;
  external_id: string;
  contact_id: string | null;
  anonymous_id: string | null;
  status: string;
  items: string;
  item_count: number;
  value: number;
  currency: string;
  started_at: number;
  last_activity_at: number;
  /** occurred_at of the last full snapshot (products[]); older deltas are already in it. */
  contents_at: number;
  /** JSON: the last snapshot and the deltas after it, with their business times (src/carts/cart-state.ts CartEntry) */
  deltas: string;
  abandon_due_at: number | null;
  abandoned_at: number | null;
  enrolled_at: number | null;
  purchased_at: number | null;
  order_id: string | null;
  /** the platform's own link back to this cart (Shopify abandoned_checkout_url), if any */
  restore_url: string | null;
  created_at: number;
  updated_at: number;
}

export interface OrderTable {
  store_id: string;
  id: string;
  external_id: string;
  contact_id: string | null;
  cart_id: string | null;
  total: number;
  currency: string;
  placed_at: number;
  received_at: number;
  recovered: number;
  attributed_message_id: string | null;
  attributed_run_id: string | null;
  attributed_flow_id: string | null;
  attributed_node_id: string | null;
  attributed_variant: string | null;
  refunded_at: number | null;
}

export interface FlowTable {
  store_id: string;
  id: string;
  name: string;
  trigger: string;
  status: string;
  live_version: number | null;
  latest_version: number;
  created_at: number;
  updated_at: number;
}

export interface FlowVersionTable { store_id: string; flow_id: string; version: number; definition: string; created_at: number }

export interface RunTable {
  store_id: string;
  id: string;
  flow_id: string;
  flow_version: number;
  contact_id: string;
  cart_id: string | null;
  episode: number;
  state: string;
  node_id: string;
  due_at: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  holdout: number;
  started_at: number;
  cart_started_at: number;
  ended_at: number | null;
  exit_reason: string | null;
  steps: Generated<number>;
}

export interface MessageTable {
  store_id: string;
  id: string;
  run_id: string;
  node_id: string;
  flow_id: string;
  contact_id: string;
  cart_id: string | null;
  channel: string;
  template: string | null;
  variant: string | null;
  locale: string | null;
  to_address: string | null;
  subject: string | null;
  status: string;
  reason: string | null;
  provider_id: string | null;
  discount_code: string | null;
  /** JSON array of the URLs the message links to; click tokens carry an index into it. */
  links: string;
  created_at: number;
  sent_at: number | null;
  opened_at: number | null;
  clicked_at: number | null;
  last_opened_at: number | null;
  last_clicked_at: number | null;
  open_count: Generated<number>;
  click_count: Generated<number>;
  /** provider calls made: more than one only when the server deferred it (4xx, or no connection) */
  attempts: Generated<number>;
}

export interface LinkEventTable {
  store_id: string;
  id: string;
  message_id: string;
  kind: string;
  at: number;
  url: string | null;
  user_agent: string | null;
  /** why this was judged a machine (a HEAD request, a scanner's user agent, too soon after delivery); null: a person */
  machine: string | null;
}

export interface DiscountCodeTable {
  store_id: string;
  code: string;
  contact_id: string;
  message_id: string;
  kind: string;
  value: number;
  currency: string | null;
  expires_at: number;
  created_at: number;
  redeemed_order_id: string | null;
}

export interface TemplateTable {
  store_id: string;
  id: string;
  key: string;
  locale: string;
  version: number;
  subject: string;
  preheader: string;
  mjml: string;
  html: string;
  text: string;
  created_at: number;
}

export interface MailboxTable {
  store_id: string;
  id: string;
  message_id: string | null;
  to_address: string;
  from_address: string;
  subject: string;
  html: string;
  text: string;
  headers: string;
  created_at: number;
}

/** Moments of a run that leave no message: a send postponed (quiet hours) or held back (the shopper came back). */
export interface RunNoteTable {
  store_id: string;
  id: string;
  run_id: string;
  contact_id: string;
  node_id: string | null;
  at: number;
  kind: 'quiet_hours' | 'returned_to_store';
  until: number | null;
}

/** A person who had opted out when their data was erased: only the SHA-256 of their normalized email. */
export interface SuppressionTable { store_id: string; email_hash: string; kind: 'unsubscribed' | 'suppressed'; created_at: number }

export interface DB {
  instance: InstanceTable;
  api_tokens: ApiTokenTable;
  users: UserTable;
  sessions: SessionTable;
  stores: StoreTable;
  events: EventTable;
  contacts: ContactTable;
  identities: IdentityTable;
  carts: CartTable;
  orders: OrderTable;
  flows: FlowTable;
  flow_versions: FlowVersionTable;
  runs: RunTable;
  messages: MessageTable;
  link_events: LinkEventTable;
  discount_codes: DiscountCodeTable;
  templates: TemplateTable;
  mailbox: MailboxTable;
  run_notes: RunNoteTable;
  suppressions: SuppressionTable;
}
