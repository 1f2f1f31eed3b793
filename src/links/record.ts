/** What a followed link does to the data: a link event, and the message's open/click counters. */
import { sql } from 'kysely';
import { newId } from '../kernel/ids.ts';
import { unsubscribe, type Tx } from '../store/queries/contacts.ts';
import { activeRunsFor, endRuns } from '../store/queries/runs.ts';
import type { MessageTable } from '../store/schema.ts';

export type LinkKind = 'open' | 'click' | 'restore' | 'unsubscribe';

export async function findMessage(tx: Tx, messageId: string): Promise<MessageTable | undefined> {
  return tx.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst() as Promise<MessageTable | undefined>;
}

/**
 * A click (restore links count as one) also counts as an open: images are often blocked. A link
 * followed by a machine (`machine` says why; see machines.ts) is kept but counts as neither.
 */
export async function recordLinkEvent(tx: Tx, m: MessageTable, kind: LinkKind, at: number, extra: { url?: string; userAgent?: string; machine?: string | null } = {}): Promise<void> {
  await tx
    .insertInto('link_events')
    .values({ store_id: m.store_id, id: newId(), message_id: m.id, kind, at, url: extra.url ?? null, user_agent: extra.userAgent?.slice(0, 300) ?? null, machine: extra.machine ?? null })
    .execute();
  if (kind === 'unsubscribe' || extra.machine) return;
  const opened = { opened_at: sql<number>`coalesce(opened_at, ${at})`, last_opened_at: at, open_count: sql<number>`open_count + 1` };
  const clicked = { clicked_at: sql<number>`coalesce(clicked_at, ${at})`, last_clicked_at: at, click_count: sql<number>`click_count + 1` };
  await tx
    .updateTable('messages')
    .set(kind === 'open' ? opened : { ...clicked, opened_at: sql<number>`coalesce(opened_at, ${at})` })
    .where('id', '=', m.id)
    .execute();
}

/** An unsubscribe link followed: the contact opts out and every sequence of theirs stops. Call in a transaction. */
export async function unsubscribeVia(tx: Tx, m: MessageTable, at: number, extra: { userAgent?: string } = {}): Promise<void> {
  await unsubscribe(tx, m.contact_id, at);
  await recordLinkEvent(tx, m, 'unsubscribe', at, extra);
  const runs = await activeRunsFor(tx, m.store_id, { contactId: m.contact_id, cartId: null });
  await endRuns(tx, runs.map((r) => r.id), 'unsubscribed', at);
}
