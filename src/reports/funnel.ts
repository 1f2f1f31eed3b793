/**
 * The recovery funnel of the carts abandoned in a period: how many were abandoned, reached by at
 * least one message, opened one, clicked one, and came back as an order credited to a message.
 * Each stage counts carts. Contacted ⊆ reachable ⊆ abandoned and clicked ⊆ opened ⊆ contacted (a
 * click counts as an open); recovered ⊆ opened but not always ⊆ clicked, since an order is credited
 * to the last click, else the last open (a shopper may read the email and come back by typing).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';

export interface Funnel { abandoned: number; reachable: number; contacted: number; opened: number; clicked: number; recovered: number; abandonedValue: number }

export async function recoveryFunnel(db: Kysely<DB>, storeId: string, from: number, to: number): Promise<Funnel> {
  const [carts, reached, recovered] = await Promise.all([
    db.selectFrom('carts')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('enrolled_at').as('reachable'), (eb) => eb.fn.sum<number>('value').as('value')])
      .where('store_id', '=', storeId).where('abandoned_at', '>=', from).where('abandoned_at', '<', to).executeTakeFirst(),
    db.selectFrom('messages as m').innerJoin('carts as c', 'c.id', 'm.cart_id')
      .select([
        sql<number>`count(distinct c.id)`.as('contacted'),
        sql<number>`count(distinct case when m.opened_at is not null then c.id end)`.as('opened'),
        sql<number>`count(distinct case when m.clicked_at is not null then c.id end)`.as('clicked'),
      ])
      .where('c.store_id', '=', storeId).where('c.abandoned_at', '>=', from).where('c.abandoned_at', '<', to).where('m.status', 'in', ['sent', 'uncertain']).executeTakeFirst(),
    db.selectFrom('orders as o').innerJoin('messages as m', 'm.id', 'o.attributed_message_id').innerJoin('carts as c', 'c.id', 'm.cart_id')
      .select(sql<number>`count(distinct c.id)`.as('n'))
      .where('o.store_id', '=', storeId).where('o.recovered', '=', 1).where('o.refunded_at', 'is', null).where('c.abandoned_at', '>=', from).where('c.abandoned_at', '<', to).executeTakeFirst(),
  ]);
  return {
    abandoned: Number(carts?.n ?? 0), reachable: Number(carts?.reachable ?? 0), abandonedValue: Number(carts?.value ?? 0),
    contacted: Number(reached?.contacted ?? 0), opened: Number(reached?.opened ?? 0), clicked: Number(reached?.clicked ?? 0), recovered: Number(recovered?.n ?? 0),
  };
}
