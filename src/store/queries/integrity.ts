/**
 * The SQL of the integrity report (src/reports/integrity.ts): messages that should not exist,
 * found afterwards. Each query starts from the small side (orders, opted-out contacts) and reaches
 * messages through an index, so a store with 100k messages is checked in well under a second.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** A provider may have these; skipped and failed sends reached nobody. */
export const ATTEMPTED = ['sent', 'sending', 'uncertain'];

export interface Period { storeId: string; from: number; to: number }

/**
 * Messages of a contact created after they bought, in the same episode (the order was placed
 * after the run's cart began, or arrived after the run began: hasPurchased's rule), each with the
 * order's first acknowledgement: its `Order Completed` event's arrival (the order row itself is
 * written later, by the applier), else the order row's arrival.
 */
export async function messagesAfterOrders(db: Kysely<DB>, p: Period) {
  return db
    .selectFrom('orders as o')
    .innerJoin('messages as m', (j) => j.onRef('m.store_id', '=', 'o.store_id').onRef('m.contact_id', '=', 'o.contact_id'))
    .innerJoin('runs as r', 'r.id', 'm.run_id')
    .select(['m.id as messageId', 'm.run_id as runId', 'm.node_id as nodeId', 'm.contact_id as contactId', 'm.created_at as sentAt', 'o.external_id as orderId', 'o.placed_at as placedAt'])
    .select((eb) => {
      const firstEvent = eb
        .selectFrom('events as e')
        .select((e) => e.fn.min<number>('e.received_at').as('at'))
        .whereRef('e.store_id', '=', 'o.store_id')
        .whereRef('e.contact_id', '=', 'o.contact_id')
        .whereRef('e.occurred_at', '=', 'o.placed_at')
        .where('e.event', '=', 'Order Completed');
      return eb.fn.coalesce(firstEvent, eb.ref('o.received_at')).as('acknowledgedAt');
    })
    .where('o.store_id', '=', p.storeId)
    .where('m.status', 'in', ATTEMPTED)
    .where('m.created_at', '>=', p.from)
    .where('m.created_at', '<', p.to)
    .whereRef('o.placed_at', '<', 'm.created_at')
    .where((eb) => eb.or([eb('o.placed_at', '>=', eb.ref('r.cart_started_at')), eb('o.received_at', '>=', eb.ref('r.started_at'))]))
    .execute();
}

/** (run, step) pairs with more than one message row. */
export async function duplicateSends(db: Kysely<DB>, p: Period) {
  return db
    .selectFrom('messages')
    .select(['run_id as runId', 'node_id as nodeId', (eb) => eb.fn.countAll<number>().as('messages')])
    .where('store_id', '=', p.storeId)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .groupBy(['run_id', 'node_id'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
}

/** Messages created after their contact unsubscribed or was suppressed. */
export async function messagesAfterOptOut(db: Kysely<DB>, p: Period) {
  return db
    .selectFrom('contacts as c')
    .innerJoin('messages as m', (j) => j.onRef('m.store_id', '=', 'c.store_id').onRef('m.contact_id', '=', 'c.id'))
    .select(['m.id as messageId', 'c.id as contactId', 'm.created_at as sentAt', 'c.unsubscribed_at as unsubscribedAt', 'c.suppressed_at as suppressedAt'])
    .where('c.store_id', '=', p.storeId)
    .where((eb) => eb.or([eb('c.unsubscribed_at', 'is not', null), eb('c.suppressed_at', 'is not', null)]))
    .where('m.status', 'in', ATTEMPTED)
    .where('m.created_at', '>=', p.from)
    .where('m.created_at', '<', p.to)
    .where((eb) => eb.or([eb('c.unsubscribed_at', '<', eb.ref('m.created_at')), eb('c.suppressed_at', '<', eb.ref('m.created_at'))]))
    .execute();
}

export async function attemptedMessages(db: Kysely<DB>, p: Period): Promise<number> {
  const row = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('store_id', '=', p.storeId).where('status', 'in', ATTEMPTED).where('created_at', '>=', p.from).where('created_at', '<', p.to).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Events received in the period (optionally only message ids with this prefix): stored, pending, set aside. */
export async function eventCounts(db: Kysely<DB>, p: Period, messagePrefix?: string): Promise<{ stored: number; pending: number; failed: number }> {
  let q = db
    .selectFrom('events')
    .select((eb) => [
      eb.fn.countAll<number>().as('stored'),
      eb.fn.count<number>(eb.case().when('applied_at', 'is', null).then(1).end()).as('pending'),
      eb.fn.count<number>('apply_error').as('failed'),
    ])
    .where('store_id', '=', p.storeId)
    .where('received_at', '>=', p.from)
    .where('received_at', '<', p.to);
  // LIKE with the wildcards of the prefix escaped; the period keeps the scan to the store's index range.
  if (messagePrefix) q = q.where(sql<boolean>`message_id like ${`${messagePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  const row = await q.executeTakeFirst();
  return { stored: Number(row?.stored ?? 0), pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
}
