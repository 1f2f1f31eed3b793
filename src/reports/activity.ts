/**
 * "Is my store connected?": the events a store sent lately, and where each came from (the browser
 * snippet, a Shopify or WooCommerce webhook, or the server API), for the settings page's live check.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';

export type EventSource = 'snippet' | 'shopify' | 'woocommerce' | 'server';

export function eventSource(messageId: string, payload: { context?: { library?: { name?: unknown } } }): EventSource {
  if (messageId.startsWith('shopify:')) return 'shopify';
  if (messageId.startsWith('woocommerce:')) return 'woocommerce';
  return payload.context?.library?.name === 'cartback-snippet' ? 'snippet' : 'server';
}

export async function storeActivity(db: Kysely<DB>, storeId: string, now: number) {
  const [recent, lastHour, lastDay] = await Promise.all([
    db.selectFrom('events').select(['type', 'event', 'message_id', 'received_at', 'payload']).where('store_id', '=', storeId).orderBy('received_at', 'desc').limit(10).execute(),
    db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('store_id', '=', storeId).where('received_at', '>', now - 3_600_000).executeTakeFirst(),
    db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('store_id', '=', storeId).where('received_at', '>', now - 86_400_000).executeTakeFirst(),
  ]);
  return {
    lastEventAt: recent[0] ? new Date(recent[0].received_at).toISOString() : null,
    lastHour: Number(lastHour?.n ?? 0),
    last24Hours: Number(lastDay?.n ?? 0),
    recent: recent.map((e) => ({ name: e.event ?? e.type, receivedAt: new Date(e.received_at).toISOString(), source: eventSource(e.message_id, JSON.parse(e.payload) as object) })),
  };
}
