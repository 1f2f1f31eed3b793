/**
 * Per-day series for the dashboard, in the store's time zone. Days are cut at the zone's UTC
 * offset at the middle of the period (one offset per report, so a DST change inside the period
 * moves an hour of activity across midnight); the grouping runs in SQL on both databases.
 */
import { sql, type Kysely } from 'kysely';
import { localMsOfDay } from '../kernel/timezone.ts';
import type { DB } from '../store/schema.ts';

const DAY = 86_400_000;

export interface DayRow { date: string; abandoned: number; sent: number; recoveredOrders: number; recoveredRevenue: number }

/** The zone's offset from UTC at `at`, in ms (e.g. +8 h for Asia/Shanghai). */
export function zoneOffset(at: number, tz: string): number {
  const diff = localMsOfDay(at, tz) - (((at % DAY) + DAY) % DAY);
  return diff > DAY / 2 ? diff - DAY : diff < -DAY / 2 ? diff + DAY : diff;
}

const dayOf = (column: string, offset: number) => sql<number>`cast((${sql.ref(column)} + ${offset}) / ${DAY} as integer)`;

export async function dailySeries(db: Kysely<DB>, storeId: string, from: number, to: number, tz: string): Promise<DayRow[]> {
  const offset = zoneOffset(from + (to - from) / 2, tz);
  const [carts, messages, orders] = await Promise.all([
    db.selectFrom('carts').select([dayOf('abandoned_at', offset).as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('store_id', '=', storeId).where('abandoned_at', '>=', from).where('abandoned_at', '<', to).groupBy('day').execute(),
    db.selectFrom('messages').select([dayOf('created_at', offset).as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('store_id', '=', storeId).where('status', 'in', ['sent', 'uncertain']).where('created_at', '>=', from).where('created_at', '<', to).groupBy('day').execute(),
    db.selectFrom('orders').select([dayOf('placed_at', offset).as('day'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('total').as('revenue')])
      .where('store_id', '=', storeId).where('recovered', '=', 1).where('refunded_at', 'is', null).where('placed_at', '>=', from).where('placed_at', '<', to).groupBy('day').execute(),
  ]);
  const first = Math.floor((from + offset) / DAY);
  const last = Math.floor((to - 1 + offset) / DAY);
  const rows = new Map<number, DayRow>();
  for (let d = first; d <= last; d++) rows.set(d, { date: new Date(d * DAY).toISOString().slice(0, 10), abandoned: 0, sent: 0, recoveredOrders: 0, recoveredRevenue: 0 });
  for (const c of carts) if (rows.has(Number(c.day))) rows.get(Number(c.day))!.abandoned = Number(c.n);
  for (const m of messages) if (rows.has(Number(m.day))) rows.get(Number(m.day))!.sent = Number(m.n);
  for (const o of orders) {
    const r = rows.get(Number(o.day));
    if (r) {
      r.recoveredOrders = Number(o.n);
      r.recoveredRevenue = Number(o.revenue ?? 0);
    }
  }
  return [...rows.values()];
}
