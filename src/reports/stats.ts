/**
 * What came back, per flow and per step/variant, for a period. Two views, kept apart on purpose:
 * - recovered: orders credited to a message (last click, else last open, within the window);
 * - converted: any purchase within the window after a run began, for treated and holdout runs
 *   alike. Only this one compares like with like, so the lift over the holdout is computed on it.
 */
import type { Kysely } from 'kysely';
import { parseDuration } from '../kernel/duration.ts';
import type { Store } from '../store/queries/stores.ts';
import type { DB } from '../store/schema.ts';
import { flowStepRows, type StepRow } from './step-stats.ts';

export interface GroupStats { entered: number; converted: number; conversionRate: number | null }
export interface FlowStats {
  flowId: string;
  name: string;
  entered: number;
  treated: GroupStats;
  holdout: GroupStats;
  /** treated minus holdout conversion rate (percentage points as a fraction), and relative to holdout. */
  lift: { absolute: number; relative: number | null } | null;
  messagesSent: number;
  opened: number;
  clicked: number;
  recoveredOrders: number;
  recoveredRevenue: number;
  recoveryRate: number | null;
  steps: StepRow[];
}
export interface Stats {
  storeId: string;
  from: string;
  to: string;
  currency: string;
  abandonedCarts: number;
  reachableCarts: number;
  flows: FlowStats[];
  totals: { entered: number; messagesSent: number; recoveredOrders: number; recoveredRevenue: number; recoveryRate: number | null };
}

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

async function conversions(db: Kysely<DB>, storeId: string, from: number, to: number, windowMs: number) {
  const runs = await db
    .selectFrom('runs')
    .select(['id', 'flow_id', 'holdout', 'contact_id', 'cart_id', 'started_at'])
    .where('store_id', '=', storeId)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .execute();
  const orders = await db.selectFrom('orders').select(['contact_id', 'cart_id', 'placed_at']).where('store_id', '=', storeId).where('placed_at', '>=', from).where('placed_at', '<', to + windowMs).execute();
  const byContact = new Map<string, number[]>();
  const byCart = new Map<string, number[]>();
  for (const o of orders) {
    if (o.contact_id) byContact.set(o.contact_id, [...(byContact.get(o.contact_id) ?? []), o.placed_at]);
    if (o.cart_id) byCart.set(o.cart_id, [...(byCart.get(o.cart_id) ?? []), o.placed_at]);
  }
  const groups = new Map<string, { treated: GroupStats; holdout: GroupStats }>();
  for (const r of runs) {
    const g = groups.get(r.flow_id) ?? { treated: { entered: 0, converted: 0, conversionRate: null }, holdout: { entered: 0, converted: 0, conversionRate: null } };
    const side = r.holdout ? g.holdout : g.treated;
    side.entered++;
    const times = [...(byContact.get(r.contact_id) ?? []), ...(r.cart_id ? (byCart.get(r.cart_id) ?? []) : [])];
    if (times.some((t) => t >= r.started_at && t <= r.started_at + windowMs)) side.converted++;
    groups.set(r.flow_id, g);
  }
  for (const g of groups.values()) {
    g.treated.conversionRate = rate(g.treated.converted, g.treated.entered);
    g.holdout.conversionRate = rate(g.holdout.converted, g.holdout.entered);
  }
  return groups;
}

export async function storeStats(db: Kysely<DB>, store: Store, from: number, to: number): Promise<Stats> {
  const windowMs = parseDuration(store.settings.attributionWindow);
  const carts = await db
    .selectFrom('carts')
    .select((eb) => [eb.fn.countAll<number>().as('abandoned'), eb.fn.count<number>('enrolled_at').as('reachable')])
    .where('store_id', '=', store.id)
    .where('abandoned_at', '>=', from)
    .where('abandoned_at', '<', to)
    .executeTakeFirst();
  const flows = await db.selectFrom('flows').select(['id', 'name']).where('store_id', '=', store.id).orderBy('created_at').execute();
  const conv = await conversions(db, store.id, from, to, windowMs);
  const steps = await flowStepRows(db, store.id, from, to);

  const out: FlowStats[] = flows.map((f) => {
    const g = conv.get(f.id) ?? { treated: { entered: 0, converted: 0, conversionRate: null }, holdout: { entered: 0, converted: 0, conversionRate: null } };
    const mine = steps.filter((s) => s.flowId === f.id);
    const sum = (k: 'sent' | 'opened' | 'clicked' | 'recoveredOrders' | 'recoveredRevenue') => mine.reduce((a, s) => a + s[k], 0);
    const t = g.treated.conversionRate;
    const h = g.holdout.conversionRate;
    return {
      flowId: f.id, name: f.name, entered: g.treated.entered + g.holdout.entered, treated: g.treated, holdout: g.holdout,
      lift: t !== null && h !== null ? { absolute: t - h, relative: h > 0 ? (t - h) / h : null } : null,
      messagesSent: sum('sent'), opened: sum('opened'), clicked: sum('clicked'), recoveredOrders: sum('recoveredOrders'), recoveredRevenue: sum('recoveredRevenue'),
      recoveryRate: rate(sum('recoveredOrders'), g.treated.entered), steps: mine,
    };
  });
  const total = (k: 'entered' | 'messagesSent' | 'recoveredOrders' | 'recoveredRevenue') => out.reduce((a, f) => a + f[k], 0);
  const treatedEntered = out.reduce((a, f) => a + f.treated.entered, 0);
  return {
    storeId: store.id, from: new Date(from).toISOString(), to: new Date(to).toISOString(), currency: store.settings.currency,
    abandonedCarts: Number(carts?.abandoned ?? 0), reachableCarts: Number(carts?.reachable ?? 0), flows: out,
    totals: { entered: total('entered'), messagesSent: total('messagesSent'), recoveredOrders: total('recoveredOrders'), recoveredRevenue: total('recoveredRevenue'), recoveryRate: rate(total('recoveredOrders'), treatedEntered) },
  };
}
